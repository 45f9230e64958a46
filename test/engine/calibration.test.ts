// What went wrong on real releases, reproduced on small repositories written for the purpose: each case is a
// pair of releases (v1 = the rollback target, v2 = the release running now), analysed end to end.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Report } from '../../src/model/report.js';
import { buildRepo, twoReleases, type FileMap } from '../support/repo.js';

const analyse = (to: FileMap, from: FileMap, scope?: string[]): Promise<Report> =>
  analyzeRollback({ repo: twoReleases(to, from), from: 'v2', to: 'v1', ...(scope ? { scope } : {}) });
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const ids = (report: Report, min: 'medium' | 'high' = 'medium') =>
  report.findings
    .filter((f) => !f.suppressed && (f.severity === 'critical' || f.severity === 'high' || (min === 'medium' && f.severity === 'medium')))
    .map((f) => f.ruleId);

describe('contracts by audience', () => {
  const app = (send: string): FileMap => ({
    'package.json': json({ name: 'web', version: '4.12.2', private: true, main: 'src/index.ts' }),
    'src/index.ts': "export { send } from './lib/send';\n",
    'src/lib/send.ts': send,
    'src/page.ts': "import { send } from './lib/send';\nexport const onClick = () => send('hi');\n",
  });

  it('an app whose internal exports change: not blocked, no contract points, the changes counted in one line', async () => {
    const report = await analyse(
      app('export function send(text: string, retries: number): void {}\nexport const LIMIT = 3;\n'),
      app('export function send(text: string, retries = 0): void {}\nexport interface Options { quiet: boolean }\n'),
    );
    expect(report.verdict).toBe('safe');
    expect(report.scoreBreakdown.map((l) => l.category)).not.toContain('contract-change');
    expect(report.findings.filter((f) => f.category === 'contract-change')).toEqual([]);
    // send's retries became required again, and Options goes: both would break a consumer that did not roll back.
    expect(report.internalChanges).toMatchObject({ changes: 2, removed: 1, narrowed: 1 });
    expect(report.findings.filter((f) => f.ruleId === 'internal-changes').map((f) => f.message)).toEqual([
      '2 internal API changes in 1 module roll back together with the code that uses them',
    ]);
  });

  // A published SDK whose package.json points into dist/cjs and dist/types, built from src/.
  const sdk = (client: string): FileMap => ({
    'package.json': json({ name: 'acme', private: true, workspaces: ['packages/*'] }),
    'packages/sdk/package.json': json({ name: '@acme/sdk', version: '2.1.0', main: 'dist/cjs/index.js', types: 'dist/types/index.d.ts' }),
    'packages/sdk/src/index.ts': "export * from './client';\nexport { default as logo } from './logo.png';\n",
    'packages/sdk/src/client.ts': client,
    'packages/sdk/src/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  });

  it('a published package whose export is removed: blocked, found through its dist/ entry points', async () => {
    const report = await analyse(
      sdk('export function identify(id: string): void {}\n'),
      sdk('export function identify(id: string): void {}\nexport function track(event: string): void {}\n'),
    );
    expect(report.verdict).toBe('blocked');
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['export-removed', 'high', 'track, exported by @acme/sdk, is removed by the rollback'],
    ]);
  });

  it('an asset re-exported by an unchanged module is no export the rollback removes', async () => {
    const report = await analyse(sdk('export const version = 1;\n'), {
      ...sdk('export const version = 1;\n'),
      'packages/sdk/package.json': json({ name: '@acme/sdk', version: '2.1.1', main: 'dist/cjs/index.js', types: 'dist/types/index.d.ts' }),
    });
    expect(report.findings.filter((f) => f.category === 'contract-change')).toEqual([]);
    expect(report.verdict).toBe('safe');
  });

  // A shared package that re-exports, three levels deep through folder barrels, enums of a changed sibling.
  const siblings = (errors: string): FileMap => ({
    'package.json': json({ name: 'acme', private: true, workspaces: ['packages/*'] }),
    'packages/utils/package.json': json({ name: '@acme/utils', version: '1.11.11', main: 'dist/index.js', types: 'dist/index.d.ts' }),
    'packages/utils/src/index.ts': "export * from './common';\nexport * from './flow';\n",
    'packages/utils/src/common/index.ts': "export * from './errors';\n",
    'packages/utils/src/common/errors.ts': errors,
    'packages/utils/src/flow/index.ts': "export * from './states';\n",
    'packages/utils/src/flow/states.ts': "export enum FlowState { NOT_STARTED = 'not_started', DONE = 'done' }\n",
    'packages/flow/package.json': json({
      name: '@acme/flow',
      version: '0.5.8',
      main: 'dist/index.js',
      dependencies: { '@acme/utils': '^1.11.11' },
    }),
    'packages/flow/src/index.ts': "export { FlowState } from '@acme/utils';\nexport const run = () => 1;\n",
  });

  it('a sibling package that re-exports from a changed one loses nothing it did not lose', async () => {
    const report = await analyse(
      siblings('export class AppError extends Error {}\n'),
      siblings('export class AppError extends Error {\n  static isAppError(e: unknown): boolean { return e instanceof AppError; }\n}\n'),
    );
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'AppError.isAppError, exported by @acme/utils: member isAppError removed in the rollback',
    ]);
  });

  // A private workspace package that two deployables import.
  const shared = (user: string): FileMap => ({
    'package.json': json({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'packages/db/package.json': json({ name: '@acme/db', private: true, main: 'src/index.ts' }),
    'packages/db/src/index.ts': user,
    'apps/api/package.json': json({ name: 'api', private: true, dependencies: { '@acme/db': 'workspace:*' } }),
    'apps/api/src/main.ts': "import { findUser } from '@acme/db';\nexport const main = () => findUser('1');\n",
    'apps/worker/package.json': json({ name: 'worker', private: true, dependencies: { '@acme/db': 'workspace:*' } }),
    'apps/worker/src/main.ts': "import { findUser } from '@acme/db';\nexport const main = () => findUser('2');\n",
  });
  const users = [
    'export function findUser(id: string): object { return {}; }\n',
    'export function findUser(id: string, withRoles = false): object { return {}; }\nexport function listUsers(): object[] { return []; }\n',
  ] as const;

  it('a private workspace package rolls back with the whole repository that imports it', async () => {
    const report = await analyse(shared(users[0]), shared(users[1]));
    expect(report.findings.filter((f) => f.category === 'contract-change')).toEqual([]);
    expect(report.internalChanges.changes).toBe(2);
  });

  it('but is a contract when a deployable outside the analysed scope imports it', async () => {
    const report = await analyse(shared(users[0]), shared(users[1]), ['apps/api']);
    expect(report.verdict).toBe('blocked');
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'findUser, exported by @acme/db (used by apps/worker, outside the scope): parameter withRoles removed in the rollback',
      'listUsers, exported by @acme/db (used by apps/worker, outside the scope), is removed by the rollback',
    ]);
  });

  // A published package with no exports map: consumers import its modules by path.
  const deep = (format: string): FileMap => ({
    'package.json': json({ name: 'acme', private: true, workspaces: ['packages/*', 'apps/*'] }),
    'packages/lib/package.json': json({ name: '@acme/lib', version: '3.0.0', main: 'lib/index.js' }),
    'packages/lib/src/index.ts': 'export const version = 3;\n',
    'packages/lib/src/utils/format.ts': format,
    'apps/site/package.json': json({ name: 'site', private: true, dependencies: { '@acme/lib': '^3.0.0' } }),
    'apps/site/src/page.ts': "import { money } from '@acme/lib/lib/utils/format';\nexport const price = money(3);\n",
  });

  it('a package without an exports map: the modules consumers import by path are entries too', async () => {
    const report = await analyse(
      deep('export const money = (n: number) => `${n} €`;\n'),
      deep('export const money = (n: number, currency = "EUR") => `${n} ${currency}`;\nexport const percent = (n: number) => `${n} %`;\n'),
    );
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'money, exported by @acme/lib/lib/utils/format: parameter currency removed in the rollback',
      'percent, exported by @acme/lib/lib/utils/format, is removed by the rollback',
    ]);
  });
});

