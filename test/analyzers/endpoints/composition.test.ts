import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';
import { FIXTURES, twoReleases } from '../../support/repo.js';
import { TREE_CACHE_TEXT } from '../../../src/engine/trees.js';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { endpointsAnalyzer } from '../../../src/analyzers/endpoints/analyzer.js';

const composed = (name: string): [string, string] => [
  join(FIXTURES, 'endpoints', 'composed', name, 'v1'),
  join(FIXTURES, 'endpoints', 'composed', name, 'v2'),
];

/** A Koa app shaped as logto's: route modules are registrars handed a router, mounted under /api by a tenant. */
const registrarInit = (extra: string) => `import Koa from 'koa';
import mount from 'koa-mount';
import Router from 'koa-router';
import userRoutes from './routes/users';
${extra ? "import reportRoutes from './routes/reports';\n" : ''}
const createRouters = () => {
  const managementRouter = new Router();
  userRoutes(managementRouter);
${extra}  return [managementRouter];
};

export default function initApis(): Koa {
  const apisApp = new Koa();
  for (const router of createRouters()) {
    apisApp.use(router.routes()).use(router.allowedMethods());
  }
  return apisApp;
}
`;

const registrar = (name: string, extra = '') => `import type { AppRouter } from './types';

const pathPrefix = '/${name}';

export default function ${name}Routes(...[router]: [AppRouter]) {
  router.get(pathPrefix, async (ctx, next) => next());
  router.delete(\`\${pathPrefix}/:id\`, async (ctx, next) => next());
${extra}}
`;

const registrarApp = {
  'package.json': '{ "name": "core", "imports": { "#src/*": "./build/*" } }',
  'tsconfig.json': '{ "compilerOptions": { "outDir": "build", "rootDir": "src" } }',
  'src/tenant.ts':
    "import Koa from 'koa';\nimport mount from 'koa-mount';\nimport initApis from '#src/init.js';\n\nexport class Tenant {\n  readonly app = new Koa();\n  constructor() {\n    const app = new Koa();\n    app.use(mount('/api', initApis()));\n    this.app = app;\n  }\n}\n",
  'src/routes/types.ts': "import type Router from 'koa-router';\nexport type AppRouter = Router;\n",
};

/** A generated module larger than the parsed-script cache's bound. */
const table = (n: number) => `export const table = [${Array.from({ length: TREE_CACHE_TEXT / 8 }, (_, i) => i + n).join(', ')}];\n`;

