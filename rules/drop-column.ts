import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-column',
  category: 'destructive-migration',
  severity: 'critical',
  description: 'A migration of the release drops a column: its data is gone and older code that reads or writes it fails.',
  checklist: 'database',
  remediation:
    'Restore the column and its data from a backup before rolling back, or roll forward; drop columns only a release after the code stopped using them.',
  docs: {
    why: 'Rolling back the code does not undo the migration. The older release still selects and inserts the column, so its queries fail, and the values are lost unless restored from a backup.',
    example: '`ALTER TABLE users DROP COLUMN email;`',
    fix: 'Expand and contract: stop reading and writing the column in one release, drop it in the next.',
  },
  check(facts) {
    return opsOf(facts, 'drop-column').map((f) =>
      opFinding(f, 'its values are gone and the older code that still reads or writes the column fails'),
    );
  },
});
