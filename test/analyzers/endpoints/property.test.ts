// The extractors read untrusted code and specs: whatever they are given, they return and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/analyzers/endpoints/openapi/load.js';
import { collisionsOf, operationsOf } from '../../../src/analyzers/endpoints/openapi/operations.js';
import { narrowing } from '../../../src/analyzers/endpoints/openapi/narrowing.js';
import { CodeReader } from '../../../src/analyzers/endpoints/routes/code-context.js';
import { SideReader } from '../../../src/analyzers/endpoints/routes/index.js';
import { memoryRelease } from '../../support/endpoints.js';

const segment = fc.oneof(
  fc.constantFrom(':id', '{id}', '[id]', '[...all]', '*', '', '..', '(g)', '@x', '%7B'),
  fc.string({ maxLength: 6 }),
);
const path = fc.array(segment, { maxLength: 4 }).map((s) => s.join('/'));
const receiver = fc.constantFrom('app', 'router', 'fastify', 'r', 'this.app', 'api.v1');
const method = fc.constantFrom('get', 'post', 'all', 'use', 'route', 'register', 'on', 'prefix', 'basePath', 'delete', 'query', 'mutation');
const argument = fc.oneof(
  path.map((p) => JSON.stringify(p)),
  path.map((p) => `\`\${base}${p}\``),
  fc.constantFrom(
    'router',
    'users',
    '{ prefix: "/p" }',
    '{ method: ["GET"], url: "/u" }',
    '(f) => { f.get("/x", h) }',
    'h',
    '...xs',
    'undefined',
    '1',
  ),
);
const statement = fc.oneof(
  fc.tuple(receiver, method, fc.array(argument, { maxLength: 3 })).map(([r, m, args]) => `${r}.${m}(${args.join(', ')});`),
  fc.constantFrom(
    "import express, { Router } from 'express';",
    "import Fastify from 'fastify';",
    "import Router from '@koa/router';",
    "import { Hono } from 'hono';",
    "import { Controller, Get } from '@nestjs/common';",
    "import { initTRPC } from '@trpc/server';",
    "import users from './users';",
    'const app = express();',
    'const router = Router();',
    'const r = new Router({ prefix: base });',
    "const api = new Hono().basePath('/api');",
    'const t = initTRPC.create(); export const appRouter = t.router({ a: t.procedure.query(() => 1), b: t.router({ c: t.procedure.mutation(() => 2) }) });',
    "@Controller('x') class C { @Get(':id') one() {} @Get(dyn) two() {} }",
    'export default router;',
    'module.exports = app;',
    'if (req.method === "GET") {}',
    '{ ( ] broken',
  ),
);
const script = fc.array(statement, { maxLength: 12 }).map((s) => s.join('\n'));

describe('route extraction on arbitrary code', () => {
  it('always returns endpoints and unresolved routes, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        script,
        script,
        fc.constantFrom('src/app.ts', 'app/api/[id]/route.ts', 'pages/api/x.ts', 'src/main.ts'),
        async (main, users, file) => {
          const release = memoryRelease({ [file]: main, 'src/users.ts': users, 'src/main.ts': main });
          const reader = new CodeReader(release);
          // A throw fails the property; what comes back must be well formed.
          const result = await new SideReader(reader, 'from').endpoints(file, (await release.tree('from', file))!.morph()!);
          for (const e of result.endpoints) expect(e.path.startsWith('/')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

const leaf = fc.constantFrom<unknown>(null, 'x', 3, [], { $ref: '#/nowhere' }, { type: 'string', enum: ['a', 'b'] });
/** Schemas nested at most `depth` levels: objects, arrays, allOf, enums and junk. */
function schemaAt(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return leaf;
  const inner = schemaAt(depth - 1);
  return fc.oneof(
    leaf,
    fc.record(
      {
        type: fc.constantFrom('object', 'string', 'array', 7),
        properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), inner, { maxKeys: 3 }),
        required: fc.oneof(fc.array(fc.constantFrom('a', 'b', 'c', 'z'), { maxLength: 3 }), fc.constant('a')),
        enum: fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
        items: inner,
        allOf: fc.array(inner, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  );
}
const schema = schemaAt(3);

const operation = fc.record(
  {
    deprecated: fc.boolean(),
    parameters: fc.oneof(
      fc.array(
        fc.record(
          {
            name: fc.constantFrom('id', 'q', 'limit'),
            in: fc.constantFrom('path', 'query', 'header', 'body'),
            required: fc.boolean(),
            schema,
            enum: fc.array(fc.string(), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.constant('nope'),
    ),
    requestBody: fc.record(
      { required: fc.boolean(), content: fc.dictionary(fc.constantFrom('application/json', 'text/plain'), fc.record({ schema })) },
      { requiredKeys: [] },
    ),
    responses: fc.dictionary(
      fc.constantFrom('200', '404', 'default'),
      fc.record({ schema, content: fc.dictionary(fc.constantFrom('application/json'), fc.record({ schema })) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);
const spec = fc.record(
  {
    openapi: fc.constantFrom('3.0.0', '3.1.0'),
    swagger: fc.constantFrom('2.0'),
    basePath: fc.oneof(path, fc.constant(5)),
    servers: fc.array(fc.record({ url: fc.oneof(path, fc.constant('https://h/{v}/api'), fc.constant(7)) }), { maxLength: 2 }),
    paths: fc.dictionary(
      path,
      fc.dictionary(fc.constantFrom('get', 'post', 'parameters', 'servers', 'x-foo'), fc.oneof(operation, fc.constant(null))),
      { maxKeys: 5 },
    ),
    webhooks: fc.dictionary(fc.string({ maxLength: 4 }), fc.dictionary(fc.constantFrom('post', 'get'), operation), { maxKeys: 2 }),
  },
  { requiredKeys: ['openapi'] },
);

describe('the OpenAPI differ on arbitrary specs', () => {
  it('lists operations and their narrowing, never throws', () => {
    fc.assert(
      fc.property(spec, spec, (a, b) => {
        const load = (doc: unknown) => ({
          path: 'openapi.yaml',
          side: 'from' as const,
          doc: doc as Record<string, unknown>,
          lineOf: () => undefined,
          unresolved: [],
          parts: [],
        });
        const before = operationsOf(load(a));
        const after = operationsOf(load(b));
        collisionsOf(before);
        for (const x of before) for (const y of after) expect(() => narrowing(x, y)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it('loads arbitrary YAML text and self-referencing specs without throwing', async () => {
    const cyclic =
      "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200': { content: { application/json: { schema: { $ref: '#/components/schemas/N' } } } }\ncomponents:\n  schemas:\n    N: { type: object, properties: { next: { $ref: '#/components/schemas/N' } } }\n";
    const loaded = await loadSpec(memoryRelease({ 'openapi.yaml': cyclic }), 'from', 'openapi.yaml');
    expect('spec' in loaded && operationsOf(loaded.spec).length).toBe(1);
    if ('spec' in loaded)
      expect(narrowing(operationsOf(loaded.spec)[0]!, operationsOf(loaded.spec)[0]!)).toEqual({ changes: [], beyond: [] });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          spec.map((s) => JSON.stringify(s)),
        ),
        async (text) => {
          const result = await loadSpec(memoryRelease({ 'openapi.yaml': text }), 'from', 'openapi.yaml');
          // Exactly one outcome: a spec, a failure to report, or not a spec at all.
          expect(['spec', 'failed', 'notSpec'].filter((outcome) => outcome in result)).toHaveLength(1);
        },
      ),
      { numRuns: 80 },
    );
  });
});
