import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-enum-value',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release drops or renames an enum value the older code may still write.',
  checklist: 'database',
  remediation: 'Add the old value back before rolling back.',
  docs: {
    why: 'The older code writes and compares the old enum value; once it is gone or renamed those writes fail and those reads miss.',
    example: "`ALTER TYPE order_status RENAME VALUE 'shipped' TO 'sent';`",
    fix: 'Add the new value, migrate rows, switch the code, and remove the old value in a later release.',
  },
  check(facts) {
    return opsOf(facts, 'enum-drop-value', 'enum-rename-value').map((f) =>
      opFinding(f, 'the older code still writes and reads the old value'),
    );
  },
});
