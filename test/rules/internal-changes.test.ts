import rule from '../../rules/internal-changes.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const internal = (path: string, symbol: string) => contractFact({ surface: 'internal', entry: path, path, symbol });

testRule(rule, {
  valid: [
    { name: 'nothing changed', facts: [] },
    { name: 'only public contracts changed (the contract rules judge them)', facts: [contractFact({})] },
    { name: 'an internal contract only widened', facts: [contractFact({ surface: 'internal', change: 'widened' })] },
  ],
  invalid: [
    {
      name: 'one internal change',
      facts: [internal('src/lib/send.ts', 'send')],
      findings: [
        {
          path: 'src/lib/send.ts',
          message: '1 internal API change in 1 module rolls back together with the code that uses it',
          evidence: 'src/lib/send.ts',
        },
      ],
    },
    {
      name: 'many internal changes are one line with the counts',
      facts: [...['a', 'b', 'c', 'd', 'e', 'f'].map((m) => internal(`src/${m}.ts`, 'x')), internal('src/a.ts', 'y'), contractFact({})],
      findings: [
        {
          path: 'src/a.ts',
          message: '7 internal API changes in 6 modules roll back together with the code that uses them',
          evidence: 'src/a.ts, src/b.ts, src/c.ts, src/d.ts, src/e.ts (+1 more)',
        },
      ],
    },
  ],
});