describe('harmless kinds', () => {
  const locales = (greeting: string, count: number, broken = false): FileMap =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `public/locales/l${String(i).padStart(2, '0')}/app.json`,
        broken ? `{ "hello": "${greeting}" ` : json({ hello: `${greeting} ${i}` }),
      ]),
    );

  it('60 changed translation files are read and classified, not 60 unread files', async () => {
    const report = await analyse(
      { ...locales('Hello', 60), 'src/a.ts': 'export const a = 1;\n' },
      { ...locales('Hi', 60), 'src/a.ts': 'export const a = 1;\n' },
    );
    expect(report.verdict).toBe('safe');
    expect(report.riskScore).toBe(0);
    expect(report.changes.every((c) => c.categories.join() === 'translations')).toBe(true);
    expect(report.volume).toMatchObject({ files: 60, filesRead: 0, insertions: 0, deletions: 0 });
    expect(report.volume.excluded).toEqual([
      { kind: 'translation', files: 60, insertions: 60, deletions: 60, paths: expect.arrayContaining(['public/locales/l00/app.json']) },
    ]);
  });

  it('60 translation files that do not parse are one manual item and one concern, not blocked', async () => {
    const report = await analyse(locales('Hello', 60), locales('Hi', 60, true));
    expect(report.verdict).toBe('caution');
    expect(report.checklist.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([['review', 'manual']]);
    // 60 low findings of one rule: 100 × (1 − 0.97^(1 + log₂ 60)) = 19, not 60 × 3.
    expect(report.riskScore).toBe(19);
    expect(report.scoreBreakdown).toHaveLength(1);
  });

  it('a version-only bump of non-npm manifests (Cargo.toml, tauri.conf.json, pubspec.yaml) and a version constant is safe', async () => {
    const tree = (v: string): FileMap => ({
      'desktop/Cargo.toml': `[package]\nname = "desktop"\nversion = "${v}"\nedition = "2021"\n\n[dependencies]\nserde = "1.0.200"\n`,
      'desktop/tauri.conf.json': json({ productName: 'Desktop', version: v, identifier: 'dev.example.desktop' }),
      'mobile/pubspec.yaml': `name: mobile\nversion: ${v}+12\nenvironment:\n  sdk: ">=3.0.0 <4.0.0"\n`,
      'server/version.go': `package server\n\nconst Version = "${v}"\n`,
      'lerna.json': json({ version: v, npmClient: 'pnpm' }),
    });
    const report = await analyse(tree('26.3.0'), tree('26.3.1'));
    expect(report.verdict).toBe('safe');
    expect(report.changes.map((c) => [c.path, c.categories.join()])).toEqual([
      ['desktop/Cargo.toml', 'version-bump'],
      ['desktop/tauri.conf.json', 'version-bump'],
      ['lerna.json', 'version-bump'],
      ['mobile/pubspec.yaml', 'version-bump'],
      ['server/version.go', 'version-bump'],
    ]);
  });

  it('a dependency moved in Cargo.toml is no version bump: it stays for a person to read', async () => {
    const tree = (serde: string): FileMap => ({
      'desktop/Cargo.toml': `[package]\nname = "desktop"\nversion = "1.0.0"\n\n[dependencies]\nserde = "${serde}"\n`,
    });
    const report = await analyse(tree('1.0.100'), tree('1.0.200'));
    expect(report.changes[0]!.categories).toEqual(['unclassified']);
    expect(report.verdict).toBe('caution');
  });

  it("the tool's own config file is configuration, not an unread file", async () => {
    // The release makes it stricter (a release that loosens its own config is config-weakened's business).
    const report = await analyse(
      { 'rollback-ready.config.yaml': 'ignore: ["docs/**"]\n' },
      { 'rollback-ready.config.yaml': 'ignore: []\n' },
    );
    expect(report.changes).toEqual([{ path: 'rollback-ready.config.yaml', status: 'modified', categories: ['config-change'] }]);
    expect(report.verdict).toBe('safe');
  });
});

