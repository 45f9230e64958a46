import rule from '../../rules/class-member-narrowed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const member = contractFact({
  aspect: 'class-member',
  symbol: 'Client.close',
  path: 'src/client.ts',
  line: 4,
  detail: 'close became private',
  before: 'close(): void',
  after: 'private close(): void',
  fromAt: 'src/client.ts:4',
  toAt: 'src/client.ts:5',
});

testRule(rule, {
  valid: [{ name: 'a property of an interface is another rule', facts: [{ ...member, aspect: 'property' }] }],
  invalid: [
    {
      name: 'visibility reduced',
      facts: [member],
      findings: [
        {
          path: 'src/client.ts',
          line: 4,
          message: 'Client.close, exported by shop-api: close became private in the rollback',
          evidence: 'close(): void (from src/client.ts:4) → private close(): void (to src/client.ts:5)',
        },
      ],
    },
    {
      name: 'a public member removed',
      facts: [
        {
          ...member,
          symbol: 'Client.open',
          change: 'removed',
          detail: 'member open removed',
          before: 'open(): void',
          after: undefined,
          toAt: undefined,
        },
      ],
      findings: [
        {
          message: 'Client.open, exported by shop-api: member open removed in the rollback',
          evidence: 'open(): void (from src/client.ts:4) → absent at to',
        },
      ],
    },
  ],
});
