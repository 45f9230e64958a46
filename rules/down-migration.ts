import { defineRule } from './rule.js';

export default defineRule({
  id: 'down-migration',
  category: 'migration',
  severity: 'info',
  description:
    'Says how to undo each migration of the release: its down or undo migration and the framework command, or plainly that there is none.',
  checklist: 'database',
  remediation:
    'Run the down migration with the framework command (newest first) if the database must go back with the code; where there is none, write the reverse SQL before you need it.',
  docs: {
    why: 'A rollback redeploys code, never runs down migrations. When the database must go back too, you need the down migration of every migration of the release, newest first.',
    example: '`migrations/20240101_add_orders.up.sql` with its `.down.sql` (golang-migrate: `migrate down 1`).',
    fix: 'Keep a tested down migration for every migration whose effect the older code cannot live with.',
  },
  check(facts) {
    return facts.of('migration.file').map((m) => {
      if (m.down) {
        return {
          message: `migration ${m.migration} can be undone by its down migration ${m.down.path}:${m.down.line}${m.command ? ` (${m.command})` : ''}`,
          path: m.path,
          line: 1,
        };
      }
      return {
        message: `migration ${m.migration} has no down migration: ${m.noDown ?? 'none found'}`,
        path: m.path,
        line: 1,
        severity: m.risky ? 'low' : 'info',
      };
    });
  },
});
