import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'add-constraint',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release adds a unique, check or foreign-key constraint the older code may violate.',
  checklist: 'database',
  remediation: 'Check that the older code never writes rows the constraint rejects, or drop the constraint before rolling back.',
  docs: {
    why: 'The older code was written without the constraint. Writes it considers valid (a duplicate, a value outside the check, an orphan row) now fail.',
    example: '`ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);`',
    fix: 'Add the constraint NOT VALID / in a later release, once every release that may be rolled back to respects it.',
  },
  check(facts) {
    return opsOf(facts, 'add-constraint')
      .filter((f) => f.op.constraint !== 'index')
      .map((f) => opFinding(f, 'writes the older code considers valid may now be rejected', f.op.constraint === 'primary-key' ? { severity: 'medium' } : {}));
  },
});
