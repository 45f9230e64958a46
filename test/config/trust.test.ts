// A release does not configure its own analysis: the config in effect is the target's (`to`, the base of a pull
// request) or --config. What the release's own config would weaken is a high finding, and is not applied.
import { describe, expect, it } from 'vitest';
import { lineOf, weakeningsOf } from '../../src/config/trust.js';
import { configSchema } from '../../src/config/schema.js';
import { localGitHubPerTest, runCli } from '../support/github-server.js';
import { buildRepo, cli, git, tempDir, type FileMap } from '../support/repo.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const app: FileMap = {
  'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY, email text);\n',
  'src/users.ts': 'export function findUser(id: string) {\n  return { id };\n}\n',
  'billing/charge.ts': 'export const fee = 1;\n',
};
const dropUsers: FileMap = { 'migrations/002_drop_users.sql': 'DROP TABLE users;\n' };

/** v1 (the base, or the rollback target) and v2 (the head, or the running release) that drops a table. */
function release(baseConfig: FileMap, headConfig: FileMap, change: FileMap = dropUsers): string {
  return buildRepo([
    { tree: { ...app, ...baseConfig }, tag: 'v1' },
    { tree: { ...app, ...change, ...headConfig }, tag: 'v2' },
  ]);
}

interface Finding {
  ruleId: string;
  severity: string;
  path: string;
  line?: number;
  message: string;
}

const analyse = (dir: string, ...args: string[]) => cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json', ...args]);
const findingsOf = (stdout: string): Finding[] => JSON.parse(stdout).findings;
const weakened = (stdout: string) => findingsOf(stdout).filter((f) => f.ruleId === 'config-weakened');

const json = (config: unknown) => `${JSON.stringify(config, null, 2)}\n`;

