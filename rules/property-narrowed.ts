import { breakingChanges, contractFinding, via } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'property-narrowed',
  category: 'contract-change',
  severity: 'high',
  description:
    'An exported interface or type of the running release is stricter or different at the target: a property removed, made required or retyped, an index signature gone, a type alias changed.',
  checklist: 'contracts',
  remediation: 'Check the consumers that read or build values of this type; after the rollback they must match the older shape.',
  docs: {
    why: 'Consumers both read and construct values of an exported type. A property they read may be gone, one they never set may be required, and a retyped property breaks both; data stored in the newer shape may not fit the older one.',
    example: '`interface Options { retries?: number }` at the running release, `interface Options { retries: number }` at the target.',
    fix: 'Keep the property optional (or present) in a forward fix, or roll back the consumers that rely on the newer shape first.',
  },
  check(facts) {
    return breakingChanges(facts, ['property', 'type', 'index-signature']).map((fact) =>
      contractFinding(fact, `${fact.symbol}, ${via(fact)}: ${fact.detail} in the rollback`),
    );
  },
});
