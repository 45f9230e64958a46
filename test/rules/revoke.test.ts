import { expect } from 'vitest';
import rule from '../../rules/revoke.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'a grant', facts: [op({ action: 'other', name: 'grants privileges' })] }],
  invalid: [
    {
      name: 'privileges revoked',
      facts: [op({ action: 'revoke', name: 'update', table: 'invoices', to: 'app_user' })],
      findings: [
        { message: expect.stringMatching(/revokes update on invoices from app_user: queries of the older code or other services/) },
      ],
    },
  ],
});
