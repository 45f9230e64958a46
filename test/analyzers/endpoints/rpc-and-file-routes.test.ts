import { describe, expect, it } from 'vitest';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';

describe('tRPC procedures over HTTP', () => {
  const trpc =
    "import { initTRPC } from '@trpc/server';\nconst t = initTRPC.meta<{ openapi?: { method: string; path: string } }>().create();\nexport const router = t.router;\nexport const publicProcedure = t.procedure;\n";
  const users = (extra: string) => `import { publicProcedure, router } from '../trpc';
import { renameMeta } from './rename.types';
import { archive } from './archive';

export const usersRouter = router({
  byId: publicProcedure.query(() => ({})),
  archive,
${extra}});
`;
  const app =
    "import { router } from '../trpc';\nimport { usersRouter } from './users';\n\nexport const appRouter = router({\n  users: usersRouter,\n});\n";
  const handler =
    "import { fetchRequestHandler } from '@trpc/server/adapters/fetch';\nimport { appRouter } from '@/server/routers';\n\nconst handler = (req: Request) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({}) });\nexport { handler as GET, handler as POST };\n";
  const openapi =
    "import { createOpenApiFetchHandler } from 'trpc-to-openapi';\nimport { appRouter } from '@/server/routers';\nimport { API_V1 } from '@/constants';\n\nconst handler = (req: Request) => createOpenApiFetchHandler({ endpoint: API_V1, router: appRouter, req });\nexport { handler as GET, handler as POST };\n";
  const tree = (
    extra: string,
    archive = "import { publicProcedure } from '../trpc';\nexport const archive = publicProcedure.meta({ openapi: { method: 'POST', path: '/users/archive' } }).mutation(() => true);\n",
  ) => ({
    'package.json': '{ "name": "web", "dependencies": { "@trpc/server": "^11.0.0", "next": "^15.0.0" } }',
    'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
    'src/constants.ts': "export const API_V1 = '/api/v1';\n",
    'src/server/trpc.ts': trpc,
    'src/server/routers/index.ts': app,
    'src/server/routers/users.ts': users(extra),
    'src/server/routers/archive.ts': archive,
    'src/server/routers/rename.types.ts': "export const renameMeta = { openapi: { method: 'POST', path: '/users/{id}/rename' } };\n",
    'src/app/api/trpc/[trpc]/route.ts': handler,
    'src/app/api/v1/[...openapi]/route.ts': openapi,
  });

  it('serves a procedure at its handler endpoint plus its key path, and one with OpenAPI meta at its REST path too', async () => {
    const findings = await endpointFindings(tree(''), tree('  rename: publicProcedure.meta(renameMeta).mutation(() => ({})),\n'));
    expect(removedEndpoints(findings)).toEqual(['POST /api/trpc/users.rename', 'POST /api/v1/users/{id}/rename']);
    expect(findings.find((f) => f.ruleId === 'procedure-removed')).toMatchObject({
      severity: 'low',
      message:
        'tRPC mutation users.rename (POST /api/trpc/users.rename) is no longer served after the rollback: pages of the running release still open fail when they call it',
      endpoint: { source: 'trpc', procedure: 'users.rename' },
    });
    // The REST operation is a public API endpoint: removed as any other.
    expect(findings.find((f) => f.ruleId === 'endpoint-removed')).toMatchObject({
      severity: 'high',
      endpoint: { source: 'trpc-openapi', procedure: 'users.rename', path: '/api/v1/users/{id}/rename' },
    });
  });

  it('reads an imported procedure only where the two sides differ, and finds its REST path removed', async () => {
    const findings = await endpointFindings(
      tree('', "import { publicProcedure } from '../trpc';\nexport const archive = publicProcedure.mutation(() => true);\n"),
      tree(''),
    );
    expect(removedEndpoints(findings)).toEqual(['POST /api/v1/users/archive']);
  });

  it('counts tRPC procedures as removed endpoints when the team says other applications call them', async () => {
    const findings = await endpointFindings(tree(''), tree('  purge: publicProcedure.mutation(() => true),\n'), {
      rules: { 'procedure-removed': 'high' },
    });
    expect(findings).toMatchObject([
      { ruleId: 'procedure-removed', severity: 'high', endpoint: { method: 'POST', path: '/api/trpc/users.purge' } },
    ]);
  });
});

