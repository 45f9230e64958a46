import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-constraint',
  category: 'migration',
  severity: 'medium',
  description:
    'A migration of the release drops a constraint the older code may rely on: uniqueness for upserts, a foreign key that cascades or guards.',
  checklist: 'database',
  remediation:
    'Check what the older code relied on (ON CONFLICT targets, cascading deletes, rows it assumed valid) and add the constraint back before rolling back if needed.',
  docs: {
    why: "Rows the release wrote without the constraint may break the older code's assumptions: duplicates where it expects one row, orphans where a foreign key used to guard. An `INSERT … ON CONFLICT (col)` of the older code fails outright without the unique constraint it names, and deletes that relied on ON DELETE CASCADE leave rows behind.",
    example:
      '`ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;` or MySQL `ALTER TABLE orders DROP FOREIGN KEY orders_user_id_fkey;`',
    fix: 'Drop constraints a release after the code stopped relying on them; re-add a changed foreign key under the same name in the same migration.',
  },
  check(facts) {
    return opsOf(facts, 'drop-constraint')
      .filter((f) => !f.recreated)
      .map((f) =>
        opFinding(
          f,
          f.op.constraint === 'foreign-key'
            ? 'rows the release writes are no longer checked, and cascades the older code relies on stop'
            : 'rows the release writes are no longer checked, and older upserts that name it fail',
        ),
      );
  },
});
