import { expect } from 'vitest';
import rule from '../../rules/change-column-type.js';
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
      facts: [op({ action: 'change-column-type', table: 'orders', column: 'total', dataType: 'integer' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'change-column-type', table: 'orders', column: 'total', dataType: 'integer' }, { line: 7 })],
      findings: [
        { path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/changes the type of orders.total to integer/) },
      ],
    },
    {
      name: 'a widening type is medium',
      facts: [op({ action: 'change-column-type', table: 'orders', column: 'id', dataType: 'bigint' })],
      findings: [{ severity: 'medium' }],
    },
  ],
});
