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
  ],
});
