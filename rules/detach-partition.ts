import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'detach-partition',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release detaches a partition: its rows disappear from the table the older code queries.',
  checklist: 'database',
  remediation: 'Attach the partition back (ALTER TABLE … ATTACH PARTITION) before rolling back if the older code needs its rows.',
  docs: {
    why: "A detached partition becomes a table of its own. Its rows are no longer in the partitioned table, so the older code's queries miss them as if they were deleted.",
    example: '`ALTER TABLE events DETACH PARTITION events_2023;`',
    fix: 'Detach partitions only once no release that may be rolled back to reads their rows.',
  },
  check(facts) {
    return opsOf(facts, 'detach-partition').map((f) => opFinding(f, 'its rows are no longer in the table the older code queries'));
  },
});
