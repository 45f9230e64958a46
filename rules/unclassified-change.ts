import { defineRule } from './rule.js';

export default defineRule({
  id: 'unclassified-change',
  category: 'unclassified',
  severity: 'low',
  description: 'A changed file the tool could not read or understand needs a person to review it.',
  checklist: 'review',
  outcome: 'manual',
  remediation: 'Read the change yourself before rolling back, or teach the tool the file kind in the config.',
  docs: {
    why:
      'What the tool cannot read it cannot judge. A binary blob, a file over the size limit, a script with a syntax error or a file type no analyzer knows could hide a schema change or a removed endpoint, so it is never counted as safe.',
    example: 'The release changes `deploy/seed.bin` (binary) or `db/dump.sql` larger than limits.maxFileBytes.',
    fix: 'Open the file in the diff and decide; raise limits.maxFileBytes for large text files; add paths that never matter to `ignore`.',
  },
  check(facts) {
    return facts.of('file.unreadable').map((fact) => ({
      message: `${fact.path} was not understood: ${fact.reason}`,
      path: fact.path,
      line: fact.line,
      evidence: fact.evidence,
    }));
  },
});