describe('volume', () => {
  it('a lockfile-heavy release counts only the code a person reads, and lists the lockfile apart', async () => {
    const lock = (n: number) =>
      json({
        lockfileVersion: 3,
        packages: Object.fromEntries(
          Array.from({ length: 3000 }, (_, i) => [
            `node_modules/p${i}`,
            { version: `1.0.${n}`, resolved: `https://registry.example/p${i}-${n}.tgz` },
          ]),
        ),
      });
    const report = await analyse(
      { 'package-lock.json': lock(1), 'src/a.ts': 'export const a = (x: number) => x + 1;\n' },
      { 'package-lock.json': lock(2), 'src/a.ts': 'export const a = (x: number) => x + 2;\n' },
    );
    expect(report.volume).toMatchObject({ files: 2, filesRead: 1, insertions: 1, deletions: 1 });
    expect(report.volume.excluded).toEqual([
      { kind: 'lockfile', files: 1, insertions: 6000, deletions: 6000, paths: ['package-lock.json'] },
    ]);
    expect(report.findings.some((f) => f.ruleId === 'release-volume')).toBe(false);
  });
});

describe('behaviour the rollback reverts', () => {
  const cart = (threshold: number): FileMap => ({
    'package.json': json({ name: 'shop', private: true }),
    'src/cart.ts': `export function freeShipping(total: number): boolean {\n  return total >= ${threshold};\n}\n`,
  });

  it('a one-line logic fix is safe, with a score above the style-only release', async () => {
    const fix = await analyzeRollback({
      repo: buildRepo([
        { tree: cart(50), tag: 'v1' },
        { tree: cart(40), tag: 'v2', message: 'fix: free shipping from 40' },
      ]),
      from: 'v2',
      to: 'v1',
    });
    const style = await analyse(cart(50), {
      ...cart(50),
      'src/cart.ts': `export function freeShipping(total: number): boolean {\n  return total >= 50; // inclusive\n}\n`,
    });
    expect(style).toMatchObject({ verdict: 'safe', riskScore: 0 });
    expect(fix.verdict).toBe('safe');
    expect(fix.riskScore).toBeGreaterThan(style.riskScore);
    expect(fix.findings.find((f) => f.ruleId === 'behaviour-reverted')?.message).toBe(
      'the rollback reverts behaviour in 1 code file (2 changed lines) and takes back 1 fix: "fix: free shipping from 40"',
    );
    expect(fix.reverted).toEqual({
      securityFixes: [],
      fixes: [{ sha: expect.stringMatching(/^[0-9a-f]{40}$/), subject: 'fix: free shipping from 40', ids: [] }],
    });
    expect(fix.checklist.find((c) => c.id === 'review')?.status).toBe('pass');
  });

  it('a framework minor downgrade whose range names a CVE: caution, the CVE listed', async () => {
    const web = (next: string): FileMap => ({
      'package.json': json({ name: 'web', private: true, dependencies: { next, react: '19.2.1' } }),
      'src/page.tsx': 'export const Page = () => null;\n',
    });
    const report = await analyzeRollback({
      repo: buildRepo([
        { tree: web('15.4.2'), tag: 'v1' },
        {
          tree: web('15.5.0'),
          message: 'Upgrade Next.js to 15.5.0\n\nIncludes the fix for CVE-2025-29927 (middleware authorization bypass).',
        },
        { tree: { ...web('15.5.0'), 'src/page.tsx': 'export const Page = () => "hi";\n' }, tag: 'v2', message: 'feat: greet' },
      ]),
      from: 'v2',
      to: 'v1',
    });
    expect(report.verdict).toBe('caution');
    expect(ids(report)).toEqual(expect.arrayContaining(['security-fix-reverted', 'dependency-downgrade']));
    expect(report.findings.find((f) => f.ruleId === 'dependency-downgrade')).toMatchObject({
      severity: 'medium',
      message:
        'the rollback downgrades next from 15.5.0 to 15.4.2 (minor) — a framework or runtime package: its releases carry security fixes',
    });
    expect(report.findings.find((f) => f.ruleId === 'security-fix-reverted')?.message).toMatch(
      /^the rollback takes back the security fix [0-9a-f]{10} "Upgrade Next.js to 15.5.0" \(CVE-2025-29927\)$/,
    );
    expect(report.reverted.securityFixes).toEqual([
      { sha: expect.any(String), subject: 'Upgrade Next.js to 15.5.0', ids: ['CVE-2025-29927'], mark: 'CVE-2025-29927' },
    ]);
  });
});

