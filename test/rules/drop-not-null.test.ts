import { expect } from 'vitest';
import rule from '../../rules/drop-not-null.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a column made NOT NULL is another rule', facts: [op({ action: 'set-not-null', table: 'users', column: 'phone' })] },
    {
      name: 'on a column the release added',
      facts: [op({ action: 'drop-not-null', table: 'users', column: 'phone' }, { newObject: true })],
    },
  ],
  invalid: [
    {
      name: 'an existing NOT NULL column made nullable',
      facts: [op({ action: 'drop-not-null', table: 'users', column: 'phone' }, { line: 4 })],
      findings: [
        {
          path: 'migrations/002_change.sql',
          line: 4,
          message: expect.stringMatching(/makes users\.phone nullable: rows the release writes without a value/),
        },
      ],
    },
  ],
});
