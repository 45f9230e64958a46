import { expect } from 'vitest';
import rule from '../../rules/cascade.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'without CASCADE', facts: [op({ action: 'truncate', table: 'accounts' })] },
    {
      name: 'a dropped schema is its own rule',
      facts: [op({ action: 'drop-schema', object: 'schema', name: 'reporting', cascade: true })],
    },
  ],
  invalid: [
    {
      name: 'dependents the release shows',
      facts: [op({ action: 'truncate', table: 'accounts', cascade: true }, { dependents: ['invoices', 'payments'] })],
      findings: [{ message: expect.stringMatching(/CASCADE also empties what depends on it, including invoices, payments/) }],
    },
    {
      name: 'dependents unknown',
      facts: [op({ action: 'drop-table', table: 'accounts', cascade: true })],
      findings: [
        { message: expect.stringMatching(/CASCADE also drops whatever depends on it; the release's migrations do not show what/) },
      ],
    },
  ],
});
