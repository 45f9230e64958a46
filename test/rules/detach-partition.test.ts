import { expect } from 'vitest';
import rule from '../../rules/detach-partition.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'on a table the release created',
      facts: [op({ action: 'detach-partition', table: 'events', name: 'events_2023' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'a partition detached',
      facts: [op({ action: 'detach-partition', table: 'events', name: 'events_2023' })],
      findings: [{ message: expect.stringMatching(/detaches partition events_2023 from events: its rows are no longer in the table/) }],
    },
  ],
});
