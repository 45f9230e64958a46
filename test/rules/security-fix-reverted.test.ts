import rule from '../../rules/security-fix-reverted.js';
import type { FixRevertedFact } from '../../src/model/facts/history.js';
import { testRule } from '../support/rule-tester.js';

const fix = (over: Partial<FixRevertedFact>): FixRevertedFact => ({
  kind: 'history.fix',
  path: '.',
  sha: 'a'.repeat(40),
  subject: 'fix: guard against a race',
  fix: 'fix:',
  ids: [],
  ...over,
});

testRule(rule, {
  valid: [{ name: 'a plain fix', facts: [fix({})] }],
  invalid: [
    {
      name: 'a CVE in the subject',
      facts: [
        fix({
          subject: 'fix: security CVE-2025-68130 (#2343)',
          ids: ['CVE-2025-68130'],
          security: { mark: 'CVE-2025-68130', where: 'subject' },
        }),
      ],
      findings: [
        {
          path: '.',
          message: 'the rollback takes back the security fix aaaaaaaaaa "fix: security CVE-2025-68130 (#2343)" (CVE-2025-68130)',
          evidence: 'marked by "CVE-2025-68130" in its subject',
        },
      ],
    },
    {
      name: 'the word security in the body only',
      facts: [fix({ subject: 'Upgrade Next.js to 16.2.6', fix: undefined, security: { mark: 'security', where: 'body' } })],
      findings: [
        {
          message: 'the rollback takes back the security fix aaaaaaaaaa "Upgrade Next.js to 16.2.6"',
          evidence: 'marked by "security" in its message',
        },
      ],
    },
    {
      name: 'a merged pull request title',
      facts: [
        fix({
          path: '#7031',
          sha: undefined,
          pullRequest: 7031,
          subject: 'fix(deps): update dependency koa to v2.15.4 [security]',
          security: { mark: 'security', where: 'pull-request' },
        }),
      ],
      findings: [
        {
          path: '#7031',
          message: 'the rollback takes back the security fix #7031 "fix(deps): update dependency koa to v2.15.4 [security]"',
          evidence: 'marked by "security" in its pull request title',
        },
      ],
    },
  ],
});
