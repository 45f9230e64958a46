import rule from '../../rules/route-unresolved.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'every route read', facts: [] }],
  invalid: [
    {
      name: 'a path built at run time',
      facts: [
        {
          kind: 'endpoint.unresolved',
          path: 'src/app.ts',
          line: 5,
          source: 'express',
          reason: 'the route path is not static',
          evidence: 'app.get(base + path, h)',
        },
      ],
      findings: [
        {
          path: 'src/app.ts',
          line: 5,
          evidence: 'app.get(base + path, h)',
          message: 'a route (express) cannot be read statically (the route path is not static): check by hand that the rollback keeps it',
        },
      ],
    },
    {
      name: 'the method when it is static, and a long expression bounded',
      facts: [
        {
          kind: 'endpoint.unresolved',
          path: 'src/app.ts',
          line: 9,
          source: 'express',
          reason: 'the route path is not static',
          evidence: `\`\${${'x'.repeat(500)}}\``,
          method: 'GET',
        },
      ],
      findings: [
        {
          message:
            'a route (express, GET) cannot be read statically (the route path is not static): check by hand that the rollback keeps it',
          evidence: `\`\${${'x'.repeat(196)}…`,
        },
      ],
    },
  ],
});
