import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore, decodeText, MIN_BLOBS_FOR_BULK } from '../src/git/blobs.js';
import { changedFiles } from '../src/git/diff.js';
import { ancestry, commitsBetween, resolveCommit } from '../src/git/refs.js';
import { openRepo } from '../src/git/repo.js';
import { listReleaseTags, previousRelease, versionOf } from '../src/git/tags.js';
import { UsageError } from '../src/util/errors.js';
import { buildRepo, git, tempDir, twoReleases } from './support/repo.js';

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`).join('\n') + '\n';

describe('changed files', () => {
  const repoDir = twoReleases(
    {
      'keep.ts': 'export const a = 1;\n',
      'gone.txt': 'bye\n',
      'old-name.ts': lines(30, 'moved'),
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      'link-or-file': 'plain file\n',
    },
    {
      'keep.ts': 'export const a = 2;\nexport const b = 3;\n',
      'new.sql': 'CREATE TABLE t (id INT);\n',
      'new-name.ts': lines(30, 'moved') + 'one more\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9]),
      'link-or-file': { symlink: 'keep.ts' },
    },
  );

  it('lists every status with paths at both sides, line counts and binary flags', async () => {
    const repo = await openRepo(repoDir);
    const from = await resolveCommit(repo, 'v2', '--from');
    const to = await resolveCommit(repo, 'v1', '--to');
    const { files, renamesCutShort, lineCounts } = await changedFiles(repo, from, to);
    expect(renamesCutShort).toBe(false);
    // Line counts arrive from a second git process.
    expect(await lineCounts).toBe(true);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['gone.txt', 'keep.ts', 'link-or-file', 'logo.png', 'new-name.ts', 'new.sql']);
    expect(byPath['keep.ts']).toMatchObject({ status: 'modified', insertions: 2, deletions: 1, binary: false });
    expect(byPath['new.sql']).toMatchObject({ status: 'added', insertions: 1, deletions: 0 });
    expect(byPath['new.sql']!.toBlob).toBeUndefined();
    expect(byPath['gone.txt']).toMatchObject({ status: 'deleted', deletions: 1 });
    expect(byPath['gone.txt']!.fromBlob).toBeUndefined();
    expect(byPath['new-name.ts']).toMatchObject({ status: 'renamed', oldPath: 'old-name.ts', insertions: 1, deletions: 0 });
    expect(byPath['logo.png']).toMatchObject({ status: 'modified', binary: true });
    expect(byPath['link-or-file']).toMatchObject({ status: 'type-changed', fromMode: '120000', toMode: '100644' });
  });

  it('is the reverse diff when the refs are swapped', async () => {
    const repo = await openRepo(repoDir);
    const v1 = await resolveCommit(repo, 'v1', '--from');
    const v2 = await resolveCommit(repo, 'v2', '--to');
    const { files } = await changedFiles(repo, v1, v2);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(byPath['new.sql']).toMatchObject({ status: 'deleted' });
    expect(byPath['gone.txt']).toMatchObject({ status: 'added' });
    expect(byPath['old-name.ts']).toMatchObject({ status: 'renamed', oldPath: 'new-name.ts' });
  });
});

describe('refs', () => {
  const repoDir = buildRepo([
    { tree: { 'a.txt': '1\n' }, tag: 'v1.0.0' },
    { tree: { 'a.txt': '2\n' }, tag: 'v1.1.0' },
    { tree: { 'a.txt': '3\n' }, tag: 'v1.10.0' },
    { tree: { 'a.txt': '4\n' } },
  ]);

  it.each(['--output=x', '-c', '--upload-pack=touch x', 'HEAD:../../etc/passwd', 'a b', 'v1..v2', ''])('rejects %j before git sees it', async (ref) => {
    const repo = await openRepo(repoDir);
    await expect(resolveCommit(repo, ref, '--to')).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects a ref that does not exist, saying how to find one', async () => {
    const repo = await openRepo(repoDir);
    await expect(resolveCommit(repo, 'v9.9.9', '--to')).rejects.toThrow(/no such ref or commit.*git tag/);
  });

  it('rejects a tag that points at a tree', async () => {
    const dir = buildRepo([{ tree: { 'a.txt': '1\n' }, tag: 'v1' }]);
    const tree = git(dir, ['rev-parse', 'HEAD^{tree}']).trim();
    git(dir, ['tag', 'tree-tag', tree]);
    const repo = await openRepo(dir);
    await expect(resolveCommit(repo, 'tree-tag', '--to')).rejects.toThrow(/names a tree, not a commit/);
    expect((await listReleaseTags(repo)).map((t) => t.name)).toEqual(['v1']);
  });

  it('says which way the history goes', async () => {
    const repo = await openRepo(repoDir);
    const v1 = await resolveCommit(repo, 'v1.0.0', '--to');
    const v2 = await resolveCommit(repo, 'v1.10.0', '--from');
    expect(await ancestry(repo, v2, v1)).toEqual({ commits: 2, behind: 0, toIsAncestor: true });
    expect(await ancestry(repo, v1, v2)).toEqual({ commits: 0, behind: 2, toIsAncestor: false });
    expect((await commitsBetween(repo, v2, v1)).map((c) => c.subject)).toEqual(['release v1.10.0', 'release v1.1.0']);
  });

  it('finds the previous release by semver, not by name', async () => {
    const repo = await openRepo(repoDir);
    const head = await resolveCommit(repo, 'HEAD', '--from');
    expect((await previousRelease(repo, head))?.name).toBe('v1.10.0');
    const tagged = await resolveCommit(repo, 'v1.10.0', '--from');
    expect((await previousRelease(repo, tagged))?.name).toBe('v1.1.0');
    const first = await resolveCommit(repo, 'v1.0.0', '--from');
    expect(await previousRelease(repo, first)).toBeUndefined();
  });

  it('reads versions behind service prefixes', () => {
    expect(versionOf('v1.2.3')).toBe('1.2.3');
    expect(versionOf('api@1.4.0')).toBe('1.4.0');
    expect(versionOf('api/v1.4.0')).toBe('1.4.0');
    expect(versionOf('api-v1.4.0')).toBe('1.4.0');
    expect(versionOf('release-candidate')).toBeUndefined();
  });

  it('works on a bare clone', async () => {
    const bare = `${tempDir()}/bare.git`;
    git(tempDir(), ['clone', '-q', '--bare', repoDir, bare]);
    const repo = await openRepo(bare);
    expect(repo.bare).toBe(true);
    const from = await resolveCommit(repo, 'v1.10.0', '--from');
    const to = await resolveCommit(repo, 'v1.0.0', '--to');
    expect((await changedFiles(repo, from, to)).files.map((f) => f.path)).toEqual(['a.txt']);
  });

  it('tells a shallow clone how to fetch the missing history', async () => {
    const shallow = `${tempDir()}/shallow`;
    git(tempDir(), ['clone', '-q', '--depth', '1', '--no-tags', `file://${repoDir}`, shallow]);
    const repo = await openRepo(shallow);
    expect(repo.shallow).toBe(true);
    await expect(resolveCommit(repo, 'v1.0.0', '--to')).rejects.toThrow(/shallow clone.*git fetch --unshallow.*fetch-depth: 0/);
  });

  it('refuses a folder that is not a repository', async () => {
    await expect(openRepo(tempDir())).rejects.toThrow(/is not a git repository/);
    await expect(openRepo('/no/such/folder')).rejects.toThrow(/no such folder/);
  });
});

