import { describe, expect, it } from 'vitest';
import { endpointFindings, fixtureCase, removedEndpoints } from './support.js';

const CASES: [framework: string, removed: string[], firstPath: string][] = [
  ['fastify', ['DELETE /admin/cache', 'PUT /api/users/:id/avatar'], 'src/server.ts'],
  ['koa', ['POST /api/users/:id/invite'], 'src/router.ts'],
  ['hono', ['GET /api/books/:id', 'PATCH /api/books/:id'], 'src/index.ts'],
  ['nest', ['DELETE /api/cats/:id', 'POST /api/cats'], 'src/cats.controller.ts'],
];

describe.each(CASES)('%s routes', (framework, removed, firstPath) => {
  it('finds each removed endpoint with its method and full path', async () => {
    const findings = await endpointFindings(...fixtureCase(framework, 'removed'));
    expect(removedEndpoints(findings)).toEqual(removed);
    expect(findings.every((f) => f.ruleId === 'endpoint-removed' && f.severity === 'high')).toBe(true);
    expect(findings.map((f) => f.path)).toContain(firstPath);
  });

  it('reports nothing for a release that only reformats, renames parameters or moves routes', async () => {
    expect(await endpointFindings(...fixtureCase(framework, 'cosmetic'))).toEqual([]);
  });
});
