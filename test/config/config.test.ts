import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { UsageError } from '../../src/util/errors.js';
import { setsNothing } from '../../src/config/defaults.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { configSchema } from '../../src/config/schema.js';
import { z } from 'zod';
import { RULE_LIST } from '../../rules/index.js';
import { ROOT, buildRepo, cli, git, tempDir, type FileMap } from '../support/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const base: FileMap = { 'src/app.ts': 'export const a = 1;\n', 'billing/charge.ts': 'export const fee = 1;\n' };

/** v1 = base; v2 = base plus the changes. The config files are in both trees (so they are no change). */
function repoWith(config: FileMap, changes: FileMap = { 'billing/charge.ts': 'export const fee = 2;\n' }): string {
  return buildRepo([
    { tree: { ...base, ...config }, tag: 'v1' },
    { tree: { ...base, ...changes, ...config }, tag: 'v2' },
  ]);
}

const api = (dir: string, extra: Partial<Parameters<typeof analyzeRollback>[0]> = {}) =>
  analyzeRollback({ repo: dir, from: 'v2', to: 'v1', ...extra });

const run = (dir: string, ...args: string[]) => cli(['--repo', dir, '--from', 'v2', '--to', 'v1', ...args]);
const json = (dir: string, ...args: string[]) => {
  const result = run(dir, '--format', 'json', ...args);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
};

describe('defaults', () => {
  it('are what validating an empty config gives, so an analysis without settings can skip the schema', () => {
    expect(configSchema.parse({})).toEqual(defaultConfig());
    const changed = defaultConfig();
    changed.ignore.push('x');
    changed.limits.timeBudgetSeconds = 1;
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });

  it("of every rule's options are what its schema gives for none", () => {
    const withOptions = RULE_LIST.filter((rule) => rule.options);
    expect(withOptions.length).toBeGreaterThan(0);
    for (const rule of withOptions) expect(rule.options!.schema(z).parse({}), rule.id).toEqual(rule.options!.defaults);
  });

  it('stand in only for a config that sets nothing', () => {
    expect([undefined, null, {}].map(setsNothing)).toEqual([true, true, true]);
    expect([{ scope: [] }, [], 'x', { platform: undefined }].map(setsNothing)).toEqual([false, false, false, false]);
  });
});

