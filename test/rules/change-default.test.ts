import { expect } from 'vitest';
import rule from '../../rules/change-default.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a dropped default is another rule', facts: [op({ action: 'drop-default', table: 'users', column: 'plan' })] },
    { name: 'on a column the release added', facts: [op({ action: 'set-default', table: 'users', column: 'plan' }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'a new default on an existing column',
      facts: [op({ action: 'set-default', table: 'users', column: 'plan' })],
      findings: [{ message: expect.stringMatching(/sets a new default on users\.plan: the older code's inserts/) }],
    },
  ],
});
