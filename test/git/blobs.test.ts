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

  it('tells a read whose git process could not run from an object git does not have', async () => {
    const dir = buildRepo([{ tree: { 'a.txt': 'a\n' }, tag: 'v1' }]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    // git cannot start in a folder that is gone: every read fails, and none may read as a file that is not there.
    const store = new BlobStore({ ...repo, dir: `${dir}-gone` }, 1000);
    try {
      expect(await store.readPath(sha, 'a.txt')).toEqual({ size: 0, unreadable: 'failed' });
      expect(await store.read('0'.repeat(40))).toEqual({ size: 0, unreadable: 'failed' });
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

describe('the bytes of a blob already read as text', () => {
  // Encodings whose text does or does not give the bytes back: UTF-8 with multi-byte characters, a UTF-8 byte-order
  // mark, UTF-16 whose text is as long in UTF-8 as the file (one ASCII and three CJK characters: 10 bytes either
  // way), Latin-1, a NUL byte, and a file over the size limit.
  const files: Record<string, Buffer> = {
    'utf8.ts': Buffer.from("const s = 'héllo 日本';\n"),
    'bom.ts': Buffer.from("\ufeffconst b = 'x';\n"),
    'utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a日本語', 'utf16le')]),
    'latin.ts': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'nul.ts': Buffer.from([0x61, 0x00, 0x62]),
    'big.ts': Buffer.from(`// ${'z'.repeat(300)}\n`),
  };

  it('are the bytes git has, and git is asked again only when the text does not give them back', async () => {
    expect(Buffer.from('a日本語', 'utf8').length).toBe(files['utf16.ts']!.length);
    const dir = buildRepo([{ tree: files, tag: 'v1' }]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    const ids = Object.fromEntries(
      await Promise.all(Object.keys(files).map(async (path) => [path, (await repo.git.revparse([`${sha}:${path}`])).trim()] as const)),
    );
    const store = new BlobStore(repo, 100);
    const asked: string[] = [];
    const request = (store as unknown as { request: (spec: string, max?: number) => Promise<unknown> }).request.bind(store);
    (store as unknown as { request: typeof request }).request = (spec, max) => {
      asked.push(spec);
      return request(spec, max);
    };
    try {
      for (const path of Object.keys(files)) await store.read(ids[path]!);
      asked.length = 0;
      for (const [path, bytes] of Object.entries(files)) expect(await store.readBytes(ids[path]!), path).toEqual(bytes);
      expect(asked.map((id) => Object.keys(ids).find((path) => ids[path] === id)).sort()).toEqual([
        'big.ts',
        'bom.ts',
        'latin.ts',
        'nul.ts',
        'utf16.ts',
      ]);
    } finally {
      store.close();
    }
  });
});