describe('infrastructure and CI', () => {
  it('a Dockerfile is infrastructure a person checks; a test-only workflow is no infrastructure', async () => {
    const report = await analyse(
      {
        Dockerfile: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
        '.github/workflows/test.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      },
      {
        Dockerfile:
          'FROM node:22-slim\nCOPY . /app\nHEALTHCHECK CMD curl -f http://localhost:3000/health\nCMD ["node", "/app/server.js"]\n',
        '.github/workflows/test.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm test\n',
      },
    );
    expect(report.changes.map((c) => [c.path, c.categories.join()])).toEqual([
      ['.github/workflows/test.yml', 'tests'],
      ['Dockerfile', 'infrastructure-change'],
    ]);
    expect(ids(report)).toEqual(['infrastructure-changed']);
    expect(report.verdict).toBe('caution');
  });

  it('starter projects under templates/ are not the dependencies of the release', async () => {
    const starter = (next: string) => json({ name: 'blank', private: true, dependencies: { next } });
    const report = await analyse(
      { 'templates/blank/package.json': starter('16.2.6') },
      { 'templates/blank/package.json': starter('15.4.11') },
    );
    expect(report.findings.filter((f) => f.ruleId === 'dependency-downgrade')).toEqual([]);
    expect(report.changes[0]!.categories).toEqual(['docs']);
  });
});
