import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'set-not-null',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release makes an existing column NOT NULL: older code that leaves it empty fails.',
  checklist: 'database',
  remediation: 'Drop the NOT NULL constraint before rolling back if the older code may write NULL there.',
  docs: {
    why: 'The older code may insert or update rows without a value for the column; after the migration the database rejects them.',
    example: '`ALTER TABLE users ALTER COLUMN phone SET NOT NULL;`',
    fix: 'Make a column required only after every release that may be rolled back to fills it.',
  },
  check(facts) {
    return opsOf(facts, 'set-not-null').map((f) => opFinding(f, 'older code that writes it empty is rejected'));
  },
});
