import rule from '../../rules/coupled-change.js';
import { op, coupled } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no coupling found', facts: [op({ action: 'drop-column', table: 'users', column: 'email' })] }],
  invalid: [
    {
      name: 'the older code uses the dropped column',
      facts: [coupled({ alsoIn: ['src/index.ts:14'] })],
      findings: [
        {
          line: 9,
          message:
            'migration 002_change drops column users.email, and the release also changes src/users.ts, which uses it in the older release (line 10)',
          evidence: "src/users.ts:10: db.query('INSERT INTO users (name, email) VALUES ($1, $2)') (also src/index.ts:14)",
        },
      ],
    },
  ],
});
