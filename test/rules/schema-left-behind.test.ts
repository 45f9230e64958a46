import rule from '../../rules/schema-left-behind.js';
import { op, migration } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no migration in the release', facts: [op({ action: 'create-table', table: 'orders' })] }],
  invalid: [
    {
      name: 'an added migration says what stays',
      facts: [
        migration(),
        op({ action: 'create-table', table: 'orders' }),
        op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false }),
      ],
      findings: [
        { line: 1, message: 'migration 002_change stays applied after the rollback: creates table orders; adds column users.bio' },
      ],
    },
  ],
});
