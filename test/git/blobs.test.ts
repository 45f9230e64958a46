import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore, decodeText, MIN_BLOBS_FOR_BULK } from '../../src/git/blobs.js';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { buildRepo, git, tempDir } from '../support/repo.js';

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
      {
        tree: { 'README.md': 'r\n', 'src/a.ts': 'a\n', 'src/b c.ts': 'b\n', 'src/é.ts': 'e\n', 'src/lib/d.ts': 'd\n', 'dump.sql': big },
        tag: 'v1',
      },
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
    const blobIds = () =>
      git(dir, ['ls-tree', '-r', 'v1'])
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[2]!);

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
      expect(
        got
          .filter((c) => c.unreadable === 'too-large')
          .map((c) => c.size)
          .sort(),
      ).toEqual([5000, 9 * 1024 * 1024]);
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
