import rule from '../../rules/procedure-removed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a REST endpoint is not a procedure',
      facts: [{ kind: 'endpoint.removed', path: 'src/app.ts', method: 'GET', route: '/a', source: 'express' }],
    },
  ],
  invalid: [
    {
      name: 'a mutation removed, with the HTTP path its handler serves it at',
      facts: [
        {
          kind: 'procedure.removed',
          path: 'src/server/routers/spaces.ts',
          line: 31,
          procedure: 'spaces.updateBranding',
          type: 'mutation',
          method: 'POST',
          route: '/api/trpc/spaces.updateBranding',
          since: 'v4.9.0',
        },
      ],
      findings: [
        {
          path: 'src/server/routers/spaces.ts',
          line: 31,
          message:
            'tRPC mutation spaces.updateBranding (POST /api/trpc/spaces.updateBranding) is no longer served after the rollback: pages of the running release still open fail when they call it',
          evidence: 'POST /api/trpc/spaces.updateBranding (trpc) at src/server/routers/spaces.ts:31; served since v4.9.0',
          endpoint: {
            method: 'POST',
            path: '/api/trpc/spaces.updateBranding',
            source: 'trpc',
            procedure: 'spaces.updateBranding',
            since: 'v4.9.0',
          },
        },
      ],
    },
    {
      name: 'a query whose handler was not found keeps its key path and says why',
      facts: [
        {
          kind: 'procedure.removed',
          path: 'src/router.ts',
          line: 3,
          procedure: 'system.status',
          type: 'query',
          method: 'GET',
          route: '/system.status',
          prefixUnknown: ['no tRPC HTTP handler found for the router src/router.ts appRouter'],
        },
      ],
      findings: [
        {
          message:
            'tRPC query system.status (GET /system.status) is no longer served after the rollback: pages of the running release still open fail when they call it (prefix unknown: no tRPC HTTP handler found for the router src/router.ts appRouter)',
        },
      ],
    },
  ],
});
