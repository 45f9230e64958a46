import rule from '../../rules/endpoint-rerouted.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an endpoint removed outright is not rerouted',
      facts: [{ kind: 'endpoint.removed', path: 'src/files.ts', method: 'GET', route: '/files/:id.:format', source: 'express' }],
    },
  ],
  invalid: [
    {
      name: 'a parameter route of the target answers the specific route the release added in front of it',
      facts: [
        {
          kind: 'endpoint.rerouted',
          path: 'src/files.ts',
          line: 4,
          method: 'GET',
          route: '/files/:id.:format',
          source: 'express',
          since: 'v2',
          answeredBy: { method: 'GET', route: '/files/:id', source: 'express', path: 'src/files.ts', line: 7 },
        },
      ],
      findings: [
        {
          path: 'src/files.ts',
          line: 4,
          message:
            'GET /files/:id.:format has no route of its own after the rollback: GET /files/:id (src/files.ts:7) answers its requests instead',
          evidence:
            'GET /files/:id.:format (express) at src/files.ts:4; served since v2; now answered by GET /files/:id (express) at src/files.ts:7',
          endpoint: {
            method: 'GET',
            path: '/files/:id.:format',
            source: 'express',
            file: 'src/files.ts',
            line: 4,
            since: 'v2',
            answeredBy: { method: 'GET', path: '/files/:id', source: 'express', file: 'src/files.ts', line: 7 },
          },
        },
      ],
    },
  ],
});
