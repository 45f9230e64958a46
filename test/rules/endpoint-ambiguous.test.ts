import rule from '../../rules/endpoint-ambiguous.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'distinct templates', facts: [] }],
  invalid: [
    {
      name: 'two templates, one endpoint',
      facts: [{ kind: 'endpoint.ambiguous', path: 'openapi.yaml', line: 4, method: 'GET', templates: ['/pets/{petId}', '/pets/{name}'] }],
      findings: [{ path: 'openapi.yaml', line: 4, message: 'GET /pets/{petId} and /pets/{name} are the same endpoint: review by hand' }],
    },
    {
      name: 'thousands of colliding templates are named a few, and counted',
      facts: [
        {
          kind: 'endpoint.ambiguous',
          path: 'openapi.yaml',
          line: 4,
          method: 'GET',
          templates: ['/p/{a}', '/p/{b}', `/p/{${'c'.repeat(400)}}`],
          more: 19_997,
        },
      ],
      findings: [
        {
          message: `GET /p/{a} and /p/{b} and /p/{${'c'.repeat(115)}… and 19,997 more templates are the same endpoint: review by hand`,
          evidence: `/p/{a}, /p/{b}, /p/{${'c'.repeat(115)}…, … (19,997 more)`,
        },
      ],
    },
  ],
});
