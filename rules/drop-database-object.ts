import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

/** What the older code loses with each kind of object; views, routines, types and triggers have rules of their own. */
const CONSEQUENCE: Record<string, string> = {
  sequence: 'column defaults and inserts of the older code that draw from it fail',
  extension: 'the functions, types and operators it provided are gone for the older code',
  domain: 'columns and code of the older release that use the domain break',
  role: 'the older code or services that connect as it, or grant to it, fail',
  user: 'the older code or services that connect as it fail',
  policy: 'rows the policy granted may no longer be visible to the older code',
  rule: 'what the rule rewrote on each query silently stops',
  event: 'the scheduled work it did stops',
  dictionary: 'queries of the older code that read it fail',
  collation: 'columns and indexes of the older release that use it break',
  'foreign table': 'queries of the older code that read it fail',
  server: 'foreign tables the older code reads through it fail',
  publication: 'replication the older setup relies on stops',
  subscription: 'replication the older setup relies on stops',
  synonym: 'queries of the older code that use the name fail',
  operator: 'queries of the older code that use the operator fail',
};

export default defineRule({
  id: 'drop-database-object',
  category: 'destructive-migration',
  severity: 'high',
  description:
    'A migration of the release drops a sequence, extension, domain, role, policy or other database object the older code may use.',
  checklist: 'database',
  remediation:
    'Recreate the object before rolling back (CREATE SEQUENCE … with the right start, CREATE EXTENSION, the role and its grants).',
  docs: {
    why: "These objects are not in the older code, but the older code uses them: a sequence behind a column default, an extension's functions and types, the role it connects as. A rollback does not create them again.",
    example: '`DROP SEQUENCE invoice_number_seq;` or `DROP EXTENSION pg_trgm;`',
    fix: 'Drop such objects a release after the last code that uses them.',
  },
  check(facts) {
    return opsOf(facts, 'drop-object')
      .filter((f) => CONSEQUENCE[f.op.object] !== undefined && !f.recreated)
      .map((f) =>
        opFinding(
          f,
          CONSEQUENCE[f.op.object]!,
          f.op.object === 'policy' || f.op.object === 'publication' || f.op.object === 'subscription' ? { severity: 'medium' } : {},
        ),
      );
  },
});