describe('blob store', () => {
  it('reads many blobs through one process, with limits and binary detection', async () => {
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = `file ${i}\n`;
    files['big.txt'] = 'x'.repeat(5000);
    files['bin.dat'] = Buffer.from([1, 0, 2]);
    files['latin1.txt'] = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    const dir = buildRepo([{ tree: files, tag: 'v1' }]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    const store = new BlobStore(repo, 1000);
    try {
      const all = await Promise.all(Array.from({ length: 300 }, (_, i) => store.readPath(sha, `f${i}.txt`)));
      expect(all.map((b) => b.text)).toEqual(Array.from({ length: 300 }, (_, i) => `file ${i}\n`));
      expect(await store.readPath(sha, 'big.txt')).toEqual({ size: 5000, unreadable: 'too-large' });
      expect(await store.readPath(sha, 'bin.dat')).toMatchObject({ unreadable: 'binary' });
      expect(await store.readPath(sha, 'latin1.txt')).toMatchObject({ unreadable: 'not-utf8' });
      expect(await store.readPath(sha, 'nope.txt')).toMatchObject({ unreadable: 'missing' });
      expect((await store.readPath(sha, 'f7.txt')).text).toBe('file 7\n');
    } finally {
      store.close();
    }
  });

  it('lists the files of one folder from its tree object, and reads a large body split over many chunks', async () => {
    const big = 'y'.repeat(3 * 1024 * 1024);
    const dir = buildRepo([
      { tree: { 'README.md': 'r\n', 'src/a.ts': 'a\n', 'src/b c.ts': 'b\n', 'src/é.ts': 'e\n', 'src/lib/d.ts': 'd\n', 'dump.sql': big }, tag: 'v1' },
    ]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    const store = new BlobStore(repo, 10 * 1024 * 1024);
    try {
      expect(await store.listFolder(sha, '')).toEqual(new Set(['README.md', 'dump.sql']));
      expect(await store.listFolder(sha, 'src')).toEqual(new Set(['a.ts', 'b c.ts', 'é.ts']));
      expect(await store.listFolder(sha, 'src/lib/')).toEqual(new Set(['d.ts']));
      expect(await store.listFolder(sha, 'nope')).toEqual(new Set());
      expect(await store.listFolder(sha, 'README.md')).toEqual(new Set());
      expect((await store.readPath(sha, 'dump.sql')).text).toBe(big);
    } finally {
      store.close();
    }
  });

  describe('bulk read (prefetch)', () => {
    // Enough blobs for the bulk path, with each kind of answer among them and a body larger than a file chunk.
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < MIN_BLOBS_FOR_BULK + 50; i++) files[`f${i}.txt`] = `file ${i}\n`;
    files['big.txt'] = 'x'.repeat(5000);
    files['huge.sql'] = 'z'.repeat(9 * 1024 * 1024);
    files['bin.dat'] = Buffer.from([1, 0, 2]);
    files['latin1.txt'] = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    const dir = buildRepo([{ tree: files, tag: 'v1' }]);
    const blobIds = () => git(dir, ['ls-tree', '-r', 'v1']).trim().split('\n').map((line) => line.split(/\s+/)[2]!);

    /** Every blob read one by one through the long-lived process, then through a prefetch, with TMPDIR set. */
    async function bothWays(tmp: string, maxBytes: number) {
      const repo = await openRepo(dir);
      const ids = [...blobIds(), 'f'.repeat(40)];
      const plain = new BlobStore(repo, maxBytes);
      const bulk = new BlobStore(repo, maxBytes);
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      try {
        const expected = await Promise.all(ids.map((id) => plain.read(id)));
        await bulk.prefetch(ids);
        const got = await Promise.all(ids.map((id) => bulk.read(id)));
        const shared = ids.map((id) => bulk.sharedBytes(id));
        return { expected, got, reads: bulk.reads, inBulk: bulk.bulkReads, ids, shared };
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
        plain.close();
        bulk.close();
      }
    }

    it('gives the same contents as reading one by one, and leaves no file behind', async () => {
      const tmp = tempDir();
      const { expected, got, reads, inBulk, ids } = await bothWays(tmp, 10 * 1024 * 1024);
      expect(got).toEqual(expected);
      expect(reads).toBe(ids.length);
      expect(inBulk).toBe(ids.length);
      expect(got.filter((c) => c.text !== undefined).length).toBe(ids.length - 3);
      expect(new Set(got.map((c) => c.unreadable).filter(Boolean))).toEqual(new Set(['binary', 'not-utf8', 'missing']));
      expect(got.find((c) => c.size === 9 * 1024 * 1024)?.text?.length).toBe(9 * 1024 * 1024);
      expect(readdirSync(tmp)).toEqual([]);
    });

    it('keeps the raw bytes of every body, in shared memory, for the worker threads', async () => {
      const { got, shared } = await bothWays(tempDir(), 10 * 1024 * 1024);
      // Each body in one chunk, the one larger than a chunk too; the id missing from git has no bytes.
      expect(shared.every((b, i) => (b === undefined) === (got[i]!.unreadable === 'missing'))).toBe(true);
      expect(shared.every((b) => b === undefined || b.buffer instanceof SharedArrayBuffer)).toBe(true);
      shared.forEach((bytes, i) => {
        if (bytes && got[i]!.text !== undefined) expect(bytes.toString('utf8')).toBe(got[i]!.text);
      });
      expect(shared[got.findIndex((c) => c.size === 9 * 1024 * 1024)]?.length).toBe(9 * 1024 * 1024);
      // Over the size limit: never read.
      const limited = await bothWays(tempDir(), 1000);
      expect(limited.shared[limited.got.findIndex((c) => c.size === 9 * 1024 * 1024)]).toBeUndefined();
    });

    it('skips bodies over the size limit, as the process does', async () => {
      const { expected, got, inBulk, ids } = await bothWays(tempDir(), 1000);
      expect(got).toEqual(expected);
      expect(inBulk).toBe(ids.length);
      expect(got.filter((c) => c.unreadable === 'too-large').map((c) => c.size).sort()).toEqual([5000, 9 * 1024 * 1024]);
    });

    it('falls back to the process when no temporary file can be made', async () => {
      const { expected, got, inBulk } = await bothWays(join(tempDir(), 'not', 'there'), 10 * 1024 * 1024);
      expect(got).toEqual(expected);
      expect(inBulk).toBe(0);
    });
  });

  it('decodes UTF-16 with a byte order mark and strips a UTF-8 one', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]))).toBe('héllo');
    expect(decodeText(Buffer.from('\ufeffhi', 'utf8'))).toBe('hi');
  });
});
