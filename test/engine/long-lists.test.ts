// A repository decides how long the lists an analyzer builds are: the statements of one migration, the exports of
// one generated module, the variables one file reads. An analyzer that spread such a list into a call's arguments
// overflowed the stack, failed, and lost all it had read (a DROP TABLE among them). The CLI runs here on a small
// stack, so that lists of a size a test builds quickly overflow it as the lists of a real repository overflow the
// default one.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { append } from '../../src/util/arrays.js';
import { BIN, ROOT, buildRepo } from '../support/repo.js';

/** The CLI's JSON report, with a stack of `stackKb` (V8's default is 984 KB). */
function reportOnSmallStack(args: string[], stackKb = 100): Report {
  const run = spawnSync(process.execPath, [`--stack-size=${stackKb}`, BIN, ...args, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined },
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

const failed = (report: Report) => report.findings.filter((f) => /analyzer failed/.test(f.message)).map((f) => f.message);
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('');

describe('lists as long as the repository makes them', () => {
  it('append takes more items than a call takes arguments', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(append([-1], many)).toHaveLength(500_001);
  });

  it('a migration of 21,000 statements: the DROP TABLE at its end is read', () => {
    const users = 'CREATE TABLE users (id int PRIMARY KEY);\n';
    const dir = buildRepo([
      { tree: { 'migrations/001_users.sql': users }, tag: 'v1' },
      {
        tree: {
          'migrations/001_users.sql': users,
          'migrations/002_batches.sql': `${lines(7000, () => 'BEGIN; SELECT 1; END;\n')}DROP TABLE users;\n`,
        },
        tag: 'v2',
      },
    ]);
    const report = reportOnSmallStack(['--repo', dir, '--from', 'v2', '--to', 'v1']);
    expect(failed(report)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'drop-table')).toMatchObject([{ path: 'migrations/002_batches.sql' }]);
    expect(report.verdict).toBe('blocked');
  });

  it('a published module with 20,000 exports the rollback removes: each is reported', () => {
    const manifest = JSON.stringify({ name: 'lib', version: '1.0.0', main: 'src/index.ts' });
    const dir = buildRepo([
      { tree: { 'package.json': manifest, 'src/index.ts': 'export const keep = 1;\n' }, tag: 'v1' },
      {
        tree: { 'package.json': manifest, 'src/index.ts': `export const keep = 1;\n${lines(20_000, (i) => `export const a${i} = 1;\n`)}` },
        tag: 'v2',
      },
    ]);
    const report = reportOnSmallStack(['--repo', dir, '--from', 'v2', '--to', 'v1']);
    expect(failed(report)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'export-removed')).toHaveLength(20_000);
    expect(report.verdict).toBe('blocked');
  });

  it('older code that reads 20,000 variables the running release does not: each is reported', () => {
    const dir = buildRepo([
      { tree: { 'src/index.ts': `export const keep = 1;\n${lines(20_000, (i) => `process.env.V${i};\n`)}` }, tag: 'v1' },
      { tree: { 'src/index.ts': 'export const keep = 1;\n' }, tag: 'v2' },
    ]);
    const report = reportOnSmallStack(['--repo', dir, '--from', 'v2', '--to', 'v1']);
    expect(failed(report)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'env-var-needed')).toHaveLength(20_000);
  });
});