describe('prefixes as the app is composed', () => {
  it('follows koa-mount, a Koa app wrapping a router, and a router a plugin registers in a registry', async () => {
    const findings = await endpointFindings(...composed('koa-mount'));
    expect(removedEndpoints(findings)).toEqual(['GET /api/invoices/:id/pdf', 'POST /api/accounts/logout']);
    expect(findings.every((f) => f.ruleId === 'endpoint-removed' && f.severity === 'high' && !f.endpoint!.prefixUnknown)).toBe(true);
    expect(findings.find((f) => f.endpoint!.path === '/api/invoices/:id/pdf')).toMatchObject({
      path: 'plugins/billing/server/router.ts',
      line: 9,
      endpoint: {
        method: 'GET',
        path: '/api/invoices/:id/pdf',
        source: 'koa',
        file: 'plugins/billing/server/router.ts',
        line: 9,
        since: 'v2',
      },
    });
  });

  it('follows imports through a tsconfig paths alias and a workspace package name', async () => {
    const findings = await endpointFindings(...composed('express-alias'));
    expect(removedEndpoints(findings)).toEqual(['DELETE /v1/users/:id', 'PUT /admin/flags/:name']);
    expect(findings.map((f) => f.path).sort()).toEqual(['apps/server/src/routes/users.ts', 'packages/admin-routes/src/index.ts']);
  });

  it('follows routers handed to registering functions, returned in an array and mounted in a loop, in an app a factory returns', async () => {
    const shared = { ...registrarApp, 'src/routes/users.ts': registrar('users') };
    const findings = await endpointFindings(
      { ...shared, 'src/init.ts': registrarInit('') },
      { ...shared, 'src/init.ts': registrarInit('  reportRoutes(managementRouter);\n'), 'src/routes/reports.ts': registrar('reports') },
    );
    expect(removedEndpoints(findings)).toEqual(['DELETE /api/reports/:id', 'GET /api/reports']);
    expect(findings[0]!.endpoint!.source).toBe('koa');
  });

  it('follows a rest parameter handed on whole (`keys(...args)`) and read by destructuring (`const [router] = args`)', async () => {
    // logto's sso-connector/index.ts hands `...args` to signing-key.ts, which reads its router from `args`.
    const users = (extra: string) =>
      `import type { AppRouter } from './types';\nimport keyRoutes from './keys';\n\nexport default function usersRoutes(...args: [AppRouter]) {\n  const [router] = args;\n  router.get('/users', async (ctx, next) => next());\n${extra}}\n`;
    const keys =
      "import type { AppRouter } from './types';\n\nexport default function keyRoutes(...args: [AppRouter]) {\n  const [router] = args;\n  router.get('/users/:id/keys', async (ctx, next) => next());\n  router.delete('/users/:id/keys/:keyId', async (ctx, next) => next());\n}\n";
    const shared = { ...registrarApp, 'src/init.ts': registrarInit('') };
    const findings = await endpointFindings(
      { ...shared, 'src/routes/users.ts': users('') },
      {
        ...shared,
        'src/routes/keys.ts': keys,
        'src/routes/users.ts': users('  if (process.env.DEV_FEATURES) {\n    keyRoutes(...args);\n  }\n'),
      },
    );
    expect(removedEndpoints(findings)).toEqual(['DELETE /api/users/:id/keys/:keyId', 'GET /api/users/:id/keys']);
    expect(findings.every((f) => !f.endpoint!.prefixUnknown)).toBe(true);
  });

  it('says the prefix is unknown for a router of a class of its own, which may set one in its constructor', async () => {
    // logto's SchemaRouter derives `/organizations` from the table it is built for.
    const orgs = (extra: string) =>
      `import type { AppRouter } from './types';\nimport SchemaRouter from '../schema-router';\n\nexport default function organizationRoutes(...args: [AppRouter]) {\n  const [originalRouter] = args;\n  const router = new SchemaRouter('organizations');\n  router.get('/:id', async (ctx, next) => next());\n${extra}  originalRouter.use(router.routes());\n}\n`;
    const shared = { ...registrarApp, 'src/init.ts': registrarInit(''), 'src/schema-router.ts': 'export default class SchemaRouter {}\n' };
    const findings = await endpointFindings(
      { ...shared, 'src/routes/users.ts': orgs('') },
      { ...shared, 'src/routes/users.ts': orgs("  router.post('/:id/applications', async (ctx, next) => next());\n") },
    );
    expect(findings).toMatchObject([
      {
        message: expect.stringMatching(
          /^POST \/api\/:id\/applications is no longer served after the rollback \(prefix unknown: router \(src\/routes\/users\.ts:6\) is a `SchemaRouter`, whose own prefix the tool cannot read\)$/,
        ),
      },
    ]);
  });

  it('follows a router exported in an object and mounted by property', async () => {
    const routers = (extra: string) =>
      `import { Router } from 'express';\nconst users = Router();\nusers.get('/', (_q, s) => s.json([]));\n${extra}export const routers = { users };\n`;
    const app =
      "import express from 'express';\nimport { routers } from './routers';\nconst app = express();\napp.use('/users', routers.users);\napp.listen(3000);\n";
    const findings = await endpointFindings(
      { 'src/app.ts': app, 'src/routers.ts': routers('') },
      { 'src/app.ts': app, 'src/routers.ts': routers("users.post('/:id/ban', (_q, s) => s.send('ok'));\n") },
    );
    expect(removedEndpoints(findings)).toEqual(['POST /users/:id/ban']);
  });

  it('says on the finding when a mount prefix is computed, and keeps the route as written', async () => {
    const app =
      "import express from 'express';\nimport { config } from './config';\nimport users from './users';\nconst app = express();\napp.use(config.prefix, users);\napp.listen(3000);\n";
    const users = (extra: string) =>
      `import { Router } from 'express';\nconst users = Router();\nusers.get('/users', (_q, s) => s.json([]));\n${extra}export default users;\n`;
    const findings = await endpointFindings(
      { 'src/app.ts': app, 'src/users.ts': users('') },
      { 'src/app.ts': app, 'src/users.ts': users("users.get('/users/:id', (_q, s) => s.json({}));\n") },
    );
    expect(findings).toMatchObject([
      {
        ruleId: 'endpoint-removed',
        message:
          'GET /users/:id is no longer served after the rollback (prefix unknown: mounted at src/app.ts:5 by a computed value `config.prefix`)',
        endpoint: { method: 'GET', path: '/users/:id', prefixUnknown: ['mounted at src/app.ts:5 by a computed value `config.prefix`'] },
      },
    ]);
  });

  it('says on the finding when nothing mounts a router', async () => {
    const users = (extra: string) =>
      `import { Router } from 'express';\nexport const users = Router();\nusers.get('/users', (_q, s) => s.json([]));\n${extra}`;
    const findings = await endpointFindings(
      { 'src/users.ts': users('') },
      { 'src/users.ts': users("users.delete('/users/:id', (_q, s) => s.send(''));\n") },
    );
    expect(findings).toMatchObject([{ endpoint: { path: '/users/:id' } }]);
    expect(findings[0]!.message).toMatch(/\(prefix unknown: users \(src\/users\.ts:2\) is not mounted by any module found\)$/);
  });

  it('applies Fastify register prefixes to plugins, and Hono route prefixes to sub-apps', async () => {
    const server =
      "import Fastify from 'fastify';\nimport users from './users';\nconst app = Fastify();\napp.register(users, { prefix: '/v2' });\napp.listen({ port: 3000 });\n";
    const plugin = (extra: string) =>
      `import type { FastifyInstance } from 'fastify';\nexport default async function users(fastify: FastifyInstance) {\n  fastify.get('/users', async () => []);\n${extra}}\n`;
    const fastify = await endpointFindings(
      { 'src/server.ts': server, 'src/users.ts': plugin('') },
      {
        'src/server.ts': server,
        'src/users.ts': plugin("  fastify.route({ method: ['PUT', 'PATCH'], url: '/users/:id', handler: async () => ({}) });\n"),
      },
    );
    expect(removedEndpoints(fastify)).toEqual(['PATCH /v2/users/:id', 'PUT /v2/users/:id']);

    const index =
      "import { Hono } from 'hono';\nimport books from './books';\nconst app = new Hono().basePath('/api');\napp.route('/books', books);\nexport default app;\n";
    const books = (extra: string) =>
      `import { Hono } from 'hono';\nconst books = new Hono();\nbooks.get('/', (c) => c.json([]));\n${extra}export default books;\n`;
    const hono = await endpointFindings(
      { 'src/index.ts': index, 'src/books.ts': books('') },
      { 'src/index.ts': index, 'src/books.ts': books("books.on(['PUT', 'DELETE'], '/:id', (c) => c.text('ok'));\n") },
    );
    expect(removedEndpoints(hono)).toEqual(['DELETE /api/books/:id', 'PUT /api/books/:id']);
  });
});

