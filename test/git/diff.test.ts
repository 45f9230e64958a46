import { describe, expect, it } from 'vitest';
import { changedFiles } from '../../src/git/diff.js';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { twoReleases } from '../support/repo.js';

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
    const { files, renamesCutShort } = await changedFiles(repo, from, to);
    expect(renamesCutShort).toBe(false);
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
