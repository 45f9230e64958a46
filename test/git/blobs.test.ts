import { describe, expect, it } from 'vitest';
import { BlobStore, decodeText } from '../../src/git/blobs.js';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { buildRepo } from '../support/repo.js';

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

  it('decodes UTF-16 with a byte order mark and strips a UTF-8 one', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]))).toBe('héllo');
    expect(decodeText(Buffer.from('\ufeffhi', 'utf8'))).toBe('hi');
  });
});
