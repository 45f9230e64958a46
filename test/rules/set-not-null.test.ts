import { expect } from 'vitest';
import rule from '../../rules/set-not-null.js';
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
      facts: [op({ action: 'set-not-null', table: 'users', column: 'phone' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'on an object the older code uses',
      facts: [op({ action: 'set-not-null', table: 'users', column: 'phone' }, { line: 7 })],
      findings: [{ path: 'migrations/002_change.sql', line: 7, message: expect.stringMatching(/makes users.phone NOT NULL/) }],
    },
    {
      name: 'a column the release added, made required later, carries the note',
      facts: [op({ action: 'set-not-null', table: 'users', column: 'plan' }, { note: 'column users.plan was added by 002 nullable' })],
      findings: [{ message: expect.stringMatching(/\(column users.plan was added by 002 nullable\)$/) }],
    },
  ],
});
