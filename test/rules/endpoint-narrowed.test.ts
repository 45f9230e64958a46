import rule from '../../rules/endpoint-narrowed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'nothing narrowed', facts: [{ kind: 'endpoint.removed', path: 'a.ts', method: 'GET', route: '/a', source: 'express' }] }],
  invalid: [
    {
      name: 'a parameter becomes required',
      facts: [
        {
          kind: 'endpoint.narrowed',
          path: 'openapi.yaml',
          line: 7,
          method: 'GET',
          route: '/users',
          change: 'query parameter "limit" becomes required',
        },
      ],
      findings: [
        { path: 'openapi.yaml', line: 7, message: 'GET /users is narrowed by the rollback: query parameter "limit" becomes required' },
      ],
    },
  ],
});
