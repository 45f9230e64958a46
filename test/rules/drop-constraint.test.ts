import { expect } from 'vitest';
import rule from '../../rules/drop-constraint.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a constraint added is another rule', facts: [op({ action: 'add-constraint', table: 'orders', constraint: 'check' })] },
    {
      name: 'dropped and re-added under the same name',
      facts: [
        op(
          { action: 'drop-constraint', table: 'orders', name: 'orders_user_fk' },
          { recreated: 'as a foreign-key constraint by the same migration' },
        ),
      ],
    },
  ],
  invalid: [
    {
      name: 'a foreign key dropped',
      facts: [op({ action: 'drop-constraint', table: 'orders', name: 'orders_user_fk', constraint: 'foreign-key' }, { line: 5 })],
      findings: [
        { line: 5, message: expect.stringMatching(/drops constraint orders_user_fk on orders: .*cascades the older code relies on stop/) },
      ],
    },
    {
      name: 'a unique constraint dropped',
      facts: [op({ action: 'drop-constraint', table: 'users', name: 'users_email_key' })],
      findings: [{ message: expect.stringMatching(/older upserts that name it fail/) }],
    },
  ],
});
