import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { twoReleases } from '../../support/repo.js';

const run = (to: Record<string, string>, from: Record<string, string>) =>
  analyzeRollback({ repo: twoReleases(to, from), from: 'v2', to: 'v1' });
const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'app', ...extra, dependencies: deps }, null, 2) + '\n';
const lock = (versions: Record<string, string>) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: { '': {}, ...Object.fromEntries(Object.entries(versions).map(([n, v]) => [`node_modules/${n}`, { version: v }])) },
  });

describe('dependencies and runtime', () => {
  it('reports each dependency the rollback moves, by semver', async () => {
    const report = await run(
      { 'package.json': pkg({ pg: '^7.18.0', express: '^4.18.2', lodash: '4.17.20', moment: '^2.29.0' }) },
      { 'package.json': pkg({ pg: '^8.11.0', express: '^4.19.2', lodash: '4.17.21', zod: '^4.0.0' }) },
    );
    const got = report.findings.filter((f) => f.ruleId === 'dependency-downgrade').map((f) => [f.severity, f.line, f.message]);
    expect(got).toEqual([
      ['medium', 4, 'the rollback downgrades pg from ^8.11.0 to ^7.18.0 (major)'],
      [
        'medium',
        5,
        'the rollback downgrades express from ^4.19.2 to ^4.18.2 (minor) — a framework or runtime package: its releases carry security fixes',
      ],
      ['low', 7, 'the rollback brings back moment ^2.29.0 (removed by the release)'],
      ['info', 6, 'the rollback downgrades lodash from 4.17.21 to 4.17.20 (patch)'],
      ['info', 7, 'the rollback removes zod ^4.0.0 (added by the release)'],
    ]);
    expect(report.checklist.find((c) => c.id === 'dependencies')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^the rollback downgrades pg/),
    });
    expect(report.changes).toEqual([{ path: 'package.json', status: 'modified', categories: ['dependency-change'] }]);
  });

  it('reads Node 20 → 18 in a Dockerfile, engines, .nvmrc and .tool-versions', async () => {
    const report = await run(
      {
        Dockerfile: 'ARG NODE=18\nFROM node:${NODE}-alpine AS build\nRUN npm ci\nFROM nginx:1.25\nCOPY --from=build /app /srv\n',
        'package.json': pkg({}, { engines: { node: '>=18' } }),
        '.nvmrc': 'lts/hydrogen\n',
        '.tool-versions': 'nodejs 18.19.0\npython 3.12.1\n',
      },
      {
        Dockerfile: 'ARG NODE=20\nFROM node:${NODE}-alpine AS build\nRUN npm ci\nFROM nginx:1.25\nCOPY --from=build /app /srv\n',
        'package.json': pkg({}, { engines: { node: '>=20' } }),
        '.nvmrc': 'v20.11.0\n',
        '.tool-versions': 'nodejs 20.11.0\npython 3.12.1\n',
      },
    );
    const got = report.findings.filter((f) => f.ruleId === 'runtime-downgrade').map((f) => `${f.path}:${f.line} ${f.message}`);
    expect(got).toEqual([
      '.nvmrc:1 the rollback downgrades node (version file) from v20.11.0 to lts/hydrogen (major)',
      '.tool-versions:1 the rollback downgrades node (.tool-versions) from 20.11.0 to 18.19.0 (major)',
      'Dockerfile:2 the rollback downgrades node (base image) from node:20-alpine to node:18-alpine (major)',
      'package.json:4 the rollback downgrades node (engines) from >=20 to >=18 (major)',
    ]);
    expect(report.changes.every((c) => c.categories.includes('dependency-change'))).toBe(true);
  });

  it('calls a lockfile-only change out, with the packages that go back', async () => {
    const manifest = pkg({ express: '^4.18.2' });
    const report = await run(
      { 'package.json': manifest, 'package-lock.json': lock({ express: '4.18.2', minimist: '1.2.5' }) },
      { 'package.json': manifest.replace('"app"', '"app2"'), 'package-lock.json': lock({ express: '4.18.2', minimist: '1.2.8' }) },
    );
    expect(report.findings.filter((f) => f.ruleId === 'lockfile-changed')).toMatchObject([
      {
        severity: 'low',
        path: 'package-lock.json',
        message: 'lockfile-only change (npm): 1 package goes back to older versions with no change in the manifest',
        evidence: 'older at the target: minimist 1.2.8 → 1.2.5',
      },
    ]);
    expect(report.changes).toEqual([
      { path: 'package-lock.json', status: 'modified', categories: ['dependency-change'] },
      { path: 'package.json', status: 'modified', categories: ['config-change'] },
    ]);
  });

  it('reports a package.json that does not parse instead of passing it', async () => {
    const report = await run({ 'package.json': pkg({ a: '1.0.0' }) }, { 'package.json': '{ "name": ' });
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([['unclassified-change', 'package.json']]);
  });
});

