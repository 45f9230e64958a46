import { expect } from 'vitest';
import rule from '../../rules/drop-index.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an additive operation',
      facts: [op({ action: 'add-column', table: 'users', column: 'bio', notNull: false, hasDefault: false })],
    },
    { name: 'on an object the release created', facts: [op({ action: 'drop-index', name: 'orders_created_idx' }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'drop-index', name: 'orders_created_idx' }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/drops index orders_created_idx/) }],
    },
    {
      name: 'a unique index is medium',
      facts: [op({ action: 'drop-index', name: 'users_email_key' })],
      findings: [{ severity: 'medium' }],
    },
  ],
});
