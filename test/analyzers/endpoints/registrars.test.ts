// Routers handed from registrar to registrar (a route module passing its router on to another), in a small release
// and in one too large for the parsed-script cache to keep its trees, where a route file may be parsed again: the
// prefixes found must depend neither on which router is asked about first nor on which parse of a file a step got.
import { describe, expect, it } from 'vitest';
import { TREE_CACHE_TEXT } from '../../../src/engine/trees.js';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';

const init = (extra: string) => `import Koa from 'koa';
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

const routes = (name: string, extra = '') => `import type { AppRouter } from './types';

const pathPrefix = '/${name}';

export default function ${name}Routes(...[router]: [AppRouter]) {
  router.get(pathPrefix, async (ctx, next) => next());
  router.delete(\`\${pathPrefix}/:id\`, async (ctx, next) => next());
${extra}}
`;

const tenant =
  "import Koa from 'koa';\nimport mount from 'koa-mount';\nimport initApis from '#src/init.js';\n\nexport class Tenant {\n  readonly app = new Koa();\n  constructor() {\n    const app = new Koa();\n    app.use(mount('/api', initApis()));\n    this.app = app;\n  }\n}\n";

const shared = {
  'package.json': '{ "name": "core", "imports": { "#src/*": "./build/*" } }',
  'tsconfig.json': '{ "compilerOptions": { "outDir": "build", "rootDir": "src" } }',
  'src/tenant.ts': tenant,
  'src/routes/types.ts': "import type Router from 'koa-router';\nexport type AppRouter = Router;\n",
};

/** A generated module larger than the cache's bound, changed between the releases. */
const table = (n: number) => `export const table = [${Array.from({ length: TREE_CACHE_TEXT / 8 }, (_, i) => i + n).join(', ')}];\n`;

describe('a router a registrar hands on to another registrar', () => {
  const target = { ...shared, 'src/init.ts': init(''), 'src/routes/users.ts': routes('users') };
  const running = {
    ...shared,
    'src/init.ts': init('  reportRoutes(managementRouter);\n'),
    'src/routes/users.ts': "import profileRoutes from './profile';\n" + routes('users', '  profileRoutes(router);\n'),
    'src/routes/profile.ts':
      "import type { AppRouter } from './types';\n\nexport default function profileRoutes(...[router]: [AppRouter]) {\n  router.patch('/users/:id/profile', async (ctx, next) => next());\n}\n",
    'src/routes/reports.ts': routes('reports'),
  };

  it('keeps the mount prefix of both, whichever is read first', async () => {
    // profile.ts is read before users.ts: its router is followed through users.ts's, which must not keep what was
    // left of that longer chain (it lost /api, and users.ts's unchanged routes were reported removed).
    const findings = await endpointFindings(target, running);
    expect(removedEndpoints(findings)).toEqual(['DELETE /api/reports/:id', 'GET /api/reports', 'PATCH /api/users/:id/profile']);
    expect(findings.every((f) => f.endpoint?.prefixUnknown === undefined)).toBe(true);
  });

  it('gives the same findings in a release larger than the tree cache', async () => {
    const small = await endpointFindings(target, running);
    const large = await endpointFindings({ ...target, 'src/table.ts': table(0) }, { ...running, 'src/table.ts': table(1) });
    expect(large).toEqual(small);
  });
});
