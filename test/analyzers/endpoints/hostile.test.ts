// Hostile specs and route files: nothing compared once where it is used twice, nothing dropped below a depth limit
// in silence, and every quoted excerpt bounded.
import { describe, expect, it } from 'vitest';
import { endpointFindings } from '../../support/endpoints.js';

const spec = (schemas: string, paths: string) =>
  `openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n${paths}components:\n  schemas:\n${schemas}`;

describe('OpenAPI schemas used twice and nested deep', () => {
  it('compares a schema used twice against each of its counterparts at the target', async () => {
    // At `from` both fields use Person; at `to` each has its own older schema, each lacking another field.
    const paths =
      "  /orders/{id}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  owner: { $ref: '#/components/schemas/OWNER' }\n                  buyer: { $ref: '#/components/schemas/BUYER' }\n";
    const from = spec(
      '    Person:\n      type: object\n      properties:\n        name: { type: string }\n        email: { type: string }\n        phone: { type: string }\n',
      paths.replace('OWNER', 'Person').replace('BUYER', 'Person'),
    );
    const to = spec(
      '    Owner:\n      type: object\n      properties:\n        name: { type: string }\n        phone: { type: string }\n    Buyer:\n      type: object\n      properties:\n        name: { type: string }\n        email: { type: string }\n',
      paths.replace('OWNER', 'Owner').replace('BUYER', 'Buyer'),
    );
    const findings = await endpointFindings({ 'openapi.yaml': to }, { 'openapi.yaml': from });
    expect(findings.map((f) => f.message)).toEqual([
      'GET /orders/{id} is narrowed by the rollback: response field "owner.email" disappears; response field "buyer.phone" disappears',
    ]);
  });

  it('sends what changes below the depth the comparison reads to manual review instead of dropping it', async () => {
    const nest = (levels: number, leaf: string) => {
      let schema = leaf;
      for (let i = 0; i < levels; i++) schema = `{ type: object, properties: { l${levels - i}: ${schema} } }`;
      return schema;
    };
    const paths = (leaf: string) =>
      `  /deep:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${nest(12, leaf)}\n`;
    const findings = await endpointFindings(
      { 'openapi.yaml': spec('    X: { type: string }\n', paths('{ type: object, properties: { a: { type: string } } }')) },
      {
        'openapi.yaml': spec(
          '    X: { type: string }\n',
          paths('{ type: object, properties: { a: { type: string }, b: { type: string } } }'),
        ),
      },
    );
    expect(findings).toMatchObject([{ ruleId: 'unclassified-change', category: 'unclassified', path: 'openapi.yaml', line: 5 }]);
    expect(findings[0]!.message).toMatch(
      /schemas of GET \/deep nest deeper than the comparison reads \(response l1\.l2\.l3\.l4\.l5\.l6\.l7\.l8\.l9\): what changed there is not known/,
    );
  });

  it('reads a deep schema that several operations share once, each compared with its own counterpart', async () => {
    const nest = (levels: number, leaf: string) => {
      let schema = leaf;
      for (let i = 0; i < levels; i++) schema = `{ type: object, properties: { l${levels - i}: ${schema} } }`;
      return schema;
    };
    const get = (path: string, ref: string) =>
      `  ${path}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/${ref}' }\n`;
    const deep = (name: string, leaf: string) => `    ${name}: ${nest(12, `{ type: object, properties: { ${leaf} } }`)}\n`;
    // At `from` the three operations share Deep; at `to` /a and /c have the same Deep, /b an older one.
    const from = spec(deep('Deep', 'a: { type: string }, b: { type: string }'), get('/a', 'Deep') + get('/b', 'Deep') + get('/c', 'Deep'));
    const to = spec(
      deep('Deep', 'a: { type: string }, b: { type: string }') + deep('Old', 'a: { type: string }'),
      get('/a', 'Deep') + get('/b', 'Old') + get('/c', 'Deep'),
    );
    const findings = await endpointFindings({ 'openapi.yaml': to }, { 'openapi.yaml': from });
    expect(findings.map((f) => f.message)).toEqual([
      'openapi.yaml was not understood: the schemas of GET /b nest deeper than the comparison reads (response l1.l2.l3.l4.l5.l6.l7.l8.l9): what changed there is not known',
    ]);
  });

  it('names a few of 20,000 colliding templates and counts the rest', async () => {
    const many = Array.from(
      { length: 20_000 },
      (_, i) => `  /items/{p${i}}:\n    get: { responses: { '200': { description: ok } } }\n`,
    ).join('');
    const findings = await endpointFindings(
      { 'openapi.yaml': spec('    X: { type: string }\n', "  /a:\n    get: { responses: { '200': { description: ok } } }\n") },
      { 'openapi.yaml': spec('    X: { type: string }\n', many) },
    );
    const ambiguous = findings.filter((f) => f.ruleId === 'endpoint-ambiguous');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.message).toBe(
      'GET /items/{p0} and /items/{p1} and /items/{p2} and /items/{p3} and /items/{p4} and 19,995 more templates are the same endpoint: review by hand',
    );
    expect(ambiguous[0]!.evidence!.length).toBeLessThan(200);
  });
});

describe('a route file with tens of thousands of routes', () => {
  it('is sent to manual review as one unclassified file, not compared route by route', async () => {
    const routes = (n: number) =>
      `import express from 'express';\nconst app = express();\n${Array.from({ length: n }, (_, i) => `app.get('/r${i}', (_q, s) => s.send('${i}'));\n`).join('')}app.listen(3000);\n`;
    const findings = await endpointFindings({ 'src/app.ts': routes(1) }, { 'src/app.ts': routes(45_000) });
    expect(findings).toMatchObject([
      {
        ruleId: 'unclassified-change',
        path: 'src/app.ts',
        message:
          'src/app.ts was not understood: 45,000 route registrations in one file: more than the analysis compares route by route (5,000)',
      },
    ]);
  }, 120_000);
});
