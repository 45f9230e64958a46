import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { resolveGate } from '../../src/cli/gate.js';
import { dropColumnRelease, twoReleases } from '../support/repo.js';
import { run as cli } from '../support/run.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n') + '\n';

const dropColumn = dropColumnRelease();
const styleOnly = twoReleases({ 'web/site.css': 'a { color: red; }\n' }, { 'web/site.css': 'a { color: blue; }\nb { margin: 0; }\n' });
// Four unreadable files (low each) and a big doc (release-volume): more than three findings.
const several = twoReleases(
  { 'a.md': '1\n' },
  {
    'a.md': '1\n',
    'a.bin': Buffer.from([0, 1]),
    'b.bin': Buffer.from([0, 2]),
    'c.bin': Buffer.from([0, 3]),
    'd.bin': Buffer.from([0, 4]),
    'docs/big.md': lines(600),
  },
);
const range = ['--from', 'v2', '--to', 'v1'];

describe('the gate and exit codes', () => {
  it('exits 0 without a gate, and when the gate holds', () => {
    expect(cli(['--repo', several, ...range]).code).toBe(0);
    expect(cli(['--repo', several, ...range, '--fail-on', 'high', '--max-score', '100'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 with one line naming the reason and the top three findings', () => {
    const { code, stdout, stderr } = cli(['--repo', several, ...range, '--fail-on', 'low']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Findings$/m);
    const out = stderr.trim().split('\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^rollback-ready: gate failed: 5 findings at or above low — top: /);
    const top = out[0]!.split(' — top: ')[1]!.split('; ');
    expect(top).toEqual(['low release-volume at .', 'low unclassified-change at a.bin', 'low unclassified-change at b.bin']);
  });

  it('names only the findings at or above --fail-on, not the less severe ones beside them', () => {
    const findings = JSON.parse(cli(['--repo', dropColumn, ...range, '--format', 'json']).stdout).findings as { severity: string }[];
    expect(findings.filter((f) => f.severity === 'critical')).toHaveLength(1);
    expect(findings.length).toBeGreaterThan(1);
    const { code, stderr } = cli(['--repo', dropColumn, ...range, '--fail-on', 'critical']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'rollback-ready: gate failed: 1 finding at or above critical — top: critical drop-column at migrations/002_drop_email.sql:1\n',
    );
  });

  it('exits 1 when the risk score is above --max-score, naming both reasons when both fail', () => {
    const score = JSON.parse(cli(['--repo', several, ...range, '--format', 'json']).stdout).riskScore as number;
    expect(score).toBeGreaterThan(10);
    const { code, stderr } = cli(['--repo', several, ...range, '--max-score', '10']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `rollback-ready: gate failed: risk score ${score} is above the maximum of 10 — top: low release-volume at .; low unclassified-change at a.bin; low unclassified-change at b.bin\n`,
    );
    expect(cli(['--repo', several, ...range, '--max-score', String(score)]).code).toBe(0);
    expect(cli(['--repo', several, ...range, '--max-score', '10', '--fail-on', 'low']).stderr).toMatch(
      /gate failed: 5 findings at or above low and risk score \d+ is above the maximum of 10 — top: /,
    );
  });

  it('--warn-only prints the same line and exits 0', () => {
    const failing = cli(['--repo', several, ...range, '--fail-on', 'low']);
    const warned = cli(['--repo', several, ...range, '--fail-on', 'low', '--warn-only']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toBe(failing.stdout);
    expect(warned.stderr).toBe(failing.stderr);
    expect(warned.stderr).toMatch(/^rollback-ready: gate failed: /);
  });

  it('exits 2 for usage errors, before any analysis', () => {
    for (const args of [
      ['--fail-on', 'severe'],
      ['--max-score', '-1'],
      ['--output', 'sarif'],
      ['--output', 'pdf=x.pdf'],
      ['--warn-only=yes'],
    ]) {
      const { code, stdout, stderr } = cli(['--repo', several, ...range, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  describe('acceptance: a release that drops a column', () => {
    it('is not passed by --fail-on low: the migration is at least a finding', () => {
      const { code, stderr } = cli(['--repo', dropColumn, ...range, '--fail-on', 'low']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/migrations\/002_drop_email\.sql/);
    });

    it('--fail-on high exits 1', () => {
      const { code, stderr } = cli(['--repo', dropColumn, ...range, '--fail-on', 'high']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^rollback-ready: gate failed: \d+ findings? at or above high — top: (high|critical) /);
    });

    it('a style-only release passes --fail-on high, and even --fail-on info', () => {
      const json = JSON.parse(cli(['--repo', styleOnly, ...range, '--format', 'json']).stdout);
      expect(json.changes).toEqual([{ path: 'web/site.css', status: 'modified', categories: ['style-only'] }]);
      expect(cli(['--repo', styleOnly, ...range, '--fail-on', 'high'])).toMatchObject({ code: 0, stderr: '' });
      expect(cli(['--repo', styleOnly, ...range, '--fail-on', 'info', '--max-score', '0'])).toMatchObject({ code: 0, stderr: '' });
    });
  });
});

describe('the gate in the config', () => {
  it('has gate keys with defaults, strictly checked', () => {
    expect(configSchema.parse({}).gate).toEqual({ warnOnly: false });
    expect(configSchema.parse({ gate: { failOn: 'high', maxScore: 40 } }).gate).toEqual({ failOn: 'high', maxScore: 40, warnOnly: false });
    expect(configSchema.safeParse({ gate: { failOn: 'huge' } }).success).toBe(false);
    expect(configSchema.safeParse({ gate: { maxScore: 101 } }).success).toBe(false);
    expect(configSchema.safeParse({ gate: { failon: 'high' } }).success).toBe(false);
  });

  it('is used where no flag is given; a flag wins', () => {
    const config = configSchema.parse({ gate: { failOn: 'medium', maxScore: 30, warnOnly: true } }).gate;
    expect(resolveGate({}, config)).toEqual({ failOn: 'medium', maxScore: 30, warnOnly: true });
    expect(resolveGate({ failOn: 'critical', maxScore: 5 }, config)).toEqual({ failOn: 'critical', maxScore: 5, warnOnly: true });
    expect(resolveGate({ warnOnly: true }, configSchema.parse({}).gate)).toEqual({
      failOn: undefined,
      maxScore: undefined,
      warnOnly: true,
    });
  });
});
