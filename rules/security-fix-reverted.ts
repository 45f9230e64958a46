import type { FixRevertedFact } from '../src/model/facts/history.js';
import { defineRule } from './rule.js';

const where: Record<NonNullable<FixRevertedFact['security']>['where'], string> = {
  subject: 'subject',
  body: 'message',
  'pull-request': 'pull request title',
};

export default defineRule({
  id: 'security-fix-reverted',
  category: 'code-change',
  severity: 'medium',
  description:
    'A commit or merged pull request of the release marks a security fix (CVE or GHSA id, "security", "vulnerability", a weakness name): the rollback reinstates the vulnerability.',
  checklist: 'fixes',
  outcome: 'manual',
  remediation:
    'Read the advisory: if the older release is exploitable, roll back only with a mitigation in place (a WAF rule, a disabled feature), or fix forward.',
  docs: {
    why: 'A rollback redeploys the code as it was before the fix: the vulnerability is live again, often after it was published. Security releases are also the ones teams most want to roll back when they break something.',
    example:
      'The release contains `fix: security CVE-2025-68130 (#2343)`, or a commit whose body says "includes the Next.js security release".',
    fix: 'Check whether the older release is reachable by the attack (version, configuration, exposure); keep the patched dependency when only the code must go back, or mitigate before rolling back.',
  },
  check(facts) {
    const security = facts.of('history.fix').filter((f) => f.security);
    return security.map((fact) => {
      const ref = fact.sha ? fact.sha.slice(0, 10) : `#${fact.pullRequest}`;
      const ids = fact.ids.length > 0 ? ` (${fact.ids.join(', ')})` : '';
      return {
        message: `the rollback takes back the security fix ${ref} "${fact.subject}"${ids}`,
        path: fact.path,
        evidence: `marked by "${fact.security!.mark}" in its ${where[fact.security!.where]}`,
      };
    });
  },
});
