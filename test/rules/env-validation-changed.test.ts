import rule from '../../rules/env-validation-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'no environment module changed',
      facts: [{ kind: 'env.needed', path: 'src/db.ts', line: 3, name: 'DB_URL', via: 'process.env.DB_URL', alsoAt: [], unsearched: 0 }],
    },
  ],
  invalid: [
    {
      name: 'two variables declared differently',
      facts: [{ kind: 'env.validation-changed', path: 'server/env.ts', line: 405, names: ['SMTP_FROM_EMAIL', 'SMTP_REPLY_EMAIL'] }],
      findings: [
        {
          path: 'server/env.ts',
          line: 405,
          message:
            'server/env.ts declares SMTP_FROM_EMAIL, SMTP_REPLY_EMAIL differently in the older release: values set for the running release must pass its checks',
        },
      ],
    },
  ],
});
