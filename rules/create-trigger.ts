import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'create-trigger',
  category: 'migration',
  severity: 'medium',
  description: 'A migration of the release creates a trigger on an existing table: it stays and runs on every write of the older code.',
  checklist: 'database',
  remediation:
    'Check that the trigger works with the writes of the older code (columns it reads, rows it rejects); drop or disable it before rolling back if not.',
  docs: {
    why: "A trigger is behaviour in the database that the rollback leaves in place. It fires on the older code's writes, which it was not written for: it may reject them, fill columns the older code does not know, or call functions that expect the new schema.",
    example: '`CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();`',
    fix: 'Add triggers that only react to what the new code writes, or ship them a release after the code that needs them.',
  },
  check(facts) {
    return opsOf(facts, 'create-trigger')
      .filter((f) => !f.recreates)
      .map((f) => opFinding(f, "it runs on the older code's writes, which it was not written for"));
  },
});