describe('yarn and pnpm lockfiles', () => {
  const yarnLock = (hono: string, yjs: string) =>
    `# yarn lockfile v1\n\n"hono@^4.12.0":\n  version "${hono}"\n  resolved "https://registry.example/hono-${hono}.tgz"\n\nyjs@^13.6.0, yjs@^13.6.30:\n  version "${yjs}"\n`;
  const berry = (hono: string) =>
    `__metadata:\n  version: 8\n\n"hono@npm:^4.12.0":\n  version: ${hono}\n  resolution: "hono@npm:${hono}"\n`;
  const pnpm = (next: string, scoped: string) =>
    `lockfileVersion: '9.0'\n\npackages:\n\n  next@${next}:\n    resolution: {integrity: sha512-x}\n\n  '@nestjs/core@${scoped}(reflect-metadata@0.2.2)':\n    resolution: {integrity: sha512-y}\n\nsnapshots:\n\n  next@${next}(react@19.1.0):\n    dependencies: {}\n`;

  it.each([
    [
      'yarn classic',
      'yarn.lock',
      yarnLock('4.12.18', '13.6.30'),
      yarnLock('4.12.23', '13.6.31'),
      ['hono 4.12.23 → 4.12.18', 'yjs 13.6.31 → 13.6.30'],
    ],
    ['yarn berry', 'yarn.lock', berry('4.12.18'), berry('4.12.23'), ['hono 4.12.23 → 4.12.18']],
    [
      'pnpm 9',
      'pnpm-lock.yaml',
      pnpm('15.3.3', '11.1.12'),
      pnpm('15.3.6', '11.1.13'),
      ['@nestjs/core 11.1.13 → 11.1.12', 'next 15.3.6 → 15.3.3'],
    ],
  ])('%s: the packages the rollback resolves to older versions', async (_name, file, to, from, moved) => {
    const report = await run({ [file]: to }, { [file]: from });
    expect(report.findings.find((f) => f.message.startsWith('lockfile-only change'))?.evidence).toBe(
      `older at the target: ${moved.join(', ')}`,
    );
    // hono, next and @nestjs/core are frameworks: each is medium on its own.
    expect(report.findings.filter((f) => f.ruleId === 'lockfile-changed' && f.severity === 'medium').length).toBe(
      moved.filter((m) => !m.startsWith('yjs')).length,
    );
  });
});

describe('a workspace lockfile', () => {
  const pnpmLock = (nodemailer: string) =>
    `lockfileVersion: '9.0'\n\npackages:\n\n  nodemailer@${nodemailer}:\n    resolution: {integrity: sha512-x}\n\nsnapshots:\n\n  nodemailer@${nodemailer}: {}\n`;
  const workspace = { 'package.json': pkg({}, { private: true }), 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" };

  it('follows a change in a member package.json it resolves', async () => {
    const report = await run(
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('8.0.10'), 'packages/email/package.json': pkg({ nodemailer: '8.0.10' }) },
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('9.0.1'), 'packages/email/package.json': pkg({ nodemailer: '9.0.1' }) },
    );
    const lockfile = report.findings.filter((f) => f.ruleId === 'lockfile-changed');
    expect(lockfile).toMatchObject([
      { severity: 'info', message: 'pnpm lockfile follows the manifest change: 1 package goes back to older versions' },
    ]);
    expect(report.findings.some((f) => f.message.includes('no change in the manifest'))).toBe(false);
  });

  it('passes the item with what it passes with, never "no dependency or runtime downgrade" beside a downgrade', async () => {
    const report = await run(
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('8.0.10'), 'packages/email/package.json': pkg({ nodemailer: '8.0.10' }) },
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('8.0.11'), 'packages/email/package.json': pkg({ nodemailer: '8.0.11' }) },
    );
    expect(report.checklist.find((c) => c.id === 'dependencies')).toMatchObject({
      status: 'pass',
      detail: 'for information: the rollback downgrades nodemailer from 8.0.11 to 8.0.10 (patch) (+1 more)',
    });
  });

  it('is a lockfile-only change when the member that changed has a lockfile of its own', async () => {
    const member = (v: string) => ({
      'packages/email/package.json': pkg({ nodemailer: v }),
      'packages/email/package-lock.json': lock({ nodemailer: v }),
    });
    const report = await run(
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('8.0.10'), ...member('8.0.10') },
      { ...workspace, 'pnpm-lock.yaml': pnpmLock('9.0.1'), ...member('9.0.1') },
    );
    expect(report.findings.find((f) => f.path === 'pnpm-lock.yaml' && f.ruleId === 'lockfile-changed')?.message).toBe(
      'lockfile-only change (pnpm): 1 package goes back to older versions with no change in the manifest',
    );
  });
});