describe('config discovery', () => {
  it('uses defaults and says so when the release holds no config', () => {
    const report = json(repoWith({}));
    expect(report.config).toEqual({ source: 'defaults' });
    expect(run(repoWith({})).stdout).toMatch(/^ {2}config: none found, defaults used$/m);
  });

  const order: [string, FileMap, string][] = [
    [
      'rollback-ready.config.json first',
      {
        'rollback-ready.config.json': '{"platform":"octopus"}',
        'rollback-ready.config.yaml': 'platform: convox\n',
        '.rollbackreadyrc': 'platform: heroku\n',
      },
      'rollback-ready.config.json',
    ],
    [
      'then rollback-ready.config.yaml',
      { 'rollback-ready.config.yaml': 'platform: octopus\n', 'rollback-ready.config.yml': 'platform: convox\n' },
      'rollback-ready.config.yaml',
    ],
    [
      'then rollback-ready.config.yml',
      { 'rollback-ready.config.yml': 'platform: octopus\n', '.rollbackreadyrc': 'platform: convox\n' },
      'rollback-ready.config.yml',
    ],
    [
      'then .rollbackreadyrc (YAML or JSON)',
      { '.rollbackreadyrc': '{"platform": "octopus"}', '.rollbackreadyrc.json': '{"platform":"convox"}' },
      '.rollbackreadyrc',
    ],
    [
      'then .rollbackreadyrc.json',
      { '.rollbackreadyrc.json': '{"platform":"octopus"}', '.rollbackreadyrc.yaml': 'platform: convox\n' },
      '.rollbackreadyrc.json',
    ],
    [
      'then .rollbackreadyrc.yaml',
      { '.rollbackreadyrc.yaml': 'platform: octopus\n', '.rollbackreadyrc.yml': 'platform: convox\n' },
      '.rollbackreadyrc.yaml',
    ],
    [
      'then .rollbackreadyrc.yml',
      { '.rollbackreadyrc.yml': 'platform: octopus\n', 'package.json': '{"rollbackReady":{"platform":"convox"}}' },
      '.rollbackreadyrc.yml',
    ],
    ['then package.json rollbackReady', { 'package.json': '{"name":"x","rollbackReady":{"platform":"octopus"}}' }, 'package.json'],
  ];
  it.each(order)('%s', async (_name, files, expected) => {
    const report = await api(repoWith(files));
    expect(report.config).toMatchObject({ source: 'repository', path: expected, ref: 'v1' });
    expect(report.rollback?.platform).toBe('octopus');
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('notes the config files it found and did not read', async () => {
    const report = await api(repoWith({ 'rollback-ready.config.json': '{}', '.rollbackreadyrc.yml': 'platform: convox\n' }));
    expect(report.notes).toContain('config files not read (rollback-ready.config.json at v1 was): .rollbackreadyrc.yml');
  });

  it('skips a package.json without the rollbackReady key', async () => {
    expect((await api(repoWith({ 'package.json': '{"name":"x"}' }))).config).toEqual({ source: 'defaults' });
  });

  it('reads the target release (the one the release being analysed does not control), not the work tree nor the from release', () => {
    const dir = buildRepo([
      { tree: { ...base, 'rollback-ready.config.yaml': 'platform: convox\n' }, tag: 'v1' },
      { tree: { ...base, 'rollback-ready.config.yaml': 'platform: heroku\n' }, tag: 'v2' },
    ]);
    writeFileSync(join(dir, 'rollback-ready.config.yaml'), 'platform: octopus\n');
    const report = json(dir);
    expect(report.rollback.platform).toBe('convox');
    expect(report.config.ref).toBe('v1');
  });

  it('works on a bare clone', () => {
    const dir = repoWith({ 'rollback-ready.config.yaml': 'platform: heroku\n' });
    const bare = join(tempDir(), 'bare.git');
    git(tempDir(), ['clone', '-q', '--bare', dir, bare]);
    expect(json(bare).rollback.platform).toBe('heroku');
  });

  it('never loads a JavaScript config from the repository', () => {
    const marker = join(tempDir(), 'ran');
    const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { platform: 'heroku' };\n`;
    const dir = repoWith({ 'rollback-ready.config.js': js, '.rollbackreadyrc.js': js, 'rollback-ready.config.cjs': js });
    const report = json(dir);
    expect(report.config).toEqual({ source: 'defaults' });
    expect(report.rollback).toBeUndefined();
    const file = join(tempDir(), 'cfg.js');
    writeFileSync(file, js);
    const refused = run(dir, '--config', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--config cfg\.js: only JSON and YAML configs are read/);
    expect(() => readFileSync(marker)).toThrow();
  });
});

describe('overrides', () => {
  it('--config FILE wins over the config in the repository', () => {
    const dir = repoWith({ 'rollback-ready.config.yaml': 'platform: convox\n' });
    const file = join(tempDir(), 'team.yaml');
    writeFileSync(file, 'platform: octopus\nrules:\n  release-volume: "off"\n');
    const report = json(dir, '--config', file);
    expect(report.config).toEqual({ source: 'file', path: file });
    expect(report.rollback.platform).toBe('octopus');
    expect(run(dir, '--config', file).stdout).toContain(`config: ${file} (--config)`);
  });

  it('reads --config package.json by its rollbackReady key, and refuses one without it', () => {
    const dir = repoWith({});
    const folder = tempDir();
    writeFileSync(join(folder, 'package.json'), '{"rollbackReady":{"platform":"heroku"}}');
    expect(json(dir, '--config', join(folder, 'package.json')).rollback.platform).toBe('heroku');
    writeFileSync(join(folder, 'package.json'), '{"name":"x"}');
    expect(run(dir, '--config', join(folder, 'package.json')).stderr).toMatch(/package\.json has no "rollbackReady" key/);
  });

  it('a flag wins over the config', () => {
    const dir = repoWith({ 'rollback-ready.config.yaml': 'platform: convox\noutput:\n  format: json\n' });
    const fromConfig = run(dir);
    expect(JSON.parse(fromConfig.stdout).rollback.platform).toBe('convox');
    expect(json(dir, '--platform', 'heroku').rollback.platform).toBe('heroku');
    expect(run(dir, '--format', 'text').stdout).toMatch(/^rollback-ready .*: rolling back v2/);
  });

  it('through the API: a given config replaces the file, overrides win over either', async () => {
    const dir = repoWith({ 'rollback-ready.config.yaml': 'platform: convox\nverdict: { cautionAt: 10 }\n' });
    const given = await api(dir, { config: { platform: 'heroku' } });
    expect(given.config).toEqual({ source: 'options' });
    expect(given.rollback?.platform).toBe('heroku');
    const overridden = await api(dir, {
      configOverrides: { platform: 'octopus' },
      onConfig: (config) => expect(config.verdict.cautionAt).toBe(10),
    });
    expect(overridden.config).toMatchObject({ source: 'repository', path: 'rollback-ready.config.yaml' });
    expect(overridden.rollback?.platform).toBe('octopus');
    expect((await api(dir, { searchConfig: false })).config).toEqual({ source: 'defaults' });
  });

  it('a missing --config file is a usage error', () => {
    const result = run(repoWith({}), '--config', '/no/such/file.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--config \/no\/such\/file\.yaml: cannot read the file \(ENOENT\)/);
  });
});

describe('validation errors: one line, exit 2, key path, value, what is allowed', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a typo in a top-level key',
      'verdcit:\n  cautionAt: 10\n',
      /verdcit: unknown key — did you mean verdict\? allowed here: rules, ignore/,
    ],
    [
      'a typo in a nested key',
      'verdict:\n  cautionAtt: 10\n',
      /verdict\.cautionAtt: unknown key — did you mean cautionAt\? allowed here: cautionAt, blockedAt/,
    ],
    ['a bad enum value', 'platform: heroky\n', /platform: "heroky" is not allowed — use one of: gitops, .*heroku — did you mean heroku\?/],
    [
      'a bad rule severity',
      'rules:\n  release-volume: hgh\n',
      /rules\.release-volume: "hgh" is not allowed — use one of: off, info, low, medium, high, critical, \{ severity, options \} — did you mean high\?/,
    ],
    [
      'a bad severity inside a rule object',
      'rules:\n  release-volume: { severity: hihg }\n',
      /rules\.release-volume\.severity: "hihg" is not allowed — use one of: off, info, low, medium, high, critical — did you mean high\?/,
    ],
    ['an unknown rule id', 'rules:\n  relase-volume: high\n', /rules\.relase-volume: no rule has this id — did you mean release-volume\?/],
    [
      'an unknown rule option',
      'rules:\n  release-volume: { options: { filez: [1, 2, 3] } }\n',
      /rules\.release-volume\.options\.filez: unknown key — did you mean files\?/,
    ],
    [
      'a bad rule option value',
      'rules:\n  release-volume: { options: { files: [1, 2, 3] } }\n',
      /rules\.release-volume\.options\.files: \[1,2,3\] is not allowed — too big/,
    ],
    [
      'options for a rule without options',
      'rules:\n  unclassified-change: { options: { x: 1 } }\n',
      /rules\.unclassified-change\.options: this rule takes no options/,
    ],
    ['a wrong type', 'verdict:\n  cautionAt: twenty\n', /verdict\.cautionAt: "twenty" is not a number — use a number/],
    ['a number out of range', 'verdict:\n  blockedAt: 140\n', /verdict\.blockedAt: 140 is not allowed — too big/],
    [
      'a custom rule without a message',
      'customRules:\n  - id: x\n    description: d\n    when: { paths: [a/**] }\n    severity: high\n',
      /customRules\.0\.message: is required — use a string/,
    ],
    [
      'a bad custom rule status',
      'customRules:\n  - id: x\n    description: d\n    when: { paths: [a/**], status: [chnaged] }\n    severity: high\n    message: m\n',
      /customRules\.0\.when\.status\.0: "chnaged" is not allowed — use one of: added, modified, deleted, renamed/,
    ],
    [
      'a custom rule that takes a built-in id',
      'customRules:\n  - id: release-volume\n    description: d\n    when: { paths: [a/**] }\n    severity: high\n    message: m\n',
      /customRules\.0\.id: "release-volume" is the id of a built-in rule/,
    ],
    ['invalid YAML', 'rules: [\n', /config rollback-ready\.config\.yaml at v2: not valid YAML/],
    ['duplicate keys', 'platform: heroku\nplatform: convox\n', /not valid YAML: Map keys must be unique/],
  ];
  const dir = repoWith({});
  it.each(cases)('%s', async (_name, yaml, message) => {
    const file = join(tempDir(), 'rollback-ready.config.yaml');
    writeFileSync(file, yaml);
    const error = await api(dir, { configFile: file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    const text = (error as Error).message.replace(file, 'rollback-ready.config.yaml at v2');
    expect(text.split('\n')).toHaveLength(1);
    expect(`config ${text.replace(/^config /, '')}`).toMatch(message);
  });

  it.each([
    [
      'a typo in a key',
      'verdcit:\n  cautionAt: 10\n',
      /^rollback-ready: config rollback-ready\.config\.yaml at v1: verdcit: unknown key — did you mean verdict\?/,
    ],
    [
      'a bad enum value',
      'platform: heroky\n',
      /^rollback-ready: config rollback-ready\.config\.yaml at v1: platform: "heroky" is not allowed — .*did you mean heroku\?/,
    ],
    [
      'a bad format from the config',
      'output:\n  format: jsno\n',
      /^rollback-ready: config rollback-ready\.config\.yaml at v1: output\.format: "jsno" is not allowed — use one of: text, json, markdown.* — did you mean json\?/,
    ],
  ])('from the command line: %s', (_name, yaml, message) => {
    const { code, stdout, stderr } = run(repoWith({ 'rollback-ready.config.yaml': yaml }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('checks a config given to the API the same way', async () => {
    const dir = repoWith({});
    await expect(analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config: { rules: { 'release-volum': 'off' } } })).rejects.toThrow(
      /rules\.release-volum: no rule has this id — did you mean release-volume\?/,
    );
  });
});

describe('rules settings', () => {
  // 30 changed files: more than a small release, so release-volume speaks (low).
  const many: FileMap = {
    'billing/charge.ts': 'export const fee = 2;\n',
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/f${i}.ts`, `export const v${i} = ${i};\n`])),
  };
  const on = repoWith({}, many);
  const config = (yaml: string) => {
    const file = join(tempDir(), 'rollback-ready.config.yaml');
    writeFileSync(file, yaml);
    return file;
  };

  it('turning a rule off removes its findings', () => {
    const before = json(on);
    expect(before.findings.some((f: { ruleId: string }) => f.ruleId === 'release-volume')).toBe(true);
    const off = json(on, '--config', config('rules:\n  release-volume: "off"\n'));
    expect(off.findings.some((f: { ruleId: string }) => f.ruleId === 'release-volume')).toBe(false);
    expect(off.riskScore).toBeLessThan(before.riskScore);
  });

  it('raising its severity changes score and verdict', async () => {
    const before = await api(on);
    expect(before.verdict).toBe('safe');
    const medium = await api(on, { configFile: config('rules:\n  release-volume: medium\n') });
    expect(medium.riskScore).toBeGreaterThan(before.riskScore);
    expect(medium.verdict).toBe('caution');
    const after = await api(on, { configFile: config('rules:\n  release-volume: critical\n') });
    expect(after.findings.find((f) => f.ruleId === 'release-volume')?.severity).toBe('critical');
    expect(after.riskScore).toBeGreaterThan(medium.riskScore);
    expect(after.verdict).toBe('blocked');
  });

  it('takes volume thresholds (rule options), verdict thresholds and ignored paths', async () => {
    const quiet = await api(on, { configFile: config('rules:\n  release-volume:\n    options: { files: [1000, 2000] }\n') });
    expect(quiet.findings.some((f) => f.ruleId === 'release-volume')).toBe(false);
    const loud = await api(on, { configFile: config('rules:\n  release-volume: medium\nverdict: { cautionAt: 90, blockedAt: 95 }\n') });
    // The volume finding made medium (w 0.12) and the behaviour of 31 one-line files (w 0.068): 100 × (1 − 0.88 × 0.932) = 18.
    expect(loud.riskScore).toBe(18);
    expect(loud.checklist.find((c) => c.id === 'volume')?.status).toBe('fail');
    expect(loud.verdict).toBe('caution');
    const ignored = await api(on, { configFile: config('ignore: ["src/**"]\n') });
    expect(ignored.changes.map((c) => c.path)).toEqual(['billing/charge.ts']);
    expect(ignored.notes).toContain('30 changed files matched `ignore` and were not analysed');
  });
});

