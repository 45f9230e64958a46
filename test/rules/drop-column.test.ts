import { expect } from 'vitest';
import rule from '../../rules/drop-column.js';
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
      facts: [op({ action: 'drop-column', table: 'users', column: 'email' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'drop-column', table: 'users', column: 'email' }, { line: 7 })],
      findings: [
        { path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/^migration 002_change drops column users.email: /) },
      ],
    },
  ],
});
