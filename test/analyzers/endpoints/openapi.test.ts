import { describe, expect, it } from 'vitest';
import { endpointFindings, fixtureCase, removedEndpoints } from '../../support/endpoints.js';

describe('OpenAPI 3', () => {
  it('finds removed operations with the server prefix, narrowed operations and a removed webhook, across $ref files', async () => {
    const findings = await endpointFindings(...fixtureCase('openapi3', 'removed'));
    expect(removedEndpoints(findings)).toEqual(['DELETE /v1/pets/{petId}', 'GET /v1/pets/{petId}/photos']);
    const deleted = findings.find((f) => f.evidence?.startsWith('DELETE'))!;
    expect(deleted).toMatchObject({ path: 'api/openapi.yaml', line: 38, severity: 'high' });
    expect(deleted.message).toMatch(/deprecated, but still removed/);
    const narrowed = findings.filter((f) => f.ruleId === 'endpoint-narrowed').map((f) => f.message);
    expect(narrowed).toEqual([
      'GET /v1/pets is narrowed by the rollback: query parameter "limit" becomes required; response field "[].status": enum value "pending" vanishes; response field "[].tag" disappears',
      'POST /v1/pets is narrowed by the rollback: request field "status": enum value "pending" vanishes; request field "owner" becomes required',
      'GET /v1/pets/{petId} is narrowed by the rollback: response field "status": enum value "pending" vanishes; response field "tag" disappears',
    ]);
    expect(findings.filter((f) => f.ruleId === 'webhook-removed')).toMatchObject([
      { category: 'contract-change', message: 'webhook petAdopted (POST) is no longer sent after the rollback' },
    ]);
    // The callback is a call the app makes, not an endpoint it serves.
    expect(findings.some((f) => /callbackUrl/.test(f.message))).toBe(false);
  });

  it('reports nothing for a spec only reformatted, reordered, re-described or with renamed path parameters', async () => {
    expect(await endpointFindings(...fixtureCase('openapi3', 'cosmetic'))).toEqual([]);
  });

  it('reads the unchanged root spec when only a referenced fragment changed', async () => {
    const root =
      "openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: './schemas/user.yaml' }\n";
    const user = (extra: string) => `type: object\nproperties:\n  id: { type: string }\n${extra}`;
    const findings = await endpointFindings(
      { 'api/openapi.yaml': root, 'api/schemas/user.yaml': user('') },
      { 'api/openapi.yaml': root, 'api/schemas/user.yaml': user('  email: { type: string }\n') },
    );
    expect(findings).toMatchObject([
      {
        ruleId: 'endpoint-narrowed',
        path: 'api/openapi.yaml',
        line: 5,
        message: 'GET /users is narrowed by the rollback: response field "email" disappears',
      },
    ]);
  });

  it('never fetches a remote $ref: it is reported as unresolved', async () => {
    const spec = (extra: string) =>
      `openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n${extra}`;
    const findings = await endpointFindings(
      { 'openapi.yaml': spec('') },
      { 'openapi.yaml': spec("  /b:\n    $ref: 'https://example.invalid/b.yaml'\n") },
    );
    expect(findings).toMatchObject([
      { ruleId: 'unclassified-change', path: 'openapi.yaml', line: 8, evidence: 'https://example.invalid/b.yaml' },
    ]);
    expect(findings[0]!.message).toMatch(/remote \$ref not fetched/);
  });

  it('sends two templates that collapse to one endpoint to manual review', async () => {
    const spec = (extra: string) =>
      `openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n  /pets/{id}:\n    get: { responses: { '200': { description: ok } } }\n${extra}`;
    const findings = await endpointFindings(
      { 'openapi.yaml': spec('') },
      { 'openapi.yaml': spec("  /pets/{name}:\n    get: { responses: { '200': { description: ok } } }\n") },
    );
    expect(findings).toMatchObject([{ ruleId: 'endpoint-ambiguous', path: 'openapi.yaml', line: 5, severity: 'low' }]);
  });

  it('reads specs at configured globs that do not follow the naming convention', async () => {
    const spec = (extra: string) =>
      `openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n  /a:\n    get: { responses: { '200': { description: ok } } }\n${extra}`;
    const findings = await endpointFindings(
      { 'contracts/public.yml': spec('') },
      { 'contracts/public.yml': spec("  /b:\n    post: { responses: { '201': { description: ok } } }\n") },
      { api: { specs: ['contracts/*.yml'] } },
    );
    expect(removedEndpoints(findings)).toEqual(['POST /b']);
  });
});