describe('Remix and React Router resource routes', () => {
  const orgs = (action: string) => `import { json } from '@remix-run/server-runtime';
import { createActionApiRoute } from '~/services/apiBuilder.server';

export async function loader({ params }: { params: { orgId: string } }) {
  return json({ id: params.orgId });
}
${action}`;
  const tree = (extra: Record<string, string>) => ({
    'apps/web/package.json': '{ "name": "web", "dependencies": { "@remix-run/node": "^2.0.0" } }',
    'apps/web/app/routes/api.v1.orgs.$orgId.ts': orgs(''),
    'apps/web/app/routes/_app.settings.tsx':
      'export async function loader() { return null; }\nexport default function Settings() { return null; }\n',
    ...extra,
  });

  it('reads loaders as GET and actions by the methods they check or are built for; pages with a component are not endpoints', async () => {
    const findings = await endpointFindings(
      tree({}),
      tree({
        'apps/web/app/routes/api.v1.orgs.$orgId.ts': orgs(
          "\nexport const action = createActionApiRoute({ method: ['PATCH', 'DELETE'] }, async () => json({}));\n",
        ),
        'apps/web/app/routes/api.v1.orgs.$orgId.members.$memberId/route.ts':
          "export async function action({ request }: { request: Request }) {\n  if (request.method.toUpperCase() !== 'DELETE') return new Response(null, { status: 405 });\n  return new Response(null, { status: 204 });\n}\n",
        'apps/web/app/routes/_app.billing.tsx':
          'export async function action() { return null; }\nexport default function Billing() { return null; }\n',
      }),
    );
    expect(removedEndpoints(findings)).toEqual([
      'DELETE /api/v1/orgs/:orgId',
      'DELETE /api/v1/orgs/:orgId/members/:memberId',
      'PATCH /api/v1/orgs/:orgId',
    ]);
    expect(findings.every((f) => f.endpoint!.source === 'remix')).toBe(true);
  });
});

describe('GraphQL schemas written in code', () => {
  const resolver = (extra: string) => `import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MockServer } from './mock-server.model';

@Resolver(() => MockServer)
export class MockServerResolver {
  @Query(() => [MockServer], { name: 'myMockServers' })
  mine() {
    return [];
  }
${extra}}
`;
  const model = (extra: string) =>
    `import { Field, ID, ObjectType } from '@nestjs/graphql';\n\n@ObjectType()\nexport class MockServer {\n  @Field(() => ID)\n  id: string;\n${extra}}\n`;

  it('reports the operations and fields the rollback removes, as the schema names them', async () => {
    const { twoReleases } = await import('../../support/repo.js');
    const { analyzeRollback } = await import('../../../src/engine/analyze.js');
    const { endpointsAnalyzer } = await import('../../../src/analyzers/endpoints/analyzer.js');
    const repo = twoReleases(
      { 'src/mock-server.resolver.ts': resolver(''), 'src/mock-server.model.ts': model('') },
      {
        'src/mock-server.resolver.ts': resolver(
          "\n  @Mutation(() => Boolean)\n  deleteMockServer(@Args({ name: 'id' }) id: string) {\n    return true;\n  }\n\n  @ResolveField(() => String)\n  creator(@Parent() server: MockServer) {\n    return server.id;\n  }\n",
        ),
        'src/mock-server.model.ts': model("\n  @Field({ name: 'isActive' })\n  active: boolean;\n"),
        'src/mock-server-log.model.ts':
          "import { Field, ObjectType } from '@nestjs/graphql';\n\n@ObjectType()\nexport class MockServerLog {\n  @Field()\n  path: string;\n\n  @Field()\n  status: number;\n}\n",
      },
    );
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1', config: {}, analyzers: [endpointsAnalyzer] });
    // A type the target lacks is one finding, its fields with it.
    expect(report.findings.filter((f) => f.ruleId === 'graphql-schema-narrowed').map((f) => [f.severity, f.message])).toEqual([
      ['high', 'MockServerLog in src/mock-server-log.model.ts: type MockServerLog removed by the rollback'],
      ['high', 'MockServer.isActive in src/mock-server.model.ts: field MockServer.isActive removed by the rollback'],
      ['high', 'Mutation.deleteMockServer in src/mock-server.resolver.ts: mutation deleteMockServer removed by the rollback'],
      ['high', 'MockServer.creator in src/mock-server.resolver.ts: field MockServer.creator removed by the rollback'],
    ]);
  });
});
