import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'update-rows',
  category: 'migration',
  severity: 'medium',
  description: 'A migration of the release rewrites rows (UPDATE with a WHERE, UPDATE … FROM): the older code meets the new values.',
  checklist: 'database',
  remediation: 'Check that the older code reads the rewritten values the same way; keep a copy of the old values if it does not.',
  docs: {
    why: 'A data rewrite is not undone by a rollback. Values the release normalised, moved or recomputed are what the older code reads, and the old values are gone.',
    example:
      "`UPDATE users SET status = 'active' WHERE status IS NULL;` or `UPDATE orders SET total = o.sum FROM order_totals o WHERE o.id = orders.id;`",
    fix: 'Keep the old values (a column or table) until no release that may be rolled back to needs them.',
  },
  check(facts) {
    return opsOf(facts, 'update')
      .filter((f) => f.op.where || f.op.from)
      .map((f) => opFinding(f, 'the old values of the rows it selects are overwritten, and the older code reads the new ones'));
  },
});
