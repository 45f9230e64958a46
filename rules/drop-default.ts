import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-default',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release drops a column default the older code relies on when it leaves the column out.',
  checklist: 'database',
  remediation: 'Restore the default before rolling back.',
  docs: {
    why: 'Older INSERTs that omit the column got the default; without it they write NULL or, on a NOT NULL column, fail.',
    example: '`ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;`',
    fix: 'Keep the default until no release that may be rolled back to omits the column.',
  },
  check(facts) {
    return opsOf(facts, 'drop-default').map((f) => opFinding(f, 'older inserts that leave the column out no longer get a value'));
  },
});
