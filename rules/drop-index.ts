import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-index',
  category: 'destructive-migration',
  severity: 'low',
  description:
    'A migration of the release drops an index: the older code survives, maybe slower; a unique index also stops guarding duplicates, and upserts keyed on it fail.',
  checklist: 'database',
  remediation: 'Recreate the index (CONCURRENTLY on PostgreSQL) if the older code relies on it for speed or uniqueness.',
  docs: {
    why: 'Queries of the older code that used the index still work but may slow down. A dropped unique index no longer prevents duplicates the older code assumes cannot exist, and an upsert keyed on it fails: PostgreSQL refuses an `INSERT … ON CONFLICT (columns)` that no unique index matches. The down part of the migration tells a unique index apart when it creates it again.',
    example: '`DROP INDEX idx_orders_created_at;`',
    fix: 'Drop indexes in a later release, once no release that may be rolled back to needs them.',
  },
  check(facts) {
    return opsOf(facts, 'drop-index')
      .filter((f) => !f.recreated)
      .map((f) =>
        f.op.unique || /(?:^|_)(?:uniq|unique|key|pkey)(?:_|$)/i.test(f.op.name ?? '')
          ? opFinding(
              f,
              'duplicates the older code assumes impossible can now be written, and an upsert of the older code keyed on it (ON CONFLICT on these columns) fails',
              { severity: 'medium' },
            )
          : opFinding(f, 'the older code keeps working, maybe slower'),
      );
  },
});
