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
  valid: [
    { name: 'no endpoint removed', facts: [{ kind: 'endpoint.narrowed', path: 'openapi.yaml', method: 'GET', route: '/a', change: 'x' }] },
  ],
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
          endpoint: { method: 'GET', path: '/api/users/:id/emails', source: 'express', file: 'src/index.ts', line: 18, since: 'v1.1.0' },
        },
      ],
    },
    {
      name: 'a deprecated spec operation is still removed',
      facts: [removed({ path: 'openapi.yaml', line: 9, route: '/v1/pets', source: 'openapi', deprecated: true })],
      findings: [
        {
          path: 'openapi.yaml',
          line: 9,
          message: 'GET /v1/pets is no longer served after the rollback (deprecated, but still removed for the clients that use it)',
        },
      ],
    },
    {
      name: 'a handler for every method',
      facts: [removed({ method: 'ALL', route: '/api/hook', source: 'next-pages', path: 'pages/api/hook.ts', line: 3 })],
      findings: [
        {
          path: 'pages/api/hook.ts',
          line: 3,
          message: 'ALL /api/hook is no longer served after the rollback',
          endpoint: { method: 'ALL', path: '/api/hook' },
        },
      ],
    },
    {
      name: 'a route under a prefix the tool could not read says so, and keeps the path as written',
      facts: [removed({ route: '/users/:id', prefixUnknown: ['mounted at src/app.ts:40 by a computed value `config.prefix`'] })],
      findings: [
        {
          message:
            'GET /users/:id is no longer served after the rollback (prefix unknown: mounted at src/app.ts:40 by a computed value `config.prefix`)',
          endpoint: { method: 'GET', path: '/users/:id', prefixUnknown: ['mounted at src/app.ts:40 by a computed value `config.prefix`'] },
        },
      ],
    },
    {
      name: 'a REST operation of a tRPC procedure names the procedure',
      facts: [removed({ route: '/api/v2/envelope/cancel', method: 'POST', source: 'trpc-openapi', procedure: 'envelope.cancel' })],
      findings: [
        {
          message: 'POST /api/v2/envelope/cancel is no longer served after the rollback',
          endpoint: { source: 'trpc-openapi', procedure: 'envelope.cancel' },
        },
      ],
    },
    {
      name: 'a path and reasons from the repository are bounded in the message and the endpoint object',
      facts: [removed({ route: `/${'a'.repeat(5000)}`, prefixUnknown: Array.from({ length: 50 }, (_, i) => `${i}${'b'.repeat(1000)}`) })],
      findings: [
        {
          message: `GET /${'a'.repeat(198)}… is no longer served after the rollback (prefix unknown: 0${'b'.repeat(158)}…; 1${'b'.repeat(158)}…; 48 more)`,
          endpoint: { path: `/${'a'.repeat(998)}…`, prefixUnknown: [0, 1, 2, 3, 4].map((i) => `${i}${'b'.repeat(298)}…`) },
        },
      ],
    },
  ],
});
