import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'rename-column',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release renames a column: the older code still uses the old name.',
  checklist: 'database',
  remediation: 'Rename it back before rolling back, or add the old column back; rename in steps (add, backfill, switch, drop) next time.',
  docs: {
    why: 'After the rollback the older code reads and writes the old column name, which no longer exists, so its queries fail.',
    example: '`ALTER TABLE users RENAME COLUMN name TO full_name;`',
    fix: 'Add the new column, write both for a release, backfill, then drop the old one in a later release.',
  },
  check(facts) {
    return opsOf(facts, 'rename-column').map((f) =>
      opFinding(f, `the older code still uses ${f.op.table}.${f.op.column}, which no longer exists`),
    );
  },
});
