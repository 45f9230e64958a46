import rule from '../../rules/unused-suppression.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'no comment left unmatched',
      facts: [{ kind: 'suppression', path: 'src/a.ts', line: 4, comment: 3, ruleId: 'export-removed', reason: 'internal', added: true }],
    },
  ],
  invalid: [
    {
      name: 'a comment for a rule with no finding below it',
      facts: [{ kind: 'suppression.unused', path: 'src/a.ts', line: 3, ruleId: 'export-removed', reason: 'internal', known: true }],
      findings: [
        {
          path: 'src/a.ts',
          line: 3,
          message: 'the rollback-ready-ignore comment for export-removed matches no export-removed finding on the line below it',
          evidence: 'rollback-ready-ignore export-removed: internal',
        },
      ],
    },
    {
      name: 'a comment naming no rule',
      facts: [{ kind: 'suppression.unused', path: 'db/1.sql', line: 1, ruleId: 'drop-colum', reason: 'copied', known: false }],
      findings: [{ path: 'db/1.sql', line: 1, message: 'the rollback-ready-ignore comment names drop-colum, which is no rule' }],
    },
  ],
});
