import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'delete-without-where',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release deletes every row of a table (DELETE without WHERE).',
  checklist: 'database',
  remediation: 'Restore the rows from a backup if the older code needs them; add a WHERE clause or move the clean-up out of the migration.',
  docs: {
    why: 'A DELETE without WHERE empties the table; the older code meets it empty and the rows are lost.',
    example: "`DELETE FROM carts;` or `queryInterface.bulkDelete('carts', null)`",
    fix: 'Limit the deletion with a WHERE clause, back up first, and keep data clean-ups apart from schema changes.',
  },
  check(facts) {
    return opsOf(facts, 'delete')
      .filter((f) => !f.op.where)
      .map((f) => opFinding(f, 'every row is deleted; a rollback does not bring them back'));
  },
});
