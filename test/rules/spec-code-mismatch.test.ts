import rule from '../../rules/spec-code-mismatch.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a spec operation the code does not serve either is a removal, not a mismatch',
      facts: [{ kind: 'endpoint.removed', path: 'openapi.yaml', method: 'GET', route: '/a', source: 'openapi' }],
    },
  ],
  invalid: [
    {
      name: 'the target spec lacks an operation its route code serves',
      facts: [
        {
          kind: 'endpoint.spec-mismatch',
          path: 'openapi.yaml',
          line: 5,
          method: 'GET',
          route: '/users/{id}',
          servedBy: { method: 'GET', route: '/users/:id', source: 'express', path: 'src/routes/users.ts', line: 4 },
        },
      ],
      findings: [
        {
          path: 'openapi.yaml',
          line: 5,
          message:
            'GET /users/{id} is in no spec of the target, but GET /users/:id at src/routes/users.ts:4 still serves it: the spec and the code disagree',
          evidence: 'served at the target by express at src/routes/users.ts:4',
          endpoint: {
            method: 'GET',
            path: '/users/{id}',
            source: 'openapi',
            file: 'openapi.yaml',
            line: 5,
            answeredBy: { method: 'GET', path: '/users/:id', file: 'src/routes/users.ts' },
          },
        },
      ],
    },
  ],
});
