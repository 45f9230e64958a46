import rule from '../../rules/contract-widened.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

testRule(rule, {
  valid: [
    { name: 'a narrowed signature', facts: [contractFact({})] },
    { name: 'a removed export', facts: [contractFact({ aspect: 'export', change: 'removed' })] },
    {
      name: 'a parameter made optional on an internal module (counted by internal-changes)',
      facts: [contractFact({ change: 'widened', surface: 'internal', entry: 'src/api.ts' })],
    },
  ],
  invalid: [
    {
      name: 'a parameter made optional',
      facts: [
        contractFact({
          change: 'widened',
          symbol: 'loosen',
          detail: 'parameter b became optional',
          before: 'loosen(a: string, b: number): void',
          after: 'loosen(a: string, b?: number): void',
          fromAt: 'src/api.ts:7',
          toAt: 'src/api.ts:7',
          path: 'src/api.ts',
          line: 7,
        }),
      ],
      findings: [
        {
          severity: 'info',
          path: 'src/api.ts',
          line: 7,
          message: 'loosen (shop-api): parameter b became optional in the rollback',
          evidence: 'loosen(a: string, b: number): void (from src/api.ts:7) → loosen(a: string, b?: number): void (to src/api.ts:7)',
        },
      ],
    },
  ],
});
