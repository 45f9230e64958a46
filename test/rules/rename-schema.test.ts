import { expect } from 'vitest';
import rule from '../../rules/rename-schema.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'a renamed table is another rule', facts: [op({ action: 'rename-table', table: 'a', to: 'b' })] }],
  invalid: [
    {
      name: 'a schema renamed',
      facts: [op({ action: 'rename-schema', name: 'reporting', to: 'analytics' })],
      findings: [
        { message: expect.stringMatching(/renames schema reporting to analytics: the older code still looks for its tables in reporting/) },
      ],
    },
  ],
});
