import { expect } from 'vitest';
import rule from '../../rules/drop-default.js';
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
      facts: [op({ action: 'drop-default', table: 'orders', column: 'status' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'drop-default', table: 'orders', column: 'status' }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/drops the default of orders.status/) }],
    },
  ],
});
