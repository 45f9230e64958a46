// Hostile and broken input: every case gets a bounded, clear outcome; nothing unread is called safe;
// the analysed repository is left exactly as it was.
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Report } from '../../src/model/report.js';
import { stripControl } from '../../src/util/sanitize.js';
import { FIXTURES, buildRepo, cli, git, repoState, tempDir, type FileMap } from '../support/repo.js';

const hostile = (name: string) => readFileSync(join(FIXTURES, 'hostile', name));

const ESC = '\u001b';
const NASTY_NAMES = [
  'docs/with space.md',
  'docs/quote".md',
  "docs/it's.md",
  'docs/new\nline.md',
  'docs/ünïcödé.md',
  'docs/-rf.md',
  `docs/${ESC}[31mred${ESC}[0m.md`,
  'docs/</details><img src=x>.md',
];

const base: FileMap = {
  'src/app.ts': 'export const app = 1;\n',
  'run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o644 },
};

const release: FileMap = {
  ...base,
  'run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
  'data/blob.bin': Buffer.from([0, 1, 2, 3, 255, 0, 7]),
  [`data/${ESC}[31mevil${ESC}]0;title\u0007.bin`]: Buffer.from([0, 1]),
  'db/dump.sql': `-- dump\n${'INSERT INTO t VALUES (1);\n'.repeat(800_000)}`,
  'public/app.min.js': `var a=${'1+'.repeat(1_000_000)}1;`,
  'db/invalid-utf8.sql': hostile('invalid-utf8.sql'),
  'db/utf16-bom.sql': hostile('utf16-bom.sql'),
  'src/crlf.ts': hostile('crlf.ts'),
  'src/mixed-eol.ts': hostile('mixed-eol.ts'),
  'src/empty.ts': hostile('empty.ts'),
  'db/empty.sql': hostile('empty.sql'),
  'src/syntax-error.ts': hostile('syntax-error.ts'),
  'db/syntax-error.sql': hostile('syntax-error.sql'),
  'config/syntax-error.yaml': hostile('syntax-error.yaml'),
  'config/syntax-error.json': hostile('syntax-error.json'),
  'link-out': { symlink: '../../../etc/passwd' },
  ...Object.fromEntries(NASTY_NAMES.map((name) => [name, 'hello\n'])),
};

