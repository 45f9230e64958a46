import { defineRule } from './rule.js';

export default defineRule({
  id: 'down-migration-drops-data',
  category: 'destructive-migration',
  // A rollback redeploys code and never runs the down migration: this is advice for whoever decides to run it.
  severity: 'low',
  description: 'The down migration that would undo a migration of the release itself drops data written since the release.',
  checklist: 'database',
  remediation: 'Back up the affected tables before running the down migration, or copy the new data elsewhere first.',
  docs: {
    why: 'Running the down migration to make the database fit the older code throws away what the release stored since it went live: a new table or column and its rows.',
    example: 'The down migration of `add_user_emails` runs `DROP TABLE user_emails;`.',
    fix: 'Back up first, or move the data the release created somewhere the older code ignores instead of dropping it.',
  },
  check(facts) {
    return facts.of('migration.file').flatMap((m) =>
      (m.down?.drops ?? []).map((d) => ({
        message: `the down migration of ${m.migration} ${d.what}: running it loses what the release stored there`,
        path: m.down!.path,
        line: d.line,
        evidence: m.command ? `undo with: ${m.command}` : undefined,
      })),
    );
  },
});
