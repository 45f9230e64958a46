import rule from '../../rules/env-example-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no example file changed', facts: [] }],
  invalid: [
    {
      name: 'a renamed key',
      facts: [{ kind: 'env.example-changed', path: '.env.example', restored: [{ name: 'DB_URL', line: 1 }], dropped: ['DATABASE_URL'] }],
      findings: [
        {
          path: '.env.example',
          line: 1,
          message: 'the rollback brings back DB_URL and drops DATABASE_URL in .env.example: check they are set',
        },
      ],
    },
    {
      name: 'only dropped keys are informational',
      facts: [{ kind: 'env.example-changed', path: '.env.sample', restored: [], dropped: ['NEW_FLAG'] }],
      findings: [{ path: '.env.sample', severity: 'info', message: 'the rollback drops NEW_FLAG in .env.sample: no key to add' }],
    },
  ],
});
