import { breakingChanges, contractFinding, via } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'enum-member-removed',
  category: 'contract-change',
  severity: 'high',
  description: 'A member of an exported enum of the running release is missing or has another value at the target.',
  checklist: 'contracts',
  remediation:
    'Find consumers and stored data that use the member or its value; after the rollback the value is unknown or means something else.',
  docs: {
    why: 'Enum values travel: consumers compile them in, and they are stored and sent as numbers or strings. A member that disappears breaks its users, and a changed value makes stored or sent data mean something else.',
    example: '`enum Status { Active, Suspended, Archived }` at the running release, no Archived at the target.',
    fix: 'Keep the member and its value in a forward fix; migrate stored values before rolling back.',
  },
  check(facts) {
    return breakingChanges(facts, ['enum-member']).map((fact) =>
      contractFinding(fact, `${fact.symbol}, ${via(fact)}: ${fact.detail} in the rollback`),
    );
  },
});
