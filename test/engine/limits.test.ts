// Time and memory stay bounded whatever the repository holds: globs in its configuration are matched in time
// linear in the path, and every limit of the configuration holds.
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyzers/analyzer.js';
import { filesAnalyzer } from '../../src/analyzers/files/analyzer.js';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { buildRepo, cli } from '../support/repo.js';

/** picomatch compiles this to a regular expression that backtracks for hours on a long name without a `b`. */
const HOSTILE_GLOB = `${'*a'.repeat(16)}*b`;
const LONG_NAME = 'a'.repeat(240);

describe('a glob that backtracks, in every place the configuration takes one', () => {
  const config = {
    ignore: [HOSTILE_GLOB],
    customRules: [{ id: 'team-rule', description: 'the team rule', when: { paths: [HOSTILE_GLOB] }, severity: 'low', message: 'changed' }],
    api: { specs: [HOSTILE_GLOB], routeRoots: [HOSTILE_GLOB] },
    migrations: { paths: [HOSTILE_GLOB] },
    contracts: { entries: [HOSTILE_GLOB] },
    tagPattern: HOSTILE_GLOB,
  };
  // The configuration is the target's, as in a repository that carries it.
  const dir = buildRepo([
    {
      tree: {
        'rollback-ready.config.json': JSON.stringify(config),
        'src/app.ts': 'export const app = 1;\n',
        [`${LONG_NAME}/${LONG_NAME}`]: 'x\n',
      },
      tag: LONG_NAME,
    },
    {
      tree: {
        'rollback-ready.config.json': JSON.stringify(config),
        'src/app.ts': 'export const app = 2;\n',
        [`${LONG_NAME}/${LONG_NAME}.ts`]: 'export const x = 1;\n',
      },
      tag: 'v2',
    },
  ]);

  it('analyses the release: ignore, custom rules, spec, route, migration and entry globs', async () => {
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: LONG_NAME });
    expect(report.volume.files).toBe(3);
    expect(report.findings.some((f) => f.ruleId === 'team-rule')).toBe(false);
  });

  it('looks for the default target with it as the tag pattern', () => {
    const { code, stderr } = cli(['--repo', dir, '--from', 'v2']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no release tag before v2 matching \*a\*a/);
  });
});