describe('a pull request cannot switch off its own gate', () => {
  it('not even with a suppression comment above the setting: the finding stands and the comment is reported unused', () => {
    const yaml = 'ignore:\n  # rollback-ready-ignore config-weakened: reviewed\n  - "**"\n';
    const dir = release({}, { 'rollback-ready.config.yaml': yaml });
    const result = analyse(dir, '--fail-on', 'high');
    expect(result.code, result.stderr).toBe(1);
    const found = findingsOf(result.stdout) as (Finding & { suppressed?: unknown })[];
    const weakening = found.find((f) => f.ruleId === 'config-weakened');
    expect(weakening).toMatchObject({ path: 'rollback-ready.config.yaml', line: 3, severity: 'high' });
    expect(weakening?.suppressed).toBeUndefined();
    expect(found.filter((f) => f.ruleId === 'unused-suppression').map((f) => f.line)).toEqual([2]);
  });

  // Each: the head's config, the line of the setting in it, and what the finding says.
  const attacks: [string, unknown, number, RegExp][] = [
    ['ignores every path', { ignore: ['**'] }, 3, /ignores "\*\*"/],
    ['sets warnOnly', { gate: { warnOnly: true } }, 3, /sets gate\.warnOnly/],
    ['turns the rule off', { rules: { 'drop-table': 'off' } }, 3, /turns drop-table off \(was critical\)/],
    ['lowers its severity', { rules: { 'drop-table': { severity: 'info' } } }, 3, /lowers drop-table from critical to info/],
    ['starves the analysis of time', { limits: { timeBudgetSeconds: 0.001 } }, 3, /sets limits\.timeBudgetSeconds to 0\.001 \(was 300\)/],
    ['stops looking for migrations', { migrations: { discover: false } }, 3, /stops looking for migrations/],
    ['narrows the scope', { scope: ['src'] }, 2, /narrows the scope to src/],
  ];

  it.each(attacks)(
    '%s: the DROP TABLE is still reported, the gate fails, the setting is named at its line',
    (_name, config, line, change) => {
      const dir = release({}, { 'rollback-ready.config.json': json(config) });
      const result = analyse(dir, '--fail-on', 'high');
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.verdict).not.toBe('safe');
      expect(report.config).toEqual({ source: 'defaults' });
      expect(findingsOf(result.stdout).map((f) => f.ruleId)).toContain('drop-table');
      expect(findingsOf(result.stdout).find((f) => f.ruleId === 'drop-table')?.severity).toBe('critical');
      expect(weakened(result.stdout)).toEqual([
        expect.objectContaining({ severity: 'high', path: 'rollback-ready.config.json', line, message: expect.stringMatching(change) }),
      ]);
      expect(result.stderr).toMatch(/^rollback-ready: gate failed/);
    },
  );

  it("the target's config is the one in effect; the head cannot remove a custom rule from it", () => {
    const dir = release(
      {
        '.rollbackreadyrc.yaml':
          'customRules:\n  - id: billing-owners\n    description: Billing needs the payments team\n    when: { paths: ["billing/**"] }\n    severity: high\n    message: page the payments team\n',
      },
      { '.rollbackreadyrc.yaml': 'customRules: []\n' },
      { 'billing/charge.ts': 'export const fee = 2;\n' },
    );
    const result = analyse(dir, '--fail-on', 'high');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).config).toEqual({ source: 'repository', path: '.rollbackreadyrc.yaml', ref: 'v1' });
    expect(findingsOf(result.stdout).map((f) => f.ruleId)).toContain('billing-owners');
    expect(weakened(result.stdout)).toEqual([
      expect.objectContaining({
        path: '.rollbackreadyrc.yaml',
        line: 1,
        message: expect.stringMatching(/removes the custom rule billing-owners/),
      }),
    ]);
  });

  it('names every weakening of one config, in YAML and in package.json', () => {
    const yaml = release({}, { 'rollback-ready.config.yaml': 'platform: heroku\nignore:\n  - "**"\ngate:\n  warnOnly: true\n' });
    expect(weakened(analyse(yaml).stdout).map((f) => [f.path, f.line])).toEqual([
      ['rollback-ready.config.yaml', 3],
      ['rollback-ready.config.yaml', 5],
    ]);
    const pkg = release(
      { 'package.json': '{ "name": "shop" }\n' },
      { 'package.json': json({ name: 'shop', rollbackReady: { rules: { 'drop-table': 'off' } } }) },
    );
    expect(weakened(analyse(pkg).stdout).map((f) => [f.path, f.line])).toEqual([['package.json', 5]]);
  });

  it('a head config that cannot be read is a finding, not a stop and not a pass', () => {
    const dir = release({}, { 'rollback-ready.config.json': '{ "ignore": [' });
    const result = analyse(dir, '--fail-on', 'high');
    expect(result.code).toBe(1);
    expect(weakened(result.stdout)).toEqual([
      expect.objectContaining({
        path: 'rollback-ready.config.json',
        message: expect.stringMatching(/cannot be read or validated \(.*not valid JSON/),
      }),
    ]);
    expect(findingsOf(result.stdout).map((f) => f.ruleId)).toContain('drop-table');
  });

  it('a stricter head config is not applied either, and is only noted', () => {
    const dir = release(
      { 'rollback-ready.config.json': json({ rules: { 'release-volume': 'low' } }) },
      { 'rollback-ready.config.json': json({ rules: { 'release-volume': 'high' } }) },
    );
    const report = JSON.parse(analyse(dir).stdout);
    expect(weakened(JSON.stringify(report))).toEqual([]);
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^the config of v2 differs from the one in effect \(rollback-ready\.config\.json at v1\) and is not applied/),
    );
    expect(report.config).toEqual({ source: 'repository', path: 'rollback-ready.config.json', ref: 'v1' });
  });

  it('--config wins, and then the trees are not compared', () => {
    const dir = release({}, { 'rollback-ready.config.json': json({ ignore: ['**'] }) });
    const file = join(tempDir(), 'trusted.json');
    writeFileSync(file, json({ rules: { 'drop-table': 'high' } }));
    const report = JSON.parse(analyse(dir, '--config', file).stdout);
    expect(report.config).toEqual({ source: 'file', path: file });
    expect(weakened(JSON.stringify(report))).toEqual([]);
    expect(report.findings.find((f: Finding) => f.ruleId === 'drop-table').severity).toBe('high');
  });

  it('an invalid config at the target stops the analysis in one line that names the target', () => {
    const dir = release({ 'rollback-ready.config.json': json({ rules: { 'no-such-rule': 'off' } }) }, {});
    const result = analyse(dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^rollback-ready: config rollback-ready\.config\.json at v1: rules\.no-such-rule: no rule has this id/),
    ]);
  });
});

describe('a rollback to an older release', () => {
  it("uses the target's (older) config and says so; the running release's weaker settings are reported", () => {
    const dir = buildRepo([
      { tree: { ...app, 'rollback-ready.config.yaml': 'platform: heroku\n' }, tag: 'v1.0.0' },
      { tree: { ...app, ...dropUsers, 'rollback-ready.config.yaml': 'platform: heroku\nignore: ["migrations/**"]\n' }, tag: 'v1.1.0' },
    ]);
    const text = cli(['--repo', dir, '--from', 'v1.1.0']);
    expect(text.stdout).toMatch(/^ {2}config: rollback-ready\.config\.yaml at v1\.0\.0$/m);
    expect(text.stdout).toMatch(/HIGH +rollback-ready\.config\.yaml:2 +\[config-weakened\]/);
    expect(text.stdout).toMatch(/\[drop-table\]/);
  });

  it("picks the default target with the running release's tagPattern, then uses that target's config", () => {
    const dir = buildRepo([
      { tree: { ...app, 'rollback-ready.config.yaml': 'tagPattern: "api@*"\nplatform: convox\n' }, tag: 'api@1.0.0' },
      { tree: { ...app, 'rollback-ready.config.yaml': 'tagPattern: "api@*"\nplatform: convox\n', 'web.txt': 'x\n' }, tag: 'web@1.0.0' },
      { tree: { ...app, ...dropUsers, 'rollback-ready.config.yaml': 'tagPattern: "api@*"\nplatform: heroku\n' }, tag: 'api@1.1.0' },
    ]);
    const report = JSON.parse(cli(['--repo', dir, '--from', 'api@1.1.0', '--format', 'json']).stdout);
    expect(report.to.ref).toBe('api@1.0.0');
    expect(report.config).toEqual({ source: 'repository', path: 'rollback-ready.config.yaml', ref: 'api@1.0.0' });
    expect(report.rollback.platform).toBe('convox');
  });
});

