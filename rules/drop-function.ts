import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-function',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release drops a function or procedure the older code may call.',
  checklist: 'database',
  remediation: 'Recreate the function or procedure before rolling back.',
  docs: {
    why: 'Older queries and triggers that call the routine fail once it is gone.',
    example: '`DROP FUNCTION calculate_discount(integer);`',
    fix: 'Keep routines until no release that may be rolled back to calls them.',
  },
  check(facts) {
    return opsOf(facts, 'drop-object')
      .filter((f) => f.op.object === 'function' || f.op.object === 'procedure' || f.op.object === 'type')
      .map((f) =>
        f.recreated
          ? opFinding(f, `re-created ${f.recreated}: the older code calls the new definition`, { severity: 'low' })
          : opFinding(
              f,
              f.op.object === 'type'
                ? f.op.to
                  ? `renamed to ${f.op.to}: columns and code of the older release that name it break`
                  : 'columns and code of the older release that use the type break'
                : 'the older code or triggers that call it fail',
            ),
      );
  },
});
