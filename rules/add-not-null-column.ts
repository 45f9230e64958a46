import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'add-not-null-column',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release adds a NOT NULL column without a default: the older code does not fill it, so its inserts fail.',
  checklist: 'database',
  remediation: 'Give the column a default or make it nullable before rolling back.',
  docs: {
    why: 'The older code does not know the column, so its INSERTs leave it out; with NOT NULL and no default the database rejects them.',
    example: '`ALTER TABLE orders ADD COLUMN currency text NOT NULL;`',
    fix: 'Add the column nullable or with a default; make it required only after every release that may be rolled back to writes it.',
  },
  check(facts) {
    return opsOf(facts, 'add-column')
      .filter((f) => f.op.notNull && !f.op.hasDefault)
      .map((f) => opFinding(f, 'the older code does not fill it, so its inserts fail'));
  },
});
