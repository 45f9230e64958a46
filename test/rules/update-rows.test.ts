import { expect } from 'vitest';
import rule from '../../rules/update-rows.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'an UPDATE without WHERE is another rule', facts: [op({ action: 'update', table: 'users', where: false })] },
    { name: 'rows of a table the release created', facts: [op({ action: 'update', table: 'users', where: true }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'an UPDATE with a WHERE',
      facts: [op({ action: 'update', table: 'users', where: true })],
      findings: [{ message: expect.stringMatching(/updates rows of users: the old values of the rows it selects are overwritten/) }],
    },
    {
      name: 'an UPDATE … FROM',
      facts: [op({ action: 'update', table: 'orders', where: false, from: true }, { line: 9 })],
      findings: [{ line: 9, message: expect.stringMatching(/updates rows of orders from another table/) }],
    },
  ],
});
