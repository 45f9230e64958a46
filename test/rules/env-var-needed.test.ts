import rule from '../../rules/env-var-needed.js';
import type { EnvNeededFact } from '../../src/model/facts/config.js';
import { testRule } from '../support/rule-tester.js';

const needed = (over: Partial<EnvNeededFact>): EnvNeededFact => ({
  kind: 'env.needed',
  path: 'src/db.ts',
  line: 3,
  name: 'DB_URL',
  via: 'process.env.DB_URL',
  alsoAt: [],
  unsearched: 0,
  ...over,
});

testRule(rule, {
  valid: [
    { name: 'no variable needed', facts: [{ kind: 'file.classified', path: 'src/db.ts', category: 'code-change', reason: 'script' }] },
  ],
  invalid: [
    {
      name: 'a renamed variable',
      facts: [needed({})],
      findings: [
        {
          path: 'src/db.ts',
          line: 3,
          message: 'the rollback needs DB_URL: the older code reads it and the running release does not, so it may not be set any more',
          evidence: 'process.env.DB_URL',
        },
      ],
    },
    {
      name: 'other reads and an unsearched remainder are named',
      facts: [
        needed({ name: 'API_KEY', via: "Deno.env.get('API_KEY')", alsoAt: ['a.ts:1', 'b.ts:2', 'c.ts:3', 'd.ts:4'], unsearched: 12 }),
      ],
      findings: [
        {
          evidence:
            "Deno.env.get('API_KEY'); also read at a.ts:1, b.ts:2, c.ts:3 (+1 more); 12 unchanged scripts were not searched for reads at the running release",
        },
      ],
    },
  ],
});
