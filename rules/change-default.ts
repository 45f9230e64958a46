import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'change-default',
  category: 'migration',
  severity: 'medium',
  description:
    'A migration of the release sets a new default on an existing column: the older code that leaves the column out now writes that value.',
  checklist: 'database',
  remediation:
    'Check that the older code expects the new default in the rows it inserts without the column; set the old default back if not.',
  docs: {
    why: 'The older code relies on the database to fill the columns it omits. After the migration its inserts get the new default (a new status, a flag turned on), which it may not expect.',
    example: "`ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'trial';`",
    fix: 'Change defaults in the code that writes the rows, or only once no release that may be rolled back to depends on the old one.',
  },
  check(facts) {
    return opsOf(facts, 'set-default').map((f) =>
      opFinding(f, "the older code's inserts that leave the column out now get the new default"),
    );
  },
});