function hostileRepo(): string {
  const dir = buildRepo([
    { tree: base, tag: 'v1' },
    { tree: release, tag: 'v2-files', message: `release with ${ESC}]0;pwned${ESC}\\ escapes and <b>html</b>` },
  ]);
  // A submodule pointer (gitlink) cannot come from a file tree: add it to the index by hand.
  git(dir, ['update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},vendor/lib`]);
  git(dir, ['commit', '-q', '-m', 'add a submodule pointer']);
  git(dir, ['tag', 'v2']);
  return dir;
}

const categoriesOf = (report: Report, path: string) => report.changes.find((c) => c.path === path)?.categories ?? [];

describe('a release full of hostile files', () => {
  const dir = hostileRepo();
  const before = repoState(dir);
  const json = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json']);
  const text = cli(['--repo', dir, '--from', 'v2', '--to', 'v1']);
  const report = JSON.parse(json.stdout) as Report;

  it('finishes with a report, exit 0, valid JSON', () => {
    expect(json.code).toBe(0);
    expect(text.code).toBe(0);
    expect(report.volume.files).toBe(
      Object.keys(release).length - 1 /* run.sh counted once */ + 1 /* vendor/lib */ - 1 /* src/app.ts unchanged */ + 1,
    );
  });

  it('gives every changed file at least one category', () => {
    for (const change of report.changes) expect(change.categories.length, change.path).toBeGreaterThan(0);
    // Printed without their control characters, in JSON too.
    expect(report.changes.map((c) => c.path)).toEqual(expect.arrayContaining(NASTY_NAMES.map(stripControl)));
  });

  it.each([
    ['data/blob.bin', /binary content/],
    ['db/dump.sql', /larger than the size limit/],
    ['db/invalid-utf8.sql', /not valid UTF-8/],
    ['src/syntax-error.ts', /syntax error/],
    // Outside a migrations folder no analyzer reads SQL: unclassified all the same.
    ['db/syntax-error.sql', /: no analyzer reads this kind of file$/],
    ['config/syntax-error.yaml', /: app config file that does not parse at from: its keys could not be compared$/],
    ['config/syntax-error.json', /: app config file that does not parse at from: its keys could not be compared$/],
    ['link-out', /symbolic link/],
    ['vendor/lib', /submodule/],
  ])('reports %s as unclassified, never safe', (path, reason) => {
    expect(categoriesOf(report, path)).toContain('unclassified');
    const finding = report.findings.find((f) => f.path === path && f.category === 'unclassified');
    expect(finding?.message).toMatch(reason);
  });

  it('reads text in other encodings and line endings', () => {
    for (const path of ['src/crlf.ts', 'src/mixed-eol.ts', 'src/empty.ts'])
      expect(categoriesOf(report, path)).not.toContain('unclassified');
  });

  it('bounds a 5 MB single-line minified file', () => {
    expect(categoriesOf(report, 'public/app.min.js').length).toBeGreaterThan(0);
  });

  it('is not safe while something was not read', () => {
    expect(report.verdict).not.toBe('safe');
    expect(report.checklist.find((c) => c.id === 'review')?.status).toBe('manual');
  });

  it('prints no terminal control sequence from file names or content', () => {
    expect(text.stdout).not.toContain(ESC);
    expect(text.stdout).toContain('data/evil.bin');
  });

  it('leaves the repository exactly as it was', () => {
    expect(repoState(dir)).toBe(before);
  });
});

describe('refs and repository shapes', () => {
  const dir = buildRepo([
    { tree: { 'a.md': '1\n' }, tag: 'v1' },
    { tree: { 'a.md': '2\n' }, tag: 'v2' },
  ]);

  it('refuses a tag that points at a blob, with the reason', () => {
    const blob = git(dir, ['rev-parse', 'v2:a.md']).trim();
    git(dir, ['tag', 'blob-tag', blob]);
    const { code, stderr } = cli(['--repo', dir, '--from', 'v2', '--to', 'blob-tag']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--to blob-tag: names a blob, not a commit/);
  });

  it('handles a branch and a tag with the same name like git does', () => {
    git(dir, ['branch', 'same', 'v1']);
    git(dir, ['tag', 'same', 'v2']);
    const report = JSON.parse(cli(['--repo', dir, '--from', 'v2', '--to', 'same', '--format', 'json']).stdout);
    expect(report.to.sha).toBe(git(dir, ['rev-parse', 'same^{commit}']).trim());
  });

  it('compares unrelated histories as trees, and says so', () => {
    const other = buildRepo([{ tree: { 'a.md': '1\n' }, tag: 'v1' }]);
    git(other, ['checkout', '-q', '--orphan', 'fresh']);
    git(other, ['rm', '-rfq', '.']);
    git(other, ['commit', '-q', '--allow-empty', '-m', 'unrelated root']);
    const report = JSON.parse(cli(['--repo', other, '--from', 'fresh', '--to', 'v1', '--format', 'json']).stdout);
    expect(report.toIsAncestor).toBe(false);
    expect(report.notes.join(' ')).toMatch(/cross-branch/);
    expect(report.changes).toEqual([{ path: 'a.md', status: 'deleted', categories: ['docs'] }]);
  });

  it('works on a detached HEAD and in a linked worktree', () => {
    const repo = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v1' },
      { tree: { 'a.md': '2\n' }, tag: 'v2' },
    ]);
    git(repo, ['checkout', '-q', '--detach', 'v2']);
    expect(JSON.parse(cli(['--repo', repo, '--format', 'json']).stdout).to.ref).toBe('v1');
    const linked = join(tempDir(), 'linked');
    git(repo, ['worktree', 'add', '-q', '--detach', linked, 'v2']);
    const before = repoState(linked);
    const report = JSON.parse(cli(['--repo', linked, '--to', 'v1', '--format', 'json']).stdout);
    expect(report.volume.files).toBe(1);
    expect(repoState(linked)).toBe(before);
  });

  it('reports a blob it cannot read (corrupt object) as unclassified and finishes', () => {
    const repo = buildRepo([
      { tree: { 'schema.sql': 'CREATE TABLE a (id INT);\n' }, tag: 'v1' },
      { tree: { 'schema.sql': 'DROP TABLE a;\n' }, tag: 'v2' },
    ]);
    const blob = git(repo, ['rev-parse', 'v2:schema.sql']).trim();
    unlinkSync(join(repo, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const { code, stdout } = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(categoriesOf(report, 'schema.sql')).toContain('unclassified');
    expect(report.verdict).not.toBe('safe');
  });

  it('counts the lines of the files it read itself when git gives up counting them (an object it cannot read)', () => {
    const repo = buildRepo([
      { tree: { 'schema.sql': 'CREATE TABLE a (id INT);\n', 'src/a.ts': 'export const a = 1;\nexport const b = 2;\n' }, tag: 'v1' },
      {
        tree: { 'schema.sql': 'DROP TABLE a;\n', 'src/a.ts': 'export const a = 1;\nexport const b = 3;\nexport const c = 4;\n' },
        tag: 'v2',
      },
    ]);
    const blob = git(repo, ['rev-parse', 'v2:schema.sql']).trim();
    unlinkSync(join(repo, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const report = JSON.parse(cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout) as Report;
    expect(report.notes.join('\n')).toMatch(/some objects could not be read.*line counts are counted from the files that could be read/);
    // src/a.ts: 2 lines the running release added, 1 it removed; the unread schema.sql counts nothing.
    expect(report.volume).toMatchObject({ insertions: 2, deletions: 1 });
    expect(report.findings.find((f) => f.ruleId === 'behaviour-reverted')?.message).toMatch(/1 code file \(3 changed lines\)/);
  });

  it('never fetches the missing blobs of a partial clone', () => {
    const source = buildRepo([
      { tree: { 'a.ts': 'export const a = 1;\n' }, tag: 'v1' },
      { tree: { 'a.ts': 'export const a = 2;\n' }, tag: 'v2' },
    ]);
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const partial = join(tempDir(), 'partial');
    git(tempDir(), ['clone', '-q', '--bare', '--filter=blob:none', `file://${source}`, partial]);
    const before = repoState(partial);
    const { code, stdout } = cli(['--repo', partial, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(categoriesOf(report, 'a.ts')).toContain('unclassified');
    expect(report.findings[0]?.message).toMatch(/could not be read from git/);
    expect(repoState(partial)).toBe(before);
  });

  it('handles 10,000 changed files in one release', { timeout: 300_000 }, () => {
    const many = (v: number): FileMap =>
      Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`docs/page${i}.md`, `page ${i} v${v}\n`]));
    const repo = buildRepo([
      { tree: many(1), tag: 'v1' },
      { tree: many(2), tag: 'v2' },
    ]);
    const report = JSON.parse(cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout) as Report;
    expect(report.volume.files).toBe(10_000);
    // Docs only: a huge but harmless release stays low, and says how big it is.
    expect(report.findings.find((f) => f.ruleId === 'release-volume')).toMatchObject({
      severity: 'low',
      message: expect.stringMatching(/10,000 files/),
    });
  });
});

describe('argument injection', () => {
  const dir = buildRepo([
    { tree: { 'a.md': '1\n' }, tag: 'v1' },
    { tree: { 'a.md': '2\n' }, tag: 'v2' },
  ]);
  const attacks: string[][] = [
    ['--from', 'v2', '--to', '--upload-pack=touch pwned'],
    ['--from', '-c core.pager=touch pwned', '--to', 'v1'],
    ['--from', 'v2', '--to=--output=pwned'],
    ['--from', 'v2', '--to', 'HEAD:../../etc/passwd'],
    ['--from', 'v2', '--to', 'v1 --output=pwned'],
    ['--from', '$(touch pwned)', '--to', 'v1'],
    ['--from', '`touch pwned`', '--to', 'v1'],
  ];

  it.each(attacks)('%s %s %s %s is refused before git runs, and nothing is written', (...args) => {
    const cwd = tempDir();
    const before = repoState(dir);
    const { code, stderr } = cli(['--repo', dir, ...args], { cwd });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(repoState(dir)).toBe(before);
  });

  it('refuses a --repo that looks like an option', () => {
    const cwd = tempDir();
    for (const args of [['--repo', '--upload-pack=touch pwned'], ['--repo=--upload-pack=touch pwned']]) {
      const { code, stderr } = cli([...args, '--to', 'v1'], { cwd });
      expect(code).toBe(2);
      expect(stderr).toMatch(/ambiguous|no such folder/);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('limits', () => {
  it('reports analyzers the time budget did not reach, and still finishes', async () => {
    const dir = buildRepo([
      { tree: { 'a.ts': 'export const a = 1;\n' }, tag: 'v1' },
      { tree: { 'a.ts': 'export const a = 2;\n' }, tag: 'v2' },
    ]);
    // The clock is moved on by hand: the slow analyzer takes 60 ms of the budget's 50, whatever the machine.
    let now = 0;
    const slow = { name: 'slow', analyze: () => ((now += 60), []) };
    const late = {
      name: 'late',
      analyze: () => [{ kind: 'file.classified' as const, path: 'a.ts', category: 'code-change' as const, reason: 'x' }],
    };
    const report = await analyzeRollback({
      repo: dir,
      from: 'v2',
      to: 'v1',
      config: { limits: { timeBudgetSeconds: 0.05 } },
      analyzers: [slow, late],
      clock: () => now,
    });
    const skipped = report.findings.find((f) => f.path === '.' && f.category === 'unclassified');
    expect(skipped?.message).toMatch(/the late analyzer did not run: the time budget of 0\.05s \(limits\.timeBudgetSeconds\) ran out/);
    expect(report.verdict).not.toBe('safe');
  });

  it('honours a smaller size limit', async () => {
    const dir = buildRepo([
      { tree: { 'a.ts': 'export const a = 1;\n' }, tag: 'v1' },
      { tree: { 'a.ts': `export const a = ${'1 + '.repeat(100)}1;\n` }, tag: 'v2' },
    ]);
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config: { limits: { maxFileBytes: 100 } } });
    expect(report.changes[0]!.categories).toEqual(['unclassified']);
    expect(report.findings[0]!.message).toMatch(/larger than the size limit/);
  });
});
