import { breakingChanges, contractFinding, via } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'export-removed',
  category: 'contract-change',
  severity: 'high',
  description:
    'An export of the running release (function, class, value, type, enum, namespace, default) is missing or of another kind at the target.',
  checklist: 'contracts',
  remediation: 'Find the consumers that import it (other packages, services, published users) and keep a shim or roll them back first.',
  docs: {
    why: 'Code built against the running release imports this name. After the rollback the name is gone (or is something else), so those consumers fail to compile, or fail at run time with "is not a function" or an undefined import.',
    example: '`export function listEmails(userId: number)` was added in v1.1.0 and the rollback goes to v1.0.0, which has no listEmails.',
    fix: 'Roll back the consumers first, or ship a forward fix that keeps the export; in a library, publish a new version instead of rolling back the old one.',
  },
  check(facts) {
    return breakingChanges(facts, ['export']).map((fact) =>
      contractFinding(
        fact,
        fact.change === 'removed'
          ? `${fact.symbol}, ${via(fact)}, is removed by the rollback`
          : `${fact.symbol}, ${via(fact)}, changes kind in the rollback: ${fact.detail}`,
      ),
    );
  },
});
