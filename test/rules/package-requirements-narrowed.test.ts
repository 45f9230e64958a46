import rule from '../../rules/package-requirements-narrowed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const engines = contractFact({
  aspect: 'package-engines',
  entry: '@acme/tool',
  symbol: 'engines.node',
  path: 'package.json',
  line: 17,
  detail: 'engines.node >=18 → >=20',
  before: 'node >=18',
  after: 'node >=20',
  fromAt: 'package.json:17',
  toAt: 'package.json:14',
});

testRule(rule, {
  valid: [{ name: 'a wider engine range', facts: [{ ...engines, change: 'widened', detail: 'engines.node >=20 → >=18' }] }],
  invalid: [
    {
      name: 'a narrower engine range',
      facts: [engines],
      findings: [
        {
          path: 'package.json',
          line: 17,
          message: '@acme/tool: engines.node >=18 → >=20 in the rollback',
          evidence: 'node >=18 (from package.json:17) → node >=20 (to package.json:14)',
        },
      ],
    },
    {
      name: 'a peer dependency added at the target',
      facts: [
        {
          ...engines,
          aspect: 'package-peer',
          symbol: 'peerDependencies.graphql',
          detail: 'peerDependencies.graphql added',
          line: undefined,
          before: '(none)',
          after: 'graphql ^16',
          fromAt: 'package.json',
          toAt: 'package.json:18',
        },
      ],
      findings: [
        {
          path: 'package.json',
          message: '@acme/tool: peerDependencies.graphql added in the rollback',
          evidence: '(none) (from package.json) → graphql ^16 (to package.json:18)',
        },
      ],
    },
  ],
});