describe('rollback-ready comment', () => {
  const startGitHub = localGitHubPerTest();

  it('reads the config of the base, like analyze, and reports what the head would weaken', async () => {
    const dba = {
      customRules: [
        {
          id: 'dba-review',
          description: 'Migrations need a DBA',
          when: { paths: ['migrations/**'] },
          severity: 'medium',
          message: 'ask a DBA',
        },
      ],
    };
    const dir = release({ 'rollback-ready.config.json': json(dba) }, { 'rollback-ready.config.json': json({ ...dba, ignore: ['**'] }) });
    const base = git(dir, ['rev-parse', 'v1^{commit}']).trim();
    const head = git(dir, ['rev-parse', 'v2^{commit}']).trim();
    const server = await startGitHub({
      owner: 'acme',
      name: 'shop',
      pullRequests: [
        { number: 5, title: 'Drop users', baseRefName: 'main', headRefName: 'drop', baseRefOid: base, headRefOid: head, comments: [] },
      ],
      commits: [],
    });
    const result = await runCli(
      [
        'comment',
        '--repo',
        dir,
        '--pr',
        '5',
        '--github-repo',
        'acme/shop',
        '--api-url',
        server.url,
        '--format',
        'json',
        '--fail-on',
        'high',
      ],
      { GITHUB_TOKEN: 'ghs_trust0123456789' },
    );
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.config).toMatchObject({ source: 'repository', path: 'rollback-ready.config.json' });
    expect(report.findings.map((f: Finding) => f.ruleId)).toEqual(expect.arrayContaining(['drop-table', 'config-weakened', 'dba-review']));
  });
});

describe('what counts as weakening', () => {
  const config = (raw: unknown) => configSchema.parse(raw);

  it('nothing when the release changes nothing or only makes it stricter', () => {
    const inEffect = config({ ignore: ['dist/**'], rules: { 'drop-column': 'medium' }, gate: { failOn: 'high', maxScore: 50 } });
    expect(weakeningsOf(inEffect, inEffect)).toEqual([]);
    expect(
      weakeningsOf(
        config({
          rules: { 'drop-column': 'critical' },
          gate: { failOn: 'medium', maxScore: 40 },
          verdict: { blockedAt: 50 },
          migrations: { paths: ['db/**'] },
        }),
        inEffect,
      ),
    ).toEqual([]);
  });

  it('every way to see less or pass more', () => {
    const inEffect = config({
      rules: { 'release-volume': { options: { files: [50, 200] } } },
      gate: { failOn: 'high', maxScore: 50 },
      verdict: { cautionAt: 30, blockedAt: 60 },
      migrations: { paths: ['db/**'] },
      api: { specs: ['api/openapi.yaml'] },
      contracts: { entries: ['src/index.ts'] },
      customRules: [{ id: 'team', description: 'd', when: { paths: ['x/**'] }, severity: 'high', message: 'm' }],
      scope: ['apps/api'],
    });
    const release = config({
      rules: { 'release-volume': { options: { files: [500, 2000] } } },
      gate: {},
      verdict: { blockedAt: 80 },
      limits: { maxFileBytes: 1_000_000_000 },
      migrations: { dialect: 'mysql' },
      api: { routeRoots: ['src/**'] },
      contracts: { entries: [] },
      customRules: [{ id: 'team', description: 'd', when: { paths: ['x/**'] }, severity: 'low', message: 'm' }],
      scope: ['apps/api/src'],
    });
    expect(weakeningsOf(release, inEffect).map((w) => w.change)).toEqual([
      'changes the options of release-volume',
      'sets limits.maxFileBytes to 1000000000 (was 5242880)',
      'removes verdict.cautionAt (was 30)',
      'raises verdict.blockedAt from 60 to 80',
      'removes gate.failOn (was high)',
      'removes gate.maxScore (was 50)',
      'changes contracts.entries, the files that are the public API, to []',
      'stops reading migrations at "db/**"',
      'sets migrations.dialect to mysql (was detected)',
      'stops reading the API spec "api/openapi.yaml"',
      'adds the route root "src/**" (an endpoint found there counts as still served)',
      'changes the custom rule team',
      'narrows the scope to apps/api/src',
    ]);
  });

  it('finds the line of a key, or of the nearest key above it', () => {
    const text = '{\n  "rules": {\n    "drop-table": "off"\n  },\n  "ignore": ["a", "b"]\n}\n';
    expect(lineOf(text, 'rollback-ready.config.json', ['rules', 'drop-table'])).toBe(3);
    expect(lineOf(text, 'rollback-ready.config.json', ['ignore', 1])).toBe(5);
    expect(lineOf(text, 'rollback-ready.config.json', ['gate', 'warnOnly'])).toBe(1);
    expect(lineOf('{ nope', 'x.json', ['rules'])).toBeUndefined();
  });
});
