import { contractFinding } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'contract-widened',
  category: 'contract-change',
  severity: 'info',
  description:
    'An exported contract accepts or returns more at the target than at the running release (an optional parameter, a wider type).',
  checklist: 'contracts',
  remediation: 'Usually nothing: consumers of the running release keep working. Check readers that now may meet more values.',
  docs: {
    why: 'A wider contract at the target does not break callers built against the running release, but a reader may meet values it never saw (a newly optional property can be undefined, a wider union has a new case).',
    example: '`send(to: string, body: string)` at the running release, `send(to: string, body?: string)` at the target.',
    fix: 'Nothing to do before the rollback; it is listed so the change is not a surprise.',
  },
  check(facts) {
    return facts
      .of('contract.change')
      .filter((f) => f.surface === 'public' && f.change === 'widened')
      .map((fact) => ({
        ...contractFinding(fact, `${fact.symbol} (${fact.entry}): ${fact.detail} in the rollback`),
        severity: 'info' as const,
      }));
  },
});