describe('OpenAPI 2', () => {
  it('finds a removed method under a kept path with the basePath applied, and a vanished enum value', async () => {
    const findings = await endpointFindings(...fixtureCase('openapi2', 'removed'));
    expect(removedEndpoints(findings)).toEqual(['PUT /store/v2/orders/{orderId}']);
    expect(findings.filter((f) => f.ruleId === 'endpoint-narrowed').map((f) => f.message)).toEqual([
      'GET /store/v2/orders is narrowed by the rollback: query parameter "status": enum value "cancelled" vanishes; response field "[].coupon" disappears',
      'GET /store/v2/orders/{orderId} is narrowed by the rollback: response field "coupon" disappears',
    ]);
  });

  it('reports nothing for a spec only reformatted, reordered or re-described', async () => {
    expect(await endpointFindings(...fixtureCase('openapi2', 'cosmetic'))).toEqual([]);
  });
});

describe('specs checked against code', () => {
  const users =
    "import { Router } from 'express';\nconst users = Router();\nusers.get('/users/:id', (req, res) => res.json({ id: req.params.id }));\nexport default users;\n";
  const app =
    "import express from 'express';\nimport users from './routes/users';\nconst app = express();\napp.use('/v1', users);\napp.listen(3000);\n";
  const spec =
    "openapi: 3.0.0\ninfo: { title: docs, version: '1' }\nservers: [{ url: https://api.example.com/v1 }]\npaths:\n  /users/{id}:\n    get: { responses: { '200': { description: ok } } }\n";
  const code = { 'src/app.ts': app, 'src/routes/users.ts': users };

  it('reads a spec a documentation site adds as documentation, not as endpoints the rollback removes', async () => {
    expect(await endpointFindings(code, { ...code, 'apps/docs/public/openapi.yaml': spec })).toEqual([]);
    const dir = (await import('../../support/repo.js')).twoReleases(code, { ...code, 'apps/docs/public/openapi.yaml': spec });
    const { analyzeRollback } = await import('../../../src/engine/analyze.js');
    const { endpointsAnalyzer } = await import('../../../src/analyzers/endpoints/analyzer.js');
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config: {}, analyzers: [endpointsAnalyzer] });
    expect(report.changes).toMatchObject([{ path: 'apps/docs/public/openapi.yaml', categories: ['docs'] }]);
  });

  it('reads a documentation spec as the API when api.specs names it', async () => {
    const findings = await endpointFindings(
      code,
      { ...code, 'apps/docs/public/openapi.yaml': spec.replace('/users/{id}', '/teams/{id}') },
      { api: { specs: ['apps/docs/public/openapi.yaml'] } },
    );
    expect(removedEndpoints(findings)).toEqual(['GET /v1/teams/{id}']);
  });

  it('confirms an operation only a new spec has against the route code of the target: served there, it is not removed', async () => {
    const findings = await endpointFindings(code, { ...code, 'openapi.yaml': spec });
    expect(removedEndpoints(findings)).toEqual([]);
    expect(findings).toMatchObject([
      {
        ruleId: 'spec-code-mismatch',
        severity: 'info',
        path: 'openapi.yaml',
        message:
          'GET /v1/users/{id} is in no spec of the target, but GET /v1/users/:id at src/routes/users.ts:3 still serves it: the spec and the code disagree',
      },
    ]);
  });

  it('still reports an operation of a new spec that no route code of the target serves', async () => {
    const findings = await endpointFindings(code, { ...code, 'openapi.yaml': spec.replace('/users/{id}', '/teams/{id}') });
    expect(removedEndpoints(findings)).toEqual(['GET /v1/teams/{id}']);
  });
});
