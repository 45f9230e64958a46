import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'delete-rows',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release deletes rows (DELETE with a WHERE): they are gone for the older code too.',
  checklist: 'database',
  remediation: 'Restore the deleted rows from a backup if the older code needs them; check what the WHERE selected before rolling back.',
  docs: {
    why: 'A rollback does not bring deleted rows back. The older code may still look for them (the duplicates a cleanup removed, the records a new model replaced).',
    example:
      '`DELETE FROM sessions WHERE expires_at < now();` or `WITH d AS (DELETE FROM users WHERE banned RETURNING id) INSERT INTO audit SELECT id FROM d;`',
    fix: 'Copy the rows elsewhere before deleting them in a migration, or delete them a release later.',
  },
  check(facts) {
    return opsOf(facts, 'delete')
      .filter((f) => f.op.where)
      .map((f) => opFinding(f, 'the rows it selects are gone, and a rollback does not bring them back'));
  },
});
