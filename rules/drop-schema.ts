import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-schema',
  category: 'destructive-migration',
  severity: 'critical',
  description: 'A migration of the release drops a schema or database, with everything in it.',
  checklist: 'database',
  remediation: 'Restore from a backup before rolling back; never drop a schema in the same release that stops using it.',
  docs: {
    why: 'A dropped schema or database takes every table, view and function in it. The older code meets none of them, and only a backup brings the data back.',
    example: '`DROP SCHEMA reporting CASCADE;`',
    fix: 'Move the drop to a later release, after a backup, once nothing that may be rolled back to uses it.',
  },
  check(facts) {
    return opsOf(facts, 'drop-schema').map((f) => opFinding(f, 'every table in it is gone; only a backup brings it back'));
  },
});
