import rule from '../../rules/signature-narrowed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

testRule(rule, {
  valid: [
    {
      name: 'a widened signature is information for another rule',
      facts: [contractFact({ change: 'widened', detail: 'parameter b became optional' })],
    },
    { name: 'a removed export is another rule', facts: [contractFact({ aspect: 'export', change: 'removed' })] },
  ],
  invalid: [
    {
      name: 'an optional parameter made required and retyped',
      facts: [contractFact({ detail: 'parameter emails became required; parameter emails type string[] → string' })],
      findings: [
        {
          path: 'src/users.ts',
          line: 9,
          message:
            'createUser, exported by shop-api: parameter emails became required; parameter emails type string[] → string in the rollback',
          evidence:
            'createUser(name: string, emails: string[] = []): Promise<User> (from src/users.ts:9) → createUser(name: string, email: string): Promise<User> (to src/users.ts:9)',
        },
      ],
    },
  ],
});
