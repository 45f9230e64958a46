import { defineRule, type FindingDraft } from './rule.js';
import type { MigrationEditedFact } from '../src/model/facts/migrations.js';

/** What the edit means for databases that ran one version, by what it changes. */
function judged(f: MigrationEditedFact): Pick<FindingDraft, 'message' | 'severity'> {
  const head = `migration ${f.migration} was edited after it was released`;
  const checksum = f.checksummed
    ? `; ${f.framework} checks the checksum of applied migrations, so the release whose text differs from what ran refuses to start until the checksum is repaired`
    : '';
  switch (f.effect) {
    case 'schema': {
      const what = [...(f.added ?? []).map((w) => `now ${w}`), ...(f.removed ?? []).map((w) => `no longer ${w}`)].slice(0, 4).join('; ');
      return {
        message: `${head}, and the edit changes what it does to the schema${what ? ` (${what})` : ''}: databases that ran either version disagree with the other release${checksum}`,
      };
    }
    case 'unread':
      // What the tool cannot read is a person's to check (caution), unless the tool refuses to start.
      return {
        message: `${head}, and one version could not be read: databases that ran either version may disagree with the other release${checksum}`,
        severity: f.checksummed ? 'high' : 'medium',
      };
    case 'data':
      return {
        message: `${head}: the schema operations are the same, but statements that write rows changed, so databases that ran either version hold different data${checksum}`,
        severity: f.checksummed ? 'high' : 'medium',
      };
    case 'same':
      return {
        message: `${head}: the same schema operations, written differently (table options, spelling): databases that ran either version have the same schema${checksum}`,
        severity: f.checksummed ? 'high' : 'low',
      };
    case 'comments':
      return { message: `${head}: only comments or spacing changed${checksum}`, severity: f.checksummed ? 'high' : 'info' };
  }
}

export default defineRule({
  id: 'edited-migration',
  category: 'destructive-migration',
  severity: 'high',
  description:
    'A migration file present in both releases was edited: graded by what the edit changes (schema, data, spelling or comments).',
  checklist: 'database',
  remediation: 'Find out which version ran on each database; restore the released file and put the change in a new migration.',
  docs: {
    why: 'Migration tools run a file once, by name. A database that ran the old text will not run the edit, one that ran the edit differs from what the older code expects, and checksum-checking tools (Flyway, Liquibase) refuse to start the release whose file differs. Both versions are read: an edit that changes schema operations is high, one that changes only the rows written is medium, one that writes the same operations differently (adding `ENGINE=InnoDB`, the default) is low, and a comment is info.',
    example: 'The release changes `V3__add_orders.sql`, which the older release already shipped.',
    fix: 'Never edit a released migration; write a new one that makes the change.',
  },
  check(facts) {
    return facts.of('migration.edited').map((f) => ({ ...judged(f), path: f.path, line: f.line, evidence: f.change }));
  },
});
