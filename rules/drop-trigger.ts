import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-trigger',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release drops or disables a trigger whose side effects the older code relies on.',
  checklist: 'database',
  remediation: 'Recreate the trigger before rolling back.',
  docs: {
    why: 'The older release was written expecting the trigger (audit rows, derived columns, timestamps); without it those effects silently stop.',
    example: '`DROP TRIGGER set_updated_at ON orders;` or `ALTER TABLE orders DISABLE TRIGGER set_updated_at;`',
    fix: 'Keep triggers until no release that may be rolled back to relies on them.',
  },
  check(facts) {
    const dropped = opsOf(facts, 'drop-object')
      .filter((f) => f.op.object === 'trigger')
      .map((f) =>
        f.recreated
          ? opFinding(f, `re-created ${f.recreated}: the older code's writes fire the new definition`, { severity: 'low' })
          : opFinding(f, 'what it did on each write silently stops for the older code'),
      );
    const disabled = opsOf(facts, 'disable-trigger').map((f) =>
      opFinding(f, 'what the trigger did on each write silently stops for the older code'),
    );
    return [...dropped, ...disabled];
  },
});
