import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-view',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release drops or renames a view or materialized view the older code may query.',
  checklist: 'database',
  remediation: 'Recreate the view before rolling back.',
  docs: {
    why: 'The older code queries the view by name; after the migration those queries fail.',
    example: '`DROP VIEW active_users;`',
    fix: 'Keep the view until no release that may be rolled back to uses it.',
  },
  check(facts) {
    return opsOf(facts, 'drop-object')
      .filter((f) => f.op.object === 'view' || f.op.object === 'materialized view')
      .map((f) =>
        f.recreated
          ? opFinding(f, `re-created ${f.recreated}: the older code queries the new definition, which may lack columns it reads`, {
              severity: 'low',
            })
          : opFinding(
              f,
              f.op.to ? `renamed to ${f.op.to}: the older code still queries ${f.op.name}` : 'the older code that queries it fails',
            ),
      );
  },
});
