import rule from '../../rules/package-exports-removed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const subpath = contractFact({
  aspect: 'package-exports',
  change: 'removed',
  entry: '@acme/tool',
  symbol: 'exports["./testing"]',
  path: 'package.json',
  line: 10,
  detail: 'subpath ./testing removed from exports',
  before: '"./testing" default → ./dist/testing.js',
  after: undefined,
  fromAt: 'package.json:10',
  toAt: undefined,
});

testRule(rule, {
  valid: [{ name: 'engines are another rule', facts: [{ ...subpath, aspect: 'package-engines', change: 'narrowed' }] }],
  invalid: [
    {
      name: 'a subpath removed',
      facts: [subpath],
      findings: [
        {
          path: 'package.json',
          line: 10,
          message: '@acme/tool: subpath ./testing removed from exports by the rollback',
          evidence: '"./testing" default → ./dist/testing.js (from package.json:10) → absent at to',
        },
      ],
    },
    {
      name: 'a bin command removed',
      facts: [
        {
          ...subpath,
          aspect: 'package-bin',
          symbol: 'bin.tool-lint',
          detail: 'command tool-lint removed',
          before: 'tool-lint → bin/lint.js',
          line: 14,
          fromAt: 'package.json:14',
        },
      ],
      findings: [{ line: 14, message: '@acme/tool: command tool-lint removed by the rollback' }],
    },
  ],
});
