import { expect } from 'vitest';
import rule from '../../rules/update-without-where.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an additive operation',
      facts: [op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false })],
    },
    { name: 'on an object the release created', facts: [op({ action: 'update', table: 'users', where: false }, { newObject: true })] },
    { name: 'an update with where', facts: [op({ action: 'update', table: 'users', where: true })] },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'update', table: 'users', where: false }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/updates every row of users/) }],
    },
  ],
});
