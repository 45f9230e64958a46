import { expect } from 'vitest';
import rule from '../../rules/truncate-table.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an additive operation',
      facts: [op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false })],
    },
    { name: 'on an object the release created', facts: [op({ action: 'truncate', table: 'sessions' }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'truncate', table: 'sessions' }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/empties table sessions/) }],
    },
  ],
});
