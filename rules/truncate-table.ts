import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'truncate-table',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release empties a table or a partition of it (TRUNCATE, TRUNCATE or DROP PARTITION).',
  checklist: 'database',
  remediation: 'Restore the rows from a backup if the older code needs them; move data deletions out of schema migrations.',
  docs: {
    why: 'TRUNCATE removes every row at once and cannot be undone by a rollback. The older code meets an empty table.',
    example: '`TRUNCATE sessions;`',
    fix: 'Delete data in a separate, reviewed job with a backup, not in a migration the release carries.',
  },
  check(facts) {
    return opsOf(facts, 'truncate').map((f) =>
      opFinding(
        f,
        f.op.partition
          ? 'the rows of that partition are gone; a rollback does not bring them back'
          : 'every row is gone; a rollback does not bring them back',
      ),
    );
  },
});
