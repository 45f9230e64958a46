import { expect } from 'vitest';
import rule from '../../rules/create-trigger.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'on a table the release created',
      facts: [op({ action: 'create-trigger', name: 'audit', table: 'orders' }, { newObject: true })],
    },
    {
      name: 'a trigger put back under its name',
      facts: [op({ action: 'create-trigger', name: 'audit', table: 'orders' }, { recreates: true })],
    },
  ],
  invalid: [
    {
      name: 'a trigger on a table the older code writes',
      facts: [op({ action: 'create-trigger', name: 'audit', table: 'orders' })],
      findings: [{ message: expect.stringMatching(/creates trigger audit on orders: it runs on the older code's writes/) }],
    },
  ],
});
