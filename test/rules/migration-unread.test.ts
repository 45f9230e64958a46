import { expect } from 'vitest';
import rule from '../../rules/migration-unread.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'nothing unread', facts: [] }],
  invalid: [
    {
      name: 'a statement not read',
      facts: [
        {
          kind: 'migration.unread',
          path: 'migrations/002_change.sql',
          line: 7,
          migration: '002_change',
          reason: 'calls procedure wipe: what it changes cannot be read without running it',
          evidence: 'CALL wipe()',
        },
      ],
      findings: [
        {
          path: 'migrations/002_change.sql',
          line: 7,
          evidence: 'CALL wipe()',
          message: expect.stringMatching(/migration 002_change was not read: calls procedure wipe/),
        },
      ],
    },
  ],
});
