import { expect } from 'vitest';
import rule from '../../rules/delete-rows.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a DELETE without WHERE is another rule', facts: [op({ action: 'delete', table: 'sessions', where: false })] },
    { name: 'rows of a table the release created', facts: [op({ action: 'delete', table: 'sessions', where: true }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'rows deleted from a table the older code uses',
      facts: [op({ action: 'delete', table: 'sessions', where: true }, { line: 3 })],
      findings: [{ line: 3, message: expect.stringMatching(/deletes rows from sessions: the rows it selects are gone/) }],
    },
  ],
});
