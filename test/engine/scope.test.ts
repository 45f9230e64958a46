import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { UsageError } from '../../src/util/errors.js';
import { FIXTURES, ROOT, buildRepo, cli, type FileMap } from '../support/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

// apps/api depends on packages/db; apps/web on nothing of the workspace. Tagged per app.
const releases = ['api@1.0.0', 'web@1.0.0', 'api@1.1.0', 'web@1.1.0'];
const monorepo = buildRepo(releases.map((tag, i) => ({ tree: join(FIXTURES, 'monorepo', `${i + 1}-${tag}`), tag })));

const paths = (report: { changes: { path: string }[] }) => report.changes.map((c) => c.path);

describe('--scope in a monorepo', () => {
  it('reports the changes under apps/api and the packages/db it depends on, none under apps/web, against the previous api tag', async () => {
    const report = await analyzeRollback({ repo: monorepo, from: 'api@1.1.0', scope: ['apps/api'] });
    expect(report.to.ref).toBe('api@1.0.0');
    expect(paths(report)).toEqual(['apps/api/src/server.ts', 'packages/db/migrations/002_order_total.sql', 'packages/db/src/index.ts']);
    expect(report.scope).toEqual({
      paths: ['apps/api'],
      joined: [{ path: 'packages/db', package: 'db', because: 'api depends on db (dependencies)' }],
      filesOutside: 2,
      tagPattern: 'api@*',
    });
    expect(report.notes).toContain('2 changed files outside the scope were not analysed');
    expect(report.volume).toMatchObject({ files: 3, commits: 1 });
    expect(report.findings.every((f) => !f.path.startsWith('apps/web/'))).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('yields a safe, empty report for a release that changed only the other app', async () => {
    const report = await analyzeRollback({ repo: monorepo, from: 'web@1.1.0', scope: ['apps/api'] });
    expect(report.to.ref).toBe('api@1.1.0');
    expect(report).toMatchObject({ verdict: 'safe', riskScore: 0, changes: [], findings: [], volume: { files: 0, commits: 0 } });
    expect(report.scope?.filesOutside).toBe(1);
    expect(report.notes).toContain('1 changed file outside the scope was not analysed');
  });

  it('takes the other app with its own tags, and nothing of the api', async () => {
    const report = await analyzeRollback({ repo: monorepo, from: 'web@1.1.0', scope: ['apps/web'] });
    expect(report.to.ref).toBe('web@1.0.0');
    expect(paths(report)).toEqual(['apps/web/src/footer.ts', 'apps/web/src/page.ts']);
    expect(report.scope?.joined).toEqual([]);
    expect(report.scope?.filesOutside).toBe(3);
  });

  it('shows the scope and the outside count in the text and Markdown reports', () => {
    const text = cli(['--repo', monorepo, '--from', 'api@1.1.0', '--scope', 'apps/api']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/rolling back api@1\.1\.0 \(\w+\) → api@1\.0\.0/);
    expect(text.stdout).toContain('  scope: apps/api + packages/db (api depends on db (dependencies)); release tags api@*\n');
    expect(text.stdout).toContain('  note: 2 changed files outside the scope were not analysed\n');
    expect(text.stdout).not.toContain('apps/web');
    const markdown = cli(['--repo', monorepo, '--from', 'api@1.1.0', '--scope', './apps/api/', '--format', 'markdown']).stdout;
    expect(markdown).toContain('Scope: apps/api + packages/db (api depends on db (dependencies)); release tags api@\\*');
  });

  it('takes scope and tagPattern from the config, and --scope wins over it', async () => {
    const config = { 'rollback-ready.config.yaml': 'scope: [apps/web]\ntagPattern: "web@*"\n' };
    const dir = buildRepo(
      releases
        .map((tag, i) => ({ tree: join(FIXTURES, 'monorepo', `${i + 1}-${tag}`), tag }))
        .map((r) => ({ ...r, tree: { ...treeOf(r.tree), ...config } })),
    );
    const fromConfig = await analyzeRollback({ repo: dir, from: 'web@1.1.0' });
    expect(fromConfig.scope?.paths).toEqual(['apps/web']);
    expect(fromConfig.to.ref).toBe('web@1.0.0');
    const flag = await analyzeRollback({ repo: dir, from: 'api@1.1.0', scope: ['apps/api'], tagPattern: 'api@*' });
    expect(flag.scope?.paths).toEqual(['apps/api']);
    expect(flag.to.ref).toBe('api@1.0.0');
  });

  it('accepts a workspace package name as the scope', async () => {
    const report = await analyzeRollback({ repo: monorepo, from: 'api@1.1.0', scope: ['api'] });
    expect(report.scope?.paths).toEqual(['apps/api']);
    expect(report.to.ref).toBe('api@1.0.0');
  });

  it('refuses a scope that is not in the release, with a suggestion', async () => {
    await expect(analyzeRollback({ repo: monorepo, from: 'api@1.1.0', scope: ['apps/apii'] })).rejects.toThrow(
      new UsageError('--scope apps/apii: no such path at api@1.1.0', 'did you mean apps/api?'),
    );
    await expect(analyzeRollback({ repo: monorepo, from: 'api@1.1.0', scope: ['../etc'] })).rejects.toThrow(
      /not a path inside the repository/,
    );
    const { code, stderr } = cli(['--repo', monorepo, '--from', 'api@1.1.0', '--scope', 'apps/apii']);
    expect(code).toBe(2);
    expect(stderr).toBe('rollback-ready: --scope apps/apii: no such path at api@1.1.0 — did you mean apps/api?\n');
  });
});

describe('workspace dependencies', () => {
  const pkg = (name: string, deps: Record<string, string> = {}, field = 'dependencies') => JSON.stringify({ name, [field]: deps });
  const tree = (change: string): FileMap => ({
    'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n  - 'libs/*'\n",
    'services/billing/package.json': pkg('@acme/billing', { '@acme/ledger': 'workspace:^' }),
    'services/billing/index.ts': 'export const b = 1;\n',
    'libs/ledger/package.json': pkg('@acme/ledger', { '@acme/money': 'workspace:*' }, 'peerDependencies'),
    'libs/money/package.json': pkg('@acme/money', { lodash: '^4' }),
    'libs/money/index.ts': `export const m = ${change};\n`,
    'libs/unused/package.json': pkg('@acme/unused'),
    'libs/unused/index.ts': `export const u = ${change};\n`,
  });

  it('join transitively (pnpm workspaces), with the reason, and bring their changes', async () => {
    const dir = buildRepo([
      { tree: tree('1'), tag: '@acme/billing@1.0.0' },
      { tree: tree('2'), tag: '@acme/billing@1.1.0' },
    ]);
    const report = await analyzeRollback({ repo: dir, from: '@acme/billing@1.1.0', scope: ['services/billing'] });
    expect(report.to.ref).toBe('@acme/billing@1.0.0');
    expect(report.scope?.joined).toEqual([
      { path: 'libs/ledger', package: '@acme/ledger', because: '@acme/billing depends on @acme/ledger (dependencies)' },
      { path: 'libs/money', package: '@acme/money', because: '@acme/ledger depends on @acme/money (peerDependencies)' },
    ]);
    expect(paths(report)).toEqual(['libs/money/index.ts']);
    expect(report.scope?.filesOutside).toBe(1);
  });
});

function treeOf(dir: string | FileMap): FileMap {
  if (typeof dir !== 'string') return dir;
  const out: FileMap = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}
