// A repository can hide a change from a tool that reads it through git's defaults: submodules its own
// .gitmodules says to ignore, replace refs and grafts that swap objects and parents, file names that collide once
// decoded, configuration that changes git's output. None of them may turn a release into a "safe" one.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { decodePath, encodePath } from '../../src/git/path-bytes.js';
import type { Report } from '../../src/model/report.js';
import { buildRepo, cli, git, tempDir } from '../support/repo.js';

/** git with something on its standard input (no user or system config, as the fixture builder runs it). */
function gitIn(dir: string, args: string[], input: string | Buffer): string {
  return execFileSync('git', args, {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: dir },
  });
}

const USERS = 'CREATE TABLE users (id int PRIMARY KEY, email text);\n';
const findingsOf = (report: Report, ruleId: string) => report.findings.filter((f) => f.ruleId === ruleId);

describe('submodules', () => {
  it('lists a submodule bump that .gitmodules (ignore = all) and diff.ignoreSubmodules=all would hide', async () => {
    const gitmodules = '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.com/lib.git\n\tignore = all\n';
    const dir = buildRepo([{ tree: { '.gitmodules': gitmodules, 'README.md': 'shop\n' } }]);
    git(dir, ['update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},vendor/lib`]);
    git(dir, ['commit', '-q', '-m', 'vendor lib at a']);
    git(dir, ['tag', 'v1']);
    git(dir, ['update-index', '--cacheinfo', `160000,${'b'.repeat(40)},vendor/lib`]);
    git(dir, ['commit', '-q', '-m', 'bump vendor lib']);
    git(dir, ['tag', 'v2']);
    git(dir, ['config', 'diff.ignoreSubmodules', 'all']);

    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    expect(report.changes).toEqual([{ path: 'vendor/lib', status: 'modified', categories: ['unclassified'] }]);
    expect(report.findings[0]?.message).toMatch(/submodule/);
    expect(report.verdict).not.toBe('safe');
  });
});

/** v1 creates users; v2 adds a migration that drops it. */
function dropRelease(): string {
  return buildRepo([
    { tree: { 'migrations/001_users.sql': USERS }, tag: 'v1' },
    { tree: { 'migrations/001_users.sql': USERS, 'migrations/002_drop.sql': 'DROP TABLE users;\n' }, tag: 'v2' },
  ]);
}

describe('replace refs and grafts', () => {
  it('reads the blob a commit holds, not the one a replace ref (refs/replace/…) swaps in, also in a mirror clone', async () => {
    const source = dropRelease();
    const drop = git(source, ['rev-parse', 'v2:migrations/002_drop.sql']).trim();
    const harmless = gitIn(source, ['hash-object', '-w', '--stdin'], '-- nothing to see\n').trim();
    git(source, ['replace', drop, harmless]);
    const mirror = join(tempDir(), 'mirror.git');
    git(tempDir(), ['clone', '-q', '--mirror', source, mirror]);
    // git itself, as a user runs it, shows the swapped blob.
    expect(git(mirror, ['cat-file', 'blob', drop])).toBe('-- nothing to see\n');

    for (const dir of [source, mirror]) {
      const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
      expect(findingsOf(report, 'drop-table'), dir).toHaveLength(1);
      expect(report.verdict).toBe('blocked');
    }
  });

  it('reads the parents a commit has, not those a grafts file gives it', async () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v1' },
      { tree: { 'a.md': '2\n' }, tag: 'v2' },
      { tree: { 'a.md': '3\n' }, tag: 'v3' },
    ]);
    // The grafts file makes v3 a root commit: v1 would no longer be its ancestor, and the range would be empty.
    const v3 = git(dir, ['rev-parse', 'v3^{commit}']).trim();
    mkdirSync(join(dir, '.git', 'info'), { recursive: true });
    writeFileSync(join(dir, '.git', 'info', 'grafts'), `${v3}\n`);
    expect(git(dir, ['rev-list', '--count', 'v3'], { GIT_NO_REPLACE_OBJECTS: '1' }).trim()).toBe('1');

    const report = await analyzeRollback({ repo: dir, from: 'v3', to: 'v1' });
    expect(report.toIsAncestor).toBe(true);
    expect(report.volume.commits).toBe(2);
  });
});

