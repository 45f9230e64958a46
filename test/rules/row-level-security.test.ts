import { expect } from 'vitest';
import rule from '../../rules/row-level-security.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'on a table the release created',
      facts: [
        op({ action: 'enable-rls', table: 'documents' }, { newObject: true }),
        op({ action: 'create-policy', table: 'documents', name: 'p' }, { newObject: true }),
      ],
    },
  ],
  invalid: [
    {
      name: 'row level security turned on, and a policy',
      facts: [
        op({ action: 'enable-rls', table: 'documents' }, { line: 1 }),
        op({ action: 'create-policy', table: 'documents', name: 'tenant' }, { line: 2 }),
      ],
      findings: [
        {
          line: 1,
          message: expect.stringMatching(/enables row level security on documents: the older code sees only the rows a policy grants/),
        },
        { line: 2, message: expect.stringMatching(/creates policy tenant on documents/) },
      ],
    },
  ],
});