describe('custom rules', () => {
  const billing = [
    'customRules:',
    '  - id: billing-owners',
    '    description: Billing changes need the payments team',
    "    when: { paths: ['billing/**'] }",
    '    severity: high',
    '    message: page the payments team before rolling back',
    '    checklist: Payments team paged',
  ].join('\n');

  it('raises a finding for a change under billing/**, with its message in every format', () => {
    const dir = repoWith({ 'rollback-ready.config.yaml': `${billing}\n` });
    const report = json(dir);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'billing-owners',
        severity: 'high',
        category: 'code-change',
        path: 'billing/charge.ts',
        message: 'page the payments team before rolling back',
        checklistId: 'custom.billing-owners',
      }),
    );
    expect(report.checklist).toContainEqual(
      expect.objectContaining({ id: 'custom.billing-owners', title: 'Payments team paged', status: 'fail' }),
    );
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const text = run(dir).stdout;
    expect(text).toMatch(/HIGH {5}billing\/charge\.ts {2}\[billing-owners\]\n {13}page the payments team before rolling back/);
    expect(text).toMatch(/✖ Payments team paged/);
    const markdown = run(dir, '--format', 'markdown').stdout;
    expect(markdown).toContain('- **high** `billing/charge.ts` page the payments team before rolling back (`billing-owners`)');
  });

  it('says nothing for changes elsewhere, and filters by status and category', () => {
    const elsewhere = json(repoWith({ 'rollback-ready.config.yaml': `${billing}\n` }, { 'src/app.ts': 'export const a = 2;\n' }));
    expect(elsewhere.findings.filter((f: { ruleId: string }) => f.ruleId === 'billing-owners')).toEqual([]);
    const onlyDeleted = json(repoWith({ 'rollback-ready.config.yaml': `${billing}\n    category: migration\n` }));
    expect(onlyDeleted.findings.filter((f: { ruleId: string }) => f.ruleId === 'billing-owners')).toHaveLength(1);
    const statusFilter = billing.replace("paths: ['billing/**'] }", "paths: ['billing/**'], status: [deleted] }");
    expect(
      json(repoWith({ 'rollback-ready.config.yaml': `${statusFilter}\n` })).findings.filter(
        (f: { ruleId: string }) => f.ruleId === 'billing-owners',
      ),
    ).toEqual([]);
    const categoryFilter = billing.replace("paths: ['billing/**'] }", "paths: ['billing/**'], category: docs }");
    expect(
      json(repoWith({ 'rollback-ready.config.yaml': `${categoryFilter}\n` })).findings.filter(
        (f: { ruleId: string }) => f.ruleId === 'billing-owners',
      ),
    ).toEqual([]);
  });

  it('feeds the Team rules item without a checklist title, and can be turned off like any rule', () => {
    const plain = billing.replace('\n    checklist: Payments team paged', '');
    const report = json(repoWith({ 'rollback-ready.config.yaml': `${plain}\n` }));
    expect(report.checklist).toContainEqual(expect.objectContaining({ id: 'custom', title: 'Team rules', status: 'fail' }));
    const off = json(repoWith({ 'rollback-ready.config.yaml': `${plain}\nrules:\n  billing-owners: "off"\n` }));
    expect(off.findings.filter((f: { ruleId: string }) => f.ruleId === 'billing-owners')).toEqual([]);
  });
});
