import { defineRule } from './rule.js';

export default defineRule({
  id: 'migration-unread',
  category: 'unclassified',
  severity: 'medium',
  description:
    'A migration, or a statement in one, that no reader understood: what it does to the database is unknown, so it needs a person.',
  checklist: 'database',
  outcome: 'manual',
  remediation: 'Read the statement yourself and decide what it does to the older code; if it is a format this tool should read, report it.',
  docs: {
    why: 'A migration the release applied stays applied. A statement that cannot be read (SQL that is cut off, a procedure call, a DO block, SQL built at run time, a migration tool nobody recognises) may drop or rewrite anything, so it is never passed as safe.',
    example: "`CALL archive_old_orders();`, `SELECT create_hypertable('events', 'at');`, or a `/*` that is never closed.",
    fix: 'Prefer plain statements in migrations; keep procedural work in reviewed, separate jobs.',
  },
  check(facts) {
    return facts.of('migration.unread').map((f) => ({
      message: `migration ${f.migration} was not read: ${f.reason}`,
      path: f.path,
      line: f.line,
      evidence: f.evidence,
    }));
  },
});
