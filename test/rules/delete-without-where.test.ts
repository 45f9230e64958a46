import { expect } from 'vitest';
import rule from '../../rules/delete-without-where.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an additive operation',
      facts: [op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false })],
    },
    { name: 'on an object the release created', facts: [op({ action: 'delete', table: 'carts', where: false }, { newObject: true })] },
    { name: 'a delete with where', facts: [op({ action: 'delete', table: 'carts', where: true })] },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'delete', table: 'carts', where: false }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/deletes every row from carts/) }],
    },
  ],
});
