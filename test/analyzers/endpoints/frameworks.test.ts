import { describe, expect, it } from 'vitest';
import { endpointFindings, fixtureCase, removedEndpoints } from '../../support/endpoints.js';

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

describe('next.js routes', () => {
  it('finds removed App Router methods and files (route groups, dynamic and catch-all segments) and Pages Router methods', async () => {
    const findings = await endpointFindings(...fixtureCase('next', 'removed'));
    expect(removedEndpoints(findings)).toEqual([
      'ALL /api/ping',
      'DELETE /api/cart',
      'DELETE /api/users/[id]',
      'GET /api/users/[id]/emails',
      'PUT /api/files/[...path]',
    ]);
  });

  it('reports nothing when Pages Router handlers are rewritten as App Router route files', async () => {
    expect(await endpointFindings(...fixtureCase('next', 'cosmetic'))).toEqual([]);
  });
});

describe('tRPC procedures', () => {
  it('finds removed procedures by router key path', async () => {
    const findings = await endpointFindings(...fixtureCase('trpc', 'removed'));
    expect(removedEndpoints(findings)).toEqual(['POST /admin.purge', 'POST /user.rename']);
    // No HTTP handler in the fixture: the key path is shown, and the finding says the prefix is not known.
    expect(findings.map((f) => f.ruleId)).toEqual(['procedure-removed', 'procedure-removed']);
    expect(findings.find((f) => f.endpoint!.procedure === 'admin.purge')!.message).toMatch(
      /^tRPC mutation admin\.purge \(POST \/admin\.purge\) is no longer served .*prefix unknown: no tRPC HTTP handler found/,
    );
  });

  it('follows sub-routers imported from other modules', async () => {
    const users = (extra: string) =>
      `import { t } from './t';\nexport const userRouter = t.router({\n  byId: t.procedure.query(() => 1),\n${extra}});\n`;
    const app =
      "import { t } from './t';\nimport { userRouter } from './users';\nexport const appRouter = t.router({ user: userRouter, other: missingRouter });\n";
    const findings = await endpointFindings(
      { 'src/server/app.ts': app, 'src/server/users.ts': users('') },
      { 'src/server/app.ts': app, 'src/server/users.ts': users('  remove: t.procedure.mutation(() => 2),\n') },
    );
    expect(removedEndpoints(findings)).toEqual(['POST /user.remove']);
  });

  it('reports nothing when routers are inlined and keys reordered', async () => {
    expect(await endpointFindings(...fixtureCase('trpc', 'cosmetic'))).toEqual([]);
  });
});

describe('NestJS global prefix', () => {
  it('moves every controller, changed or not, when the release changes it', async () => {
    const main = (prefix: string) =>
      `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('${prefix}');\n}\n`;
    const controller =
      "import { Controller, Get } from '@nestjs/common';\n@Controller('cats')\nexport class Cats {\n  @Get()\n  all() {}\n}\n";
    const findings = await endpointFindings(
      { 'src/main.ts': main('api'), 'src/cats/cats.controller.ts': controller },
      { 'src/main.ts': main('api/v2'), 'src/cats/cats.controller.ts': controller },
    );
    expect(removedEndpoints(findings)).toEqual(['GET /api/v2/cats']);
    expect(findings[0]).toMatchObject({ path: 'src/cats/cats.controller.ts', line: 4 });
  });
});
