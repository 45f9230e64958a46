import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'rename-schema',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release renames a schema: every table in it moves away from the name the older code uses.',
  checklist: 'database',
  remediation: 'Rename the schema back (or put the old name on the search path) before rolling back.',
  docs: {
    why: 'The older code qualifies its tables with the schema, or finds them through the search path. After the rename, none of them is where it looks.',
    example: '`ALTER SCHEMA reporting RENAME TO analytics;`',
    fix: 'Create the new schema, move objects in steps, and drop the old name a release later.',
  },
  check(facts) {
    return opsOf(facts, 'rename-schema').map((f) => opFinding(f, `the older code still looks for its tables in ${f.op.name}`));
  },
});
