import { expect } from 'vitest';
import rule from '../../rules/drop-enum-value.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an additive operation',
      facts: [op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false })],
    },
    {
      name: 'on an object the release created',
      facts: [op({ action: 'enum-rename-value', name: 'order_status', column: 'shipped', to: 'sent' }, { newObject: true })],
    },
    { name: 'adding an enum value', facts: [op({ action: 'enum-add-value', name: 'order_status', to: 'lost' })] },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'enum-rename-value', name: 'order_status', column: 'shipped', to: 'sent' }, { line: 7 })],
      findings: [
        { path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/renames a value of type order_status to sent/) },
      ],
    },
  ],
});
