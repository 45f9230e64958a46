import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-table',
  category: 'destructive-migration',
  severity: 'critical',
  description: 'A migration of the release drops a table: its data is gone and the older code that uses it fails.',
  checklist: 'database',
  remediation:
    'Restore the table from a backup before rolling back, or roll forward; next time drop tables a release after the code stopped using them.',
  docs: {
    why: 'Redeploying the older code does not bring a dropped table back. Every query of the older release that touches it fails, and the rows are gone unless a backup is restored.',
    example: '`DROP TABLE orders_archive;` in a migration of the release.',
    fix: 'Keep the table for one more release (expand/contract): stop using it in release N, drop it in release N+1, once a rollback past N is no longer needed.',
  },
  check(facts) {
    return opsOf(facts, 'drop-table').map((f) => {
      if (f.rebuilt)
        return opFinding(
          f,
          'the table is rebuilt (created anew, copied, renamed back): columns missing from the new definition lost their data',
          { severity: 'medium' },
        );
      // ClickHouse drops views with DROP TABLE: re-created as a view, nothing stored is lost.
      if (f.recreated && !f.recreated.startsWith('as a new'))
        return opFinding(f, `re-created ${f.recreated}: no rows are lost, but the older code meets the new definition`, {
          severity: 'low',
        });
      if (f.recreated) return opFinding(f, `re-created ${f.recreated}: its rows are gone, and the older code meets an empty table`);
      return opFinding(f, 'its rows are gone and the older code that reads or writes it fails');
    });
  },
});
