// Version overrides pin packages anywhere in the dependency tree: what `pnpm audit --fix` writes
// (`"axios@<1.15.0": "^1.15.0"`), npm's `overrides`, Yarn's `resolutions`. A release that adds or raises them is
// usually a security update; the rollback takes every pin back, so the older versions return under every package.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { overriddenPackage, overridesOf } from '../../../src/analyzers/dependencies/manifest.js';
import { twoReleases } from '../../support/repo.js';

const run = (to: Record<string, string>, from: Record<string, string>) =>
  analyzeRollback({ repo: twoReleases(to, from), from: 'v2', to: 'v1' });
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'app', private: true, dependencies: { koa: '^2.16.1' }, ...extra }, null, 2) + '\n';

describe('version overrides', () => {
  it('names the package a selector pins, in the forms pnpm, npm and Yarn write', () => {
    expect(overriddenPackage('axios@<1.15.0')).toEqual({ name: 'axios', range: '<1.15.0' });
    expect(overriddenPackage('@xmldom/xmldom@<0.8.12')).toEqual({ name: '@xmldom/xmldom', range: '<0.8.12' });
    expect(overriddenPackage('ajv@>=7.0.0-alpha.0 <8.18.0')).toEqual({ name: 'ajv', range: '>=7.0.0-alpha.0 <8.18.0' });
    expect(overriddenPackage('react-router>cookie')).toEqual({ name: 'cookie' });
    expect(overriddenPackage('**/@babel/core')).toEqual({ name: '@babel/core' });
    expect(overriddenPackage('webpack/terser')).toEqual({ name: 'terser' });
    expect(overridesOf({ overrides: { foo: { '.': '1.2.0', bar: '2.0.0' } } })).toEqual(
      new Map([
        ['foo', [{ spec: '1.2.0', selector: 'foo' }]],
        ['bar', [{ spec: '2.0.0', selector: 'bar' }]],
      ]),
    );
    expect(overridesOf({ overrides: { 'foo@<2': { '.': '2.1.0' } } })).toEqual(
      new Map([['foo', [{ spec: '2.1.0', selector: 'foo@<2', range: '<2' }]]]),
    );
  });

  it("reports the pins a rollback takes back as one finding, medium for pnpm audit's form, pairing each line of a package", async () => {
    const report = await run(
      {
        'package.json': manifest({
          pnpm: {
            overrides: { 'axios@<1.15.2': '^1.15.2', 'brace-expansion@<1.1.13': '^1.1.13', 'brace-expansion@>=4.0.0 <5.0.6': '^5.0.6' },
          },
        }),
      },
      {
        'package.json': manifest({
          pnpm: {
            overrides: {
              'axios@<1.18.0': '^1.18.0',
              'brace-expansion@<1.1.16': '^1.1.16',
              'brace-expansion@>=4.0.0 <5.0.8': '^5.0.8',
              'fast-uri@>=3.0.0 <3.1.4': '^3.1.4',
            },
          },
        }),
      },
    );
    const pins = report.findings.filter((f) => f.ruleId === 'dependency-downgrade');
    expect(pins).toMatchObject([
      {
        severity: 'medium',
        path: 'package.json',
        line: 8,
        message:
          'the rollback takes back 4 version overrides that lift packages out of older versions anywhere in the dependency tree (the form `pnpm audit --fix` writes against a vulnerability): axios ^1.18.0 → ^1.15.2, brace-expansion ^1.1.16 → ^1.1.13, brace-expansion ^5.0.8 → ^5.0.6, fast-uri ^3.1.4 (no pin at the target)',
      },
    ]);
    expect(report.checklist.find((c) => c.id === 'dependencies')?.status).not.toBe('pass');
    expect(report.changes).toEqual([{ path: 'package.json', status: 'modified', categories: ['dependency-change'] }]);
  });

  it('reads npm overrides and Yarn resolutions the same way: a bare pin is low, a pin the rollback raises information', async () => {
    const npm = await run(
      { 'package.json': manifest({ overrides: { 'minimist@<1.2.6': '1.2.5' } }) },
      { 'package.json': manifest({ overrides: { 'minimist@<1.2.6': '1.2.8' } }) },
    );
    expect(npm.findings.find((f) => f.ruleId === 'dependency-downgrade')).toMatchObject({
      severity: 'medium',
      message: expect.stringMatching(/takes back a version override that lifts a package out of .* minimist 1\.2\.8 → 1\.2\.5$/),
      evidence: 'minimist@<1.2.6: minimist 1.2.8 → 1.2.5',
    });
    // A pin of the repository's own package, or one to align versions: not written against versions to leave.
    const bare = await run(
      { 'package.json': manifest({ pnpm: { overrides: {} } }) },
      { 'package.json': manifest({ pnpm: { overrides: { '@acme/shared': '0.24.1' } } }) },
    );
    expect(bare.findings.find((f) => f.ruleId === 'dependency-downgrade')).toMatchObject({
      severity: 'low',
      message:
        'the rollback takes back a version override (pins of packages anywhere in the dependency tree): @acme/shared 0.24.1 (no pin at the target)',
    });
    const yarn = await run(
      { 'package.json': manifest({ resolutions: { '**/lodash': '4.17.21' } }) },
      { 'package.json': manifest({ resolutions: { '**/lodash': '4.17.20' } }) },
    );
    expect(yarn.findings.find((f) => f.ruleId === 'dependency-downgrade')).toMatchObject({
      severity: 'info',
      message: 'the rollback moves a version override (pins of packages anywhere in the dependency tree): lodash 4.17.20 → 4.17.21',
    });
  });

  it('pairs the pins left on other major lines in order', async () => {
    const report = await run(
      { 'package.json': manifest({ pnpm: { overrides: { '@types/node': '22.20.0' } } }) },
      { 'package.json': manifest({ pnpm: { overrides: { '@types/node': '24.13.3' } } }) },
    );
    expect(report.findings.find((f) => f.ruleId === 'dependency-downgrade')?.message).toBe(
      'the rollback takes back a version override (pins of packages anywhere in the dependency tree): @types/node 24.13.3 → 22.20.0',
    );
  });

  it('says nothing when only the selector of a pin changes', async () => {
    const report = await run(
      { 'package.json': manifest({ pnpm: { overrides: { 'tmp@<=0.2.3': '^0.2.6' } } }) },
      { 'package.json': manifest({ pnpm: { overrides: { 'tmp@<0.2.6': '^0.2.6' } } }) },
    );
    expect(report.findings.filter((f) => f.ruleId === 'dependency-downgrade')).toEqual([]);
  });
});
