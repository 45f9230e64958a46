import { expect } from 'vitest';
import rule from '../../rules/blocking-index-build.js';
import { op, migration } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a concurrent build', facts: [migration(), op({ action: 'create-index', table: 'users', name: 'i', concurrently: true })] },
    {
      name: 'an index on a new table',
      facts: [migration(), op({ action: 'create-index', table: 'orders', name: 'i' }, { newObject: true })],
    },
    { name: 'not PostgreSQL', facts: [migration({ dialect: 'mysql' }), op({ action: 'create-index', table: 'users', name: 'i' })] },
  ],
  invalid: [
    {
      name: 'a plain CREATE INDEX on an existing PostgreSQL table',
      facts: [migration(), op({ action: 'create-index', table: 'users', name: 'users_status_idx' }, { line: 2 })],
      findings: [{ line: 2, message: expect.stringMatching(/creates index users_status_idx on users: writes to the table waited/) }],
    },
  ],
});
