import { describe, expect, it } from 'vitest';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { TreeIndex } from '../../src/git/tree-index.js';
import { buildRepo, git } from '../support/repo.js';

describe('tree index', () => {
  it('answers which files exist, what a folder holds and what lies under it, from one listing', async () => {
    const dir = buildRepo([
      {
        tree: {
          'README.md': 'r\n',
          'src/a.ts': 'a\n',
          'src/b c.ts': 'b\n',
          'src/é.ts': 'e\n',
          'src/lib/d.ts': 'd\n',
          'src-old/x.ts': 'x\n',
          'src.ts': 's\n',
          'link.ts': { symlink: 'src/a.ts' },
          'run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
        },
        tag: 'v1',
      },
    ]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    const tree = await TreeIndex.read(repo, sha);

    expect(tree.under('src')).toEqual(['src/a.ts', 'src/b c.ts', 'src/lib/d.ts', 'src/é.ts']);
    expect(tree.under('src/')).toEqual(tree.under('src'));
    expect(tree.under('')).toHaveLength(9);
    expect(tree.under('src/a.ts')).toEqual([]);
    expect(tree.under('nope')).toEqual([]);
    expect(tree.folder('')).toEqual(new Set(['README.md', 'link.ts', 'run.sh', 'src.ts']));
    expect(tree.folder('src')).toEqual(new Set(['a.ts', 'b c.ts', 'é.ts']));
    expect(tree.folder('nope')).toEqual(new Set());
    expect(tree.isFile('src/lib/d.ts')).toBe(true);
    expect(tree.isFile('src/lib')).toBe(false);
    expect(tree.entry('run.sh')?.mode).toBe('100755');
    expect(tree.entry('link.ts')?.mode).toBe('120000');
    expect(tree.entry('src/a.ts')?.id).toBe(git(dir, ['rev-parse', 'v1:src/a.ts']).trim());
  });

  it('lists what git lists under each folder, in the same order, on a tree of many folders', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${i % 7}/q${i % 3}/${i % 2 ? 'z' : 'a'}-${i}.ts`] = `${i}\n`;
    files['p1.ts'] = '1\n';
    files['p1-x/y.ts'] = 'y\n';
    const dir = buildRepo([{ tree: files, tag: 'v1' }]);
    const repo = await openRepo(dir);
    const sha = await resolveCommit(repo, 'v1', '--from');
    const tree = await TreeIndex.read(repo, sha);
    for (const folder of ['', 'p1', 'p1/q2', 'p1-x', 'p6/q0']) {
      const listed = git(dir, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', sha, '--', ...(folder ? [`${folder}/`] : [])])
        .split('\0')
        .filter(Boolean);
      expect(tree.under(folder)).toEqual(listed);
    }
  });
});