describe('NestJS as the bootstrap sets it up', () => {
  const main = (prefix: string) => `import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix(${prefix}, { exclude: ['health', 'health/(.*)'] });
  app.enableVersioning({ type: VersioningType.URI });
  await app.listen(3000);
}
void bootstrap();
`;
  const cats = (extra: string) => `import { Controller, Delete, Get, Version } from '@nestjs/common';

@Controller({ path: 'cats', version: '1' })
export class CatsController {
  @Get()
  all() {}
${extra}}
`;
  const health =
    "import { Controller, Get } from '@nestjs/common';\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() {}\n  @Get('deep')\n  deep() {}\n}\n";
  const admin = (extra: string) =>
    `import { Controller, Post } from '@nestjs/common';\n@Controller('users')\nexport class AdminUsersController {\n  @Post('ban')\n  ban() {}\n${extra}}\n`;
  const adminModule =
    "import { Module } from '@nestjs/common';\nimport { AdminUsersController } from './admin-users.controller';\n@Module({ controllers: [AdminUsersController] })\nexport class AdminModule {}\n";
  const appModule =
    "import { Module } from '@nestjs/common';\nimport { RouterModule } from '@nestjs/core';\nimport { AdminModule } from './admin/admin.module';\n@Module({ imports: [AdminModule, RouterModule.register([{ path: 'admin', module: AdminModule }])] })\nexport class AppModule {}\n";
  const tree = (prefix: string, catsExtra: string, adminExtra: string, healthFile = health) => ({
    'package.json': '{ "name": "api" }',
    'src/main.ts': main(prefix),
    'src/app.module.ts': appModule,
    'src/cats.controller.ts': cats(catsExtra),
    'src/health.controller.ts': healthFile,
    'src/admin/admin.module.ts': adminModule,
    'src/admin/admin-users.controller.ts': admin(adminExtra),
  });

  it('puts the global prefix, the URI version and RouterModule paths in the path, and leaves excluded routes out of the prefix', async () => {
    const findings = await endpointFindings(
      tree("'api'", '', '', health),
      tree(
        "'api'",
        "  @Delete(':id')\n  @Version('2')\n  remove() {}\n",
        "  @Post('unban')\n  unban() {}\n",
        health.replace("@Get('deep')\n  deep() {}", "@Get('deep')\n  deep() {}\n  @Get('ready')\n  ready() {}"),
      ),
    );
    expect(removedEndpoints(findings)).toEqual(['DELETE /api/v2/cats/:id', 'GET /health/ready', 'POST /api/admin/users/unban']);
  });

  it('reads a changed Nest service as serving nothing without parsing it for routes', async () => {
    const service = (greeting: string) =>
      `import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class GreetingService {\n  greet() {\n    return '${greeting}';\n  }\n}\n`;
    const dir = twoReleases(
      { ...tree("'api'", '', ''), 'src/greeting.service.ts': service('hello'), 'src/table.ts': table(0) },
      { ...tree("'api'", "  @Delete(':id')\n  remove() {}\n", ''), 'src/greeting.service.ts': service('hi'), 'src/table.ts': table(1) },
    );
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', analyzers: [endpointsAnalyzer] });
    expect(removedEndpoints(report.findings)).toEqual(['DELETE /api/v1/cats/:id']);
    // The engine's readers parse the changed scripts once per side (6 trees: the controller, the service, the
    // table), and the cache keeps none. The routes read the controller again at both sides (2), and the
    // bootstrap, the app module and the admin module, unchanged, once each (3): the service not at all.
    expect(report.stats.scriptsParsed).toBe(11);
  });

  it('shows the static part of a computed global prefix and says what is computed', async () => {
    const findings = await endpointFindings(
      tree("CONTEXT_PATH + 'v1'", '', ''),
      tree("CONTEXT_PATH + 'v1'", "  @Delete(':id')\n  remove() {}\n", ''),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.endpoint).toMatchObject({
      method: 'DELETE',
      path: '/v1/v1/cats/:id',
      prefixUnknown: ['global prefix set at src/main.ts:7 by a computed value `CONTEXT_PATH`'],
    });
  });
});

