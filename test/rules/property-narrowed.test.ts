import rule from '../../rules/property-narrowed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const property = contractFact({
  aspect: 'property',
  symbol: 'Options.retries',
  line: 12,
  detail: 'property retries became required',
  before: 'retries?: number;',
  after: 'retries: number;',
  fromAt: 'src/api.ts:12',
  toAt: 'src/api.ts:11',
  path: 'src/api.ts',
});

testRule(rule, {
  valid: [
    {
      name: 'a property made optional is a widening',
      facts: [{ ...property, change: 'widened', detail: 'property retries became optional' }],
    },
    { name: 'a class member is another rule', facts: [{ ...property, aspect: 'class-member' }] },
  ],
  invalid: [
    {
      name: 'an optional property made required',
      facts: [property],
      findings: [
        {
          path: 'src/api.ts',
          line: 12,
          message: 'Options.retries, exported by shop-api: property retries became required in the rollback',
          evidence: 'retries?: number; (from src/api.ts:12) → retries: number; (to src/api.ts:11)',
        },
      ],
    },
    {
      name: 'an index signature and a type alias',
      facts: [
        {
          ...property,
          aspect: 'index-signature',
          symbol: 'Options[string]',
          change: 'removed',
          detail: 'index signature [string] removed',
          before: '[key: string]: unknown;',
          after: undefined,
          toAt: undefined,
          line: 16,
          fromAt: 'src/api.ts:16',
        },
        { ...property, aspect: 'type', symbol: 'Level', detail: "type 'high' | 'low' → 'low'", line: 20 },
      ],
      findings: [
        {
          line: 16,
          message: 'Options[string], exported by shop-api: index signature [string] removed in the rollback',
          evidence: '[key: string]: unknown; (from src/api.ts:16) → absent at to',
        },
        { line: 20, message: "Level, exported by shop-api: type 'high' | 'low' → 'low' in the rollback" },
      ],
    },
  ],
});
