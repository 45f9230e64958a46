import { expect } from 'vitest';
import rule from '../../rules/add-constraint.js';
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
      facts: [op({ action: 'add-constraint', table: 'users', constraint: 'unique', column: 'email' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'add-constraint', table: 'users', constraint: 'unique', column: 'email' }, { line: 7 })],
      findings: [
        { path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/adds a unique constraint on users\(email\)/) },
      ],
    },
    {
      name: 'a primary key',
      facts: [op({ action: 'add-constraint', table: 'users', constraint: 'primary-key' })],
      findings: [
        {
          message: 'migration 002_change adds a primary-key constraint on users: writes the older code considers valid may now be rejected',
        },
      ],
    },
  ],
});