describe('a router a registrar hands on to another registrar', () => {
  const target = { ...registrarApp, 'src/init.ts': registrarInit(''), 'src/routes/users.ts': registrar('users') };
  const running = {
    ...registrarApp,
    'src/init.ts': registrarInit('  reportRoutes(managementRouter);\n'),
    'src/routes/users.ts': "import profileRoutes from './profile';\n" + registrar('users', '  profileRoutes(router);\n'),
    'src/routes/profile.ts':
      "import type { AppRouter } from './types';\n\nexport default function profileRoutes(...[router]: [AppRouter]) {\n  router.patch('/users/:id/profile', async (ctx, next) => next());\n}\n",
    'src/routes/reports.ts': registrar('reports'),
  };

  it('keeps the mount prefix of both, whichever is read first', async () => {
    // profile.ts is read before users.ts: its router is followed through users.ts's, which must not keep what was
    // left of that longer chain (it lost /api, and users.ts's unchanged routes were reported removed).
    const findings = await endpointFindings(target, running);
    expect(removedEndpoints(findings)).toEqual(['DELETE /api/reports/:id', 'GET /api/reports', 'PATCH /api/users/:id/profile']);
    expect(findings.every((f) => f.endpoint?.prefixUnknown === undefined)).toBe(true);
  });

  it('gives the same findings in a release larger than the tree cache, where a route file may be parsed again', async () => {
    const small = await endpointFindings(target, running);
    const large = await endpointFindings({ ...target, 'src/table.ts': table(0) }, { ...running, 'src/table.ts': table(1) });
    expect(large).toEqual(small);
  });

  it('parses an unchanged module of the mount chain once for both sides in a release larger than the tree cache', async () => {
    const dir = twoReleases({ ...target, 'src/table.ts': table(0) }, { ...running, 'src/table.ts': table(1) });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', analyzers: [endpointsAnalyzer] });
    expect(removedEndpoints(report.findings)).toEqual(['DELETE /api/reports/:id', 'GET /api/reports', 'PATCH /api/users/:id/profile']);
    // The engine's readers parse each changed script once per side (8 trees: init.ts, users.ts and table.ts at both
    // sides, profile.ts and reports.ts at `from`), and the cache keeps none. The routes read again: init.ts and
    // users.ts at both sides, profile.ts and reports.ts at `from` (6 trees), and tenant.ts, the unchanged app that
    // mounts init.ts's routers, whose text is the same at both sides (1 tree, not 2).
    expect(report.stats.scriptsParsed).toBe(15);
  });
});
