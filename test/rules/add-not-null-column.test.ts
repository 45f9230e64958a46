import { expect } from 'vitest';
import rule from '../../rules/add-not-null-column.js';
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
      facts: [op({ action: 'add-column', table: 'orders', column: 'currency', notNull: true, hasDefault: false }, { newObject: true })],
    },
    {
      name: 'NOT NULL with a default',
      facts: [op({ action: 'add-column', table: 'orders', column: 'currency', notNull: true, hasDefault: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'add-column', table: 'orders', column: 'currency', notNull: true, hasDefault: false }, { line: 7 })],
      findings: [
        {
          path: 'migrations/002_change.sql',
          line: 7,
          message: expect.stringMatching(/adds column orders.currency NOT NULL without a default/),
        },
      ],
    },
  ],
});
