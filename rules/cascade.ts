import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'cascade',
  category: 'destructive-migration',
  severity: 'high',
  description:
    'A migration of the release drops or empties with CASCADE: what depends on the object (referencing rows, views, foreign keys) goes too.',
  checklist: 'database',
  remediation:
    'Find what depended on the object (referencing tables, views, constraints) and restore it from a backup before rolling back.',
  docs: {
    why: "CASCADE reaches past the named object: TRUNCATE … CASCADE empties every table with a foreign key to it, DROP … CASCADE drops the views and constraints that use it. The older code meets those missing too, and the statement does not say which they are. The tables the release's own migrations show referencing it are named.",
    example: '`TRUNCATE accounts CASCADE;` or `DROP TABLE accounts CASCADE;`',
    fix: 'Drop or empty dependent objects explicitly, by name, so the migration says what it removes.',
  },
  check(facts) {
    // A dropped schema already loses everything in it (drop-schema).
    return opsOf(facts, 'drop-table', 'truncate', 'drop-column', 'drop-object', 'drop-constraint', 'drop-index')
      .filter((f) => f.op.cascade && !f.recreated)
      .map((f) => {
        const what = f.op.action === 'truncate' ? 'empties' : 'drops';
        return opFinding(
          f,
          f.dependents?.length
            ? `CASCADE also ${what} what depends on it, including ${f.dependents.join(', ')} (foreign keys in the release's migrations)`
            : `CASCADE also ${what} whatever depends on it; the release's migrations do not show what, so check the database`,
        );
      });
  },
});
