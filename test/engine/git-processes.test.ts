// The git processes of an analysis do not grow with the repository: each side's tree is listed once and every
// later lookup (a folder, a path, the files under a folder) is answered from memory.
import { describe, expect, it } from 'vitest';
import { countGitProcesses } from '../../src/testing/git-count.js';
import { cli, twoReleases, type FileMap } from '../support/repo.js';

const FOLDERS = 100;

/** A service folder: express routes, golang-migrate migrations, an OpenAPI spec with a fragment, a Helm chart. */
function service(i: number, release: 'v1' | 'v2'): FileMap {
  const dir = `services/s${i}`;
  const routes = [
    "import express from 'express';",
    "import { load } from './model';",
    'export const router = express.Router();',
    `router.get('/api/s${i}/items', (req, res) => res.json(load(${release === 'v1' ? `process.env.S${i}_LIMIT` : ''})));`,
    ...(release === 'v2' ? [`router.post('/api/s${i}/items', (req, res) => res.json({}));`] : []),
    '',
  ].join('\n');
  const tree: FileMap = {
    [`${dir}/routes.ts`]: routes,
    [`${dir}/model.ts`]: `export interface Item { id: number${release === 'v2' ? '; label?: string' : ''} }\nexport function load(limit?: string): Item[] { return limit ? [] : []; }\n`,
    [`${dir}/migrations/0001_init.up.sql`]: `CREATE TABLE s${i}_items (id int primary key);\n`,
    [`${dir}/migrations/0001_init.down.sql`]: `DROP TABLE s${i}_items;\n`,
    [`${dir}/api/openapi.yaml`]: `openapi: 3.0.0\ninfo: { title: s${i}, version: '1' }\npaths:\n  /api/s${i}/items:\n    $ref: './paths/items.yaml'\n`,
    [`${dir}/api/paths/items.yaml`]: `get:\n  responses:\n    '200': { description: ok }\n${release === 'v2' ? "post:\n  responses:\n    '200': { description: ok }\n" : ''}`,
    [`${dir}/deploy/Chart.yaml`]: `apiVersion: v2\nname: s${i}\nversion: 1.0.0\n`,
    [`${dir}/deploy/values.yaml`]: `replicas: ${release === 'v2' ? 3 : 2}\n`,
  };
  if (release === 'v2') {
    tree[`${dir}/migrations/0002_label.up.sql`] = `ALTER TABLE s${i}_items ADD COLUMN label text NOT NULL;\n`;
    tree[`${dir}/migrations/0002_label.down.sql`] = `ALTER TABLE s${i}_items DROP COLUMN label;\n`;
  }
  return tree;
}

/** A Nest application (its bootstrap looked up by `NestFactory`) and a tRPC router served by a Next.js adapter. */
function apps(release: 'v1' | 'v2'): FileMap {
  return {
    'apps/nest/src/main.ts': [
      "import { NestFactory } from '@nestjs/core';",
      "import { AppModule } from './app.module';",
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      "  app.setGlobalPrefix('api');",
      '  await app.listen(3000);',
      '}',
      'bootstrap();',
      '',
    ].join('\n'),
    'apps/nest/src/cats.controller.ts': [
      "import { Controller, Delete, Get, Param } from '@nestjs/common';",
      "@Controller('cats')",
      'export class CatsController {',
      '  @Get()',
      '  findAll() { return []; }',
      ...(release === 'v2' ? ["  @Delete(':id')", "  remove(@Param('id') id: string) { return { id }; }"] : []),
      '}',
      '',
    ].join('\n'),
    'apps/web/src/server/router.ts': [
      "import { initTRPC } from '@trpc/server';",
      'const t = initTRPC.create();',
      'export const appRouter = t.router({',
      "  health: t.procedure.query(() => 'ok'),",
      ...(release === 'v2' ? ['  purge: t.procedure.mutation(() => true),'] : []),
      '});',
      '',
    ].join('\n'),
    'apps/web/src/pages/api/trpc/[trpc].ts': [
      "import { createNextApiHandler } from '@trpc/server/adapters/next';",
      "import { appRouter } from '../../../server/router';",
      'export default createNextApiHandler({ router: appRouter });',
      '',
    ].join('\n'),
  };
}

function release(name: 'v1' | 'v2'): FileMap {
  const tree: FileMap = {
    'package.json': JSON.stringify({ name: 'services', private: true, workspaces: ['services/*'] }),
    'src/index.ts': "export * from '../services/s0/model';\n",
    ...apps(name),
  };
  for (let i = 0; i < FOLDERS; i++) Object.assign(tree, service(i, name));
  return tree;
}

describe('git processes of an analysis', () => {
  it('stay at 10 or fewer on a release that touches 100 folders of routes, migrations and specs', () => {
    const repo = twoReleases(release('v1'), release('v2'));
    const counter = countGitProcesses();
    try {
      const result = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json'], { env: counter.env });
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout) as { volume: { files: number }; findings: { ruleId: string; path?: string }[] };
      // The analysis did look into every folder: routes removed, migrations left applied, specs narrowed; and
      // into the Nest controller and the tRPC router.
      expect(report.volume.files).toBe(FOLDERS * 6 + 2);
      const removedIn = new Set(report.findings.filter((f) => f.ruleId === 'endpoint-removed').map((f) => f.path));
      expect(removedIn).toContain('apps/nest/src/cats.controller.ts');
      expect(report.findings).toContainEqual(
        expect.objectContaining({ ruleId: 'procedure-removed', path: 'apps/web/src/server/router.ts' }),
      );
      const rules = new Set(report.findings.map((f) => f.ruleId));
      expect([...rules]).toEqual(
        expect.arrayContaining([
          'endpoint-removed',
          'add-not-null-column',
          'down-migration-drops-data',
          'env-var-needed',
          'infrastructure-changed',
          'internal-changes',
        ]),
      );
      const { total, byCommand } = counter.count();
      expect(byCommand['ls-tree']).toBe(2);
      // One `git diff` for the statuses and the line counts.
      expect(byCommand.diff).toBe(1);
      // The endpoints analyzer's questions over whole trees (importers of a route file, Nest bootstraps, tRPC
      // adapters, a spec's operations in the target's code): one `git grep` for the whole release, however many
      // folders and questions; the questions it cannot know in advance are answered in memory.
      expect(byCommand.grep ?? 0).toBeLessThanOrEqual(1);
      expect(total).toBeLessThanOrEqual(10);
    } finally {
      counter.close();
    }
  });
});
