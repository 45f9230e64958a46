import rule from '../../rules/endpoint-removed.js';
import type { EndpointRemovedFact } from '../../src/model/facts/endpoints.js';
import { testRule } from '../support/rule-tester.js';

const removed = (over: Partial<EndpointRemovedFact> = {}): EndpointRemovedFact => ({
  kind: 'endpoint.removed',
  path: 'src/index.ts',
  line: 18,
  method: 'GET',
  route: '/api/users/:id/emails',
  source: 'express',
  ...over,
});

testRule(rule, {
  valid: [{ name: 'no endpoint removed', facts: [{ kind: 'endpoint.narrowed', path: 'openapi.yaml', method: 'GET', route: '/a', change: 'x' }] }],
  invalid: [
    {
      name: 'a removed route with the tag that shipped it',
      facts: [removed({ since: 'v1.1.0' })],
      findings: [
        {
          path: 'src/index.ts',
          line: 18,
          message: 'GET /api/users/:id/emails is no longer served after the rollback',
          evidence: 'GET /api/users/:id/emails (express) at src/index.ts:18; served since v1.1.0',
        },
      ],
    },
    {
      name: 'a deprecated spec operation is still removed',
      facts: [removed({ path: 'openapi.yaml', line: 9, route: '/v1/pets', source: 'openapi', deprecated: true })],
      findings: [{ path: 'openapi.yaml', line: 9, message: 'GET /v1/pets is no longer served after the rollback (deprecated, but still removed for the clients that use it)' }],
    },
    {
      name: 'a handler for every method',
      facts: [removed({ method: '*', route: '/api/hook', source: 'next-pages', path: 'pages/api/hook.ts', line: 3 })],
      findings: [{ path: 'pages/api/hook.ts', line: 3, message: 'every method of /api/hook is no longer served after the rollback' }],
    },
  ],
});
