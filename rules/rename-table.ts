import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'rename-table',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release renames a table or moves it to another schema: the older code still uses the old name.',
  checklist: 'database',
  remediation: 'Rename it back (or add a view with the old name) before rolling back; rename in steps next time.',
  docs: {
    why: 'After the rollback the older code queries the old table name, which no longer exists, so each of those queries fails.',
    example:
      "`ALTER TABLE customers RENAME TO clients;`, `ALTER TABLE customers SET SCHEMA archive;` or SQL Server `EXEC sp_rename 'customers', 'clients';`",
    fix: 'Create the new table or a view under the new name, use both for a release, and drop the old name later.',
  },
  check(facts) {
    return [
      ...opsOf(facts, 'rename-table').map((f) =>
        f.rebuilt
          ? opFinding(
              f,
              `a table the release built takes the name ${f.op.table}: the older code finds it, but columns missing from its definition are gone for it (the old rows stay in ${f.op.to})`,
              { severity: 'medium' },
            )
          : opFinding(f, `the older code still queries ${f.op.table}, which no longer exists`),
      ),
      ...opsOf(facts, 'set-schema').map((f) =>
        opFinding(f, `the older code still queries ${f.op.table} where it was, which no longer finds it`),
      ),
    ];
  },
});
