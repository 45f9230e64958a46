import { describe, expect, it } from 'vitest';
import { endpointFindings, fixtureCase, removedEndpoints } from '../../support/endpoints.js';

describe('express routes', () => {
  it('finds removed endpoints with their full path through nested routers, a method removed under a kept path, and app.all', async () => {
    const findings = await endpointFindings(...fixtureCase('express', 'removed'));
    expect(removedEndpoints(findings)).toEqual(['ALL /legacy/ping', 'DELETE /api/users/:id', 'GET /api/users/:id/emails']);
    const emails = findings.find((f) => f.evidence?.startsWith('GET /api/users/:id/emails'))!;
    expect(emails).toMatchObject({ severity: 'high', category: 'endpoint-removal', path: 'src/routes/users.ts', line: 6 });
    expect(emails.evidence).toBe('GET /api/users/:id/emails (express) at src/routes/users.ts:6; served since v2');
  });

  it('reports nothing when handlers are reformatted, parameters renamed and a route moved to another file', async () => {
    expect(await endpointFindings(...fixtureCase('express', 'cosmetic'))).toEqual([]);
  });

  it('reports a route whose path is built at run time, with its line, instead of dropping it', async () => {
    const app = (extra: string) => ({
      'src/app.ts': `import express from 'express';\nimport { base } from './config';\nconst app = express();\napp.get('/a', (_q, s) => s.send('a'));\n${extra}`,
    });
    const findings = await endpointFindings(app(''), app("app.get(base + '/b', (_q, s) => s.send('b'));\n"));
    expect(findings).toMatchObject([{ ruleId: 'route-unresolved', path: 'src/app.ts', line: 5, evidence: "base + '/b'" }]);
  });

  it('finds a route removed from an unchanged router file when its mount prefix changes', async () => {
    const users = "import { Router } from 'express';\nconst r = Router();\nr.get('/:id', (q, s) => s.json(q.params));\nexport default r;\n";
    const app = (prefix: string) =>
      `import express from 'express';\nimport users from './users';\nconst app = express();\napp.use('${prefix}', users);\n`;
    const findings = await endpointFindings(
      { 'src/users.ts': users, 'src/app.ts': app('/v1/users') },
      { 'src/users.ts': users, 'src/app.ts': app('/v2/users') },
    );
    expect(removedEndpoints(findings)).toEqual(['GET /v2/users/:id']);
  });
});
