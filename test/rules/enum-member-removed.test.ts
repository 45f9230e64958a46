import rule from '../../rules/enum-member-removed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const member = contractFact({
  aspect: 'enum-member',
  change: 'removed',
  symbol: 'Status.Archived',
  path: 'src/status.ts',
  line: 3,
  detail: 'member Archived removed',
  before: 'Archived = 2',
  after: undefined,
  fromAt: 'src/status.ts:3',
  toAt: undefined,
});

testRule(rule, {
  valid: [{ name: 'a member added at the target', facts: [{ ...member, change: 'widened', detail: 'member added' }] }],
  invalid: [
    {
      name: 'a member removed',
      facts: [member],
      findings: [
        {
          path: 'src/status.ts',
          line: 3,
          message: 'Status.Archived, exported by shop-api: member Archived removed in the rollback',
          evidence: 'Archived = 2 (from src/status.ts:3) → absent at to',
        },
      ],
    },
    {
      name: 'a value changed',
      facts: [
        {
          ...member,
          symbol: 'Color.Blue',
          change: 'changed',
          detail: "member Blue value 'blue' → 'BLUE'",
          before: "Blue = 'blue'",
          after: "Blue = 'BLUE'",
          toAt: 'src/status.ts:3',
        },
      ],
      findings: [
        {
          message: "Color.Blue, exported by shop-api: member Blue value 'blue' → 'BLUE' in the rollback",
          evidence: "Blue = 'blue' (from src/status.ts:3) → Blue = 'BLUE' (to src/status.ts:3)",
        },
      ],
    },
  ],
});
