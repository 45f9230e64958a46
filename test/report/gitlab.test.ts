import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { toCodeQuality } from '../../src/report/gitlab.js';
import { cli, twoReleases } from '../support/repo.js';

// The fields GitLab reads from a Code Quality report (docs: "Code Quality report format").
const codeQualitySchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true }).compile(codeQualitySchema);
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n') + '\n';

const release = twoReleases(
  { 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n', 'src/ok.ts': 'export const a = 1;\n' },
  {
    'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
    'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    'src/ok.ts': 'export const a = 1;\nexport const = ;\n',
    'docs/big.md': lines(600),
  },
);

describe('--format gitlab', () => {
  it('writes a Code Quality report GitLab accepts, one issue per finding', () => {
    const report = JSON.parse(cli(['--repo', release, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout);
    const { code, stdout } = cli(['--repo', release, '--from', 'v2', '--to', 'v1', '--format', 'gitlab']);
    expect(code).toBe(0);
    const issues = JSON.parse(stdout);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues).toHaveLength(report.findings.length);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues).toContainEqual(
      expect.objectContaining({
        check_name: 'unclassified-change',
        severity: 'minor',
        location: { path: 'src/ok.ts', lines: { begin: 2 } },
        description: expect.stringMatching(/src\/ok\.ts was not understood: TypeScript\/JavaScript syntax error/),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        check_name: 'drop-column',
        severity: 'blocker',
        location: { path: 'migrations/002_drop_email.sql', lines: { begin: 1 } },
      }),
    );
  });

  it('maps severities to GitLab levels and anchors release-level findings at a file', () => {
    const issues = JSON.parse(cli(['--repo', release, '--from', 'v2', '--to', 'v1', '--format', 'gitlab']).stdout);
    const volume = issues.find((i: { check_name: string }) => i.check_name === 'release-volume');
    expect(volume).toMatchObject({
      severity: 'minor',
      location: { path: 'docs/big.md', lines: { begin: 1 } },
      description: expect.stringMatching(/\(whole release\)$/),
    });
  });

  it('maps every severity, as configured, to its GitLab level', async () => {
    const expected = { info: 'info', low: 'minor', medium: 'major', high: 'critical', critical: 'blocker' } as const;
    for (const [severity, level] of Object.entries(expected)) {
      const report = await analyzeRollback({ repo: release, from: 'v2', to: 'v1', config: { rules: { 'unclassified-change': severity } } });
      const issues = toCodeQuality(report).filter((i) => i.check_name === 'unclassified-change');
      expect(issues.length).toBeGreaterThan(0);
      expect(
        issues.every((i) => i.severity === level),
        severity,
      ).toBe(true);
    }
  });

  it('is an empty array for a release with nothing to report', () => {
    const quiet = twoReleases({ 'a.css': 'a { color: red; }\n' }, { 'a.css': 'a { color: blue; }\n' });
    expect(JSON.parse(cli(['--repo', quiet, '--from', 'v2', '--to', 'v1', '--format', 'gitlab']).stdout)).toEqual([]);
  });
});
