import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'row-level-security',
  category: 'migration',
  severity: 'medium',
  description:
    "A migration of the release turns on row level security or adds a policy: the older code's queries may see fewer rows or be refused.",
  checklist: 'database',
  remediation:
    'Check that the database role the older code connects as passes the policies (or owns the table); disable row level security before rolling back if not.',
  docs: {
    why: 'With row level security on, a role sees only the rows a policy grants it, and none when no policy does. The older code was not written for it: its queries may silently return nothing, or its writes be refused.',
    example:
      "`ALTER TABLE documents ENABLE ROW LEVEL SECURITY;` or `CREATE POLICY tenant_isolation ON documents USING (tenant_id = current_setting('app.tenant')::int);`",
    fix: 'Turn row level security on once every release that may be rolled back to sets what the policies need (the tenant setting, the role).',
  },
  check(facts) {
    return [
      ...opsOf(facts, 'enable-rls').map((f) =>
        opFinding(f, 'the older code sees only the rows a policy grants its role, and none when no policy does'),
      ),
      ...opsOf(facts, 'create-policy').map((f) => opFinding(f, "the older code's queries are filtered by a policy it was not written for")),
    ];
  },
});
