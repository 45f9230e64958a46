import { expect } from 'vitest';
import rule from '../../rules/drop-database-object.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a dropped view is another rule', facts: [op({ action: 'drop-object', object: 'view', name: 'v' })] },
    { name: 'a sequence the release created', facts: [op({ action: 'drop-object', object: 'sequence', name: 's' }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'a sequence and an extension',
      facts: [
        op({ action: 'drop-object', object: 'sequence', name: 'invoice_no' }),
        op({ action: 'drop-object', object: 'extension', name: 'pg_trgm' }),
      ],
      findings: [
        { message: expect.stringMatching(/drops sequence invoice_no: column defaults and inserts/) },
        { message: expect.stringMatching(/drops extension pg_trgm: the functions, types and operators/) },
      ],
    },
    {
      name: 'a policy is medium',
      facts: [op({ action: 'drop-object', object: 'policy', name: 'tenant', table: 'documents' })],
      findings: [{ severity: 'medium' }],
    },
  ],
});