// The analysis reads the time from a clock the tests move on by hand: what runs out of time does not depend on
// how fast the machine is.
describe('limits.timeBudgetSeconds', () => {
  it('reads no file after the budget has run out, also in an analyzer that started before: each is reported unread', async () => {
    const dir = buildRepo([
      { tree: { 'docs/a.md': '1\n', 'docs/b.md': '1\n', 'src/c.ts': 'export const c = 1;\n' }, tag: 'v1' },
      { tree: { 'docs/a.md': '2\n', 'docs/b.md': '2\n', 'src/c.ts': 'export const c = 2;\n' }, tag: 'v2' },
    ]);
    // The files analyzer, started in time, gets to the files only once the budget has run out.
    let now = 0;
    let startedInTime: boolean | undefined;
    const late: Analyzer = {
      name: 'files',
      analyze: (release) => {
        startedInTime = !release.outOfTime();
        now += 2_001;
        return filesAnalyzer.analyze(release, new Map());
      },
    };
    const report = await analyzeRollback({
      repo: dir,
      from: 'v2',
      to: 'v1',
      config: { limits: { timeBudgetSeconds: 2 } },
      analyzers: [late],
      clock: () => now,
    });
    expect(startedInTime).toBe(true);
    for (const path of ['docs/a.md', 'docs/b.md', 'src/c.ts']) {
      expect(report.changes.find((c) => c.path === path)?.categories, path).toEqual(['unclassified']);
      expect(report.findings.find((f) => f.path === path)?.message, path).toMatch(
        /not read: the time budget \(limits\.timeBudgetSeconds\) ran out first/,
      );
    }
    expect(report.verdict).not.toBe('safe');
  });

  it('stops parsing scripts at the deadline: the scripts left are not read, and the analysis says so', async () => {
    const release = (value: number) =>
      Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/m${i}.ts`, `export const v${i} = ${value};\n`]));
    const dir = buildRepo([
      { tree: release(1), tag: 'v1' },
      { tree: release(2), tag: 'v2' },
    ]);
    let now = 0;
    const read: string[] = [];
    // Each script takes a second to read: the budget of 2 s runs out after the third.
    const slow: Analyzer = {
      name: 'slow',
      readScript: ({ file }) => {
        read.push(file.path);
        now += 1_000;
        return undefined;
      },
      analyze: () => [],
    };
    const report = await analyzeRollback({
      repo: dir,
      from: 'v2',
      to: 'v1',
      config: { limits: { timeBudgetSeconds: 2 } },
      analyzers: [slow, filesAnalyzer],
      clock: () => now,
    });
    expect(read).toEqual(['src/m0.ts', 'src/m1.ts', 'src/m2.ts']);
    expect(report.findings.some((f) => /the files analyzer did not run: the time budget of 2s/.test(f.message))).toBe(true);
    expect(report.verdict).not.toBe('safe');
  });
});

describe('repository text quoted in a report', () => {
  it('is bounded: a 100 KB line of .nvmrc, a 100 KB custom rule message and remediation', async () => {
    const secretish = `ghp_${'x'.repeat(100_000)}`;
    const config = {
      customRules: [
        {
          id: 'big',
          description: 'big',
          when: { paths: ['**'] },
          severity: 'low',
          message: 'm'.repeat(100_000),
          remediation: 'r'.repeat(100_000),
        },
      ],
    };
    const dir = buildRepo([
      { tree: { '.nvmrc': '20.1.0\n', 'rollback-ready.config.json': JSON.stringify(config) }, tag: 'v1' },
      { tree: { '.nvmrc': `18.0.0 # ${secretish}\n`, 'rollback-ready.config.json': JSON.stringify(config) }, tag: 'v2' },
    ]);
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    const runtime = report.findings.find((f) => f.ruleId === 'runtime-downgrade');
    // The version is the first word of the line; the comment is not quoted at all.
    expect(runtime?.message).toMatch(/from 18\.0\.0 to 20\.1\.0/);
    expect(JSON.stringify(report)).not.toContain('ghp_');
    const custom = report.findings.find((f) => f.ruleId === 'big');
    expect(custom?.message.length).toBe(600);
    expect(custom?.message.endsWith('…')).toBe(true);
    expect(custom?.remediation?.length).toBe(600);
    for (const f of report.findings) expect(f.message.length + (f.evidence?.length ?? 0), f.ruleId).toBeLessThanOrEqual(2600);
  });
});

// Sizes that took minutes when the SQL reader was quadratic in them (215 s for the nested blocks, 29 s for the
// CASE expressions): read to the end in one pass now, the DROP TABLE after them included.
describe('SQL shaped to make a reader quadratic', () => {
  const users = 'CREATE TABLE users (id int PRIMARY KEY);\n';
  const drops = async (sql: string) => {
    const dir = buildRepo([
      { tree: { 'migrations/001_users.sql': users }, tag: 'v1' },
      { tree: { 'migrations/001_users.sql': users, 'migrations/002_hostile.sql': `${sql}\nDROP TABLE users;\n` }, tag: 'v2' },
    ]);
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    return report.findings.filter((f) => f.ruleId === 'drop-table').map((f) => f.path);
  };

  it.each([
    ['5 MB of nested BEGIN … END in a procedure', `CREATE PROCEDURE p() ${'BEGIN '.repeat(450_000)}SELECT 1; ${'END; '.repeat(450_000)}`],
    ['5 MB of nested BEGIN … END in a DO block', `DO $$ ${'BEGIN '.repeat(450_000)}PERFORM 1; ${'END; '.repeat(450_000)}$$;`],
    ['CASE WHEN nested 100,000 deep', `UPDATE users SET id = ${'CASE WHEN id = 1 THEN 2 '.repeat(100_000)}0${' END'.repeat(100_000)};`],
    ['CASE with 100,000 WHENs', `UPDATE users SET id = CASE ${'WHEN id = 1 THEN 2 '.repeat(100_000)}END;`],
  ])('%s', async (_what, sql) => {
    expect(await drops(sql)).toEqual(['migrations/002_hostile.sql']);
  });
});