describe('file names that are not UTF-8', () => {
  it('keeps a path as its bytes: decodePath and encodePath round-trip any byte string, and distinct bytes stay distinct', () => {
    const names = [
      Buffer.from('a\xfe.sql', 'latin1'),
      Buffer.from('a\xff.sql', 'latin1'),
      Buffer.from('a\uFFFD.sql'),
      Buffer.from('\uFEFFa.sql'),
      Buffer.from('a.sql'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xf0, 0x90, 0x82, 0x80, 0x80]),
    ];
    const decoded = names.map(decodePath);
    expect(new Set(decoded).size).toBe(names.length);
    for (const [i, name] of names.entries()) expect(encodePath(decoded[i]!).equals(name)).toBe(true);
    // Valid UTF-8 is its characters, as before.
    expect(decodePath(Buffer.from('dé/ü.ts'))).toBe('dé/ü.ts');
  });

  it('reads each of two files whose names differ only in a byte that is not UTF-8, and prints both apart', () => {
    const dir = buildRepo([{ tree: { 'migrations/001_users.sql': USERS }, tag: 'v1' }]);
    // Written by git itself: the file system need not allow such names.
    const add = (name: Buffer, text: string) => {
      const blob = gitIn(dir, ['hash-object', '-w', '--stdin'], text).trim();
      gitIn(dir, ['update-index', '--add', '-z', '--index-info'], Buffer.concat([Buffer.from(`100644 ${blob}\t`), name, Buffer.from([0])]));
    };
    add(Buffer.from('migrations/002_\xfe.sql', 'latin1'), 'DROP TABLE users;\n');
    add(Buffer.from('migrations/002_\xff.sql', 'latin1'), '-- nothing\n');
    git(dir, ['commit', '-q', '-m', 'two migrations']);
    git(dir, ['tag', 'v2']);

    const { code, stdout } = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.changes.map((c) => c.path)).toEqual(['migrations/002_\\xfe.sql', 'migrations/002_\\xff.sql']);
    expect(findingsOf(report, 'drop-table')).toMatchObject([{ path: 'migrations/002_\\xfe.sql' }]);
    expect(report.verdict).toBe('blocked');
  });
});

describe('the repository configuration does not change what git prints', () => {
  it('finds the default target with column.ui=always and colour forced on', async () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v1.0.0' },
      { tree: { 'a.md': '2\n' }, tag: 'v1.1.0' },
      { tree: { 'a.md': '3\n' }, tag: 'v1.2.0' },
    ]);
    git(dir, ['config', 'column.ui', 'always']);
    git(dir, ['config', 'color.ui', 'always']);
    const report = await analyzeRollback({ repo: dir, from: 'v1.2.0' });
    expect(report.to.ref).toBe('v1.1.0');
    expect(report.volume.files).toBe(1);
  });

  it('takes a release tag whose name holds $, ( or ; as the default target, by its commit', async () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'release-1' },
      { tree: { 'a.md': '2\n' }, tag: 'release-2$(id);x' },
      { tree: { 'a.md': '3\n' }, tag: 'release-3' },
    ]);
    const report = await analyzeRollback({ repo: dir, from: 'release-3' });
    expect(report.to).toEqual({ ref: 'release-2$(id);x', sha: git(dir, ['rev-parse', 'release-2$(id);x^{commit}']).trim() });
    expect(report.volume.files).toBe(1);
    // Given by hand, the same name is still refused: only characters of plain ref names pass --to.
    const { code, stderr } = cli(['--repo', dir, '--from', 'release-3', '--to', 'release-2$(id);x']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rollback-ready: --to release-2\$\(id\);x: not a valid ref/);
  });
});
