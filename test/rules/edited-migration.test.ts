import { expect } from 'vitest';
import rule from '../../rules/edited-migration.js';
import { migration, edited } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'only added migrations', facts: [migration()] }],
  invalid: [
    {
      name: 'a released migration edited',
      facts: [edited()],
      findings: [
        {
          path: 'migrations/001_init.sql',
          line: 4,
          evidence: 'ALTER TABLE users ADD COLUMN bio text;',
          message: expect.stringMatching(/^migration 001_init was edited after it was released/),
        },
      ],
    },
  ],
});
