import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'revoke',
  category: 'migration',
  severity: 'medium',
  description: 'A migration of the release revokes privileges: the older code (or another service) may need what was taken away.',
  checklist: 'database',
  remediation:
    'Check which role the older code and other services connect as; grant the privilege back before rolling back if they need it.',
  docs: {
    why: 'Privileges are not rolled back with the code. If the older code, a reporting job or another service used the privilege, its queries fail with permission errors after the rollback.',
    example: '`REVOKE UPDATE ON invoices FROM app_user;`',
    fix: 'Revoke a privilege a release after the last code that uses it.',
  },
  check(facts) {
    return opsOf(facts, 'revoke').map((f) =>
      opFinding(f, 'queries of the older code or other services that need it fail with permission errors'),
    );
  },
});
