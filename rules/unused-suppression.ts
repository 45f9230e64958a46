import { defineRule } from './rule.js';

export default defineRule({
  id: 'unused-suppression',
  category: 'style-only',
  severity: 'info',
  description:
    'A rollback-ready-ignore comment the release adds matches no finding: a misspelt rule id, or a comment above the wrong line.',
  checklist: 'review',
  afterSuppressions: true,
  remediation: 'Put the comment on the line right above the line the finding points at, with the rule id of the finding, or delete it.',
  docs: {
    why: 'A suppression comment is a promise that someone judged a finding and found it fine. One that matches nothing suppresses nothing: the finding it was written for (under another id, or at another line) still counts, or the change it excused is gone and the comment only misleads the next reader.',
    example:
      'The release adds `// rollback-ready-ignore export-remove: internal helper` (the id is export-removed) above an export, or puts the comment two lines above the line the finding points at.',
    fix: 'Copy the rule id and the line from the finding (`rollback-ready rules` lists every id), or delete the comment.',
  },
  check(facts) {
    return facts.of('suppression.unused').map((fact) => ({
      message: fact.known
        ? `the rollback-ready-ignore comment for ${fact.ruleId} matches no ${fact.ruleId} finding on the line below it`
        : `the rollback-ready-ignore comment names ${fact.ruleId}, which is no rule`,
      path: fact.path,
      line: fact.line,
      evidence: `rollback-ready-ignore ${fact.ruleId}: ${fact.reason}`,
    }));
  },
});
