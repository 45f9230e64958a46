import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'update-without-where',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release rewrites a column in every row (UPDATE without WHERE).',
  checklist: 'database',
  remediation: 'Check whether the older code can read the rewritten values; keep a copy of the old values before such an update.',
  docs: {
    why: 'An UPDATE without WHERE overwrites the old values of every row; the rollback brings back code that may expect them.',
    example: "`UPDATE users SET status = 'active';`",
    fix: 'Write the new values to a new column and backfill it, leaving the old one intact until the older code is retired.',
  },
  check(facts) {
    return opsOf(facts, 'update')
      .filter((f) => !f.op.where && !f.op.from)
      .map((f) => opFinding(f, 'the old values of every row are overwritten'));
  },
});
