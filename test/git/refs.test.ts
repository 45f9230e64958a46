import { describe, expect, it } from 'vitest';
import { changedFiles } from '../../src/git/diff.js';
import { ancestry, commitsBetween, resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { listReleaseTags, previousRelease, sortReleases, tagSeries, versionOf } from '../../src/git/tags.js';
import { UsageError } from '../../src/util/errors.js';
import { buildRepo, git, tempDir } from '../support/repo.js';

describe('refs', () => {
  const repoDir = buildRepo([
    { tree: { 'a.txt': '1\n' }, tag: 'v1.0.0' },
    { tree: { 'a.txt': '2\n' }, tag: 'v1.1.0' },
    { tree: { 'a.txt': '3\n' }, tag: 'v1.10.0' },
    { tree: { 'a.txt': '4\n' } },
  ]);

  it.each(['--output=x', '-c', '--upload-pack=touch x', 'HEAD:../../etc/passwd', 'a b', 'v1..v2', ''])(
    'rejects %j before git sees it',
    async (ref) => {
      const repo = await openRepo(repoDir);
      await expect(resolveCommit(repo, ref, '--to')).rejects.toBeInstanceOf(UsageError);
    },
  );

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

  it('takes a prerelease for the previous release only when a tag pattern asks for it', async () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v2.0.0' },
      { tree: { 'a.md': '2\n' }, tag: 'v2.1.0-rc.1' },
      { tree: { 'a.md': '3\n' }, tag: 'v2.1.0' },
    ]);
    const repo = await openRepo(dir);
    const from = await resolveCommit(repo, 'v2.1.0', '--from');
    expect((await previousRelease(repo, from))?.name).toBe('v2.0.0');
    expect((await previousRelease(repo, from, 'v*'))?.name).toBe('v2.1.0-rc.1');
    expect((await previousRelease(repo, from, 'v*', false))?.name).toBe('v2.0.0');
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

  it('names the series of releases a tag belongs to: its name without the version at its end', () => {
    const series = (names: string[]) => names.map(tagSeries);
    expect(series(['v2', 'v2.13.0', 'v4.0.0-beta.3', 'v1.0.0-rc.1'])).toEqual(['v', 'v', 'v', 'v']);
    expect(series(['@medusajs/medusa@1.20.5', 'api/v1.2.3', 'helm-v4.5.8', '2025.10.0'])).toEqual([
      '@medusajs/medusa@',
      'api/v',
      'helm-v',
      '',
    ]);
    // A digit inside a word is not a version: `re2-…` and `v.docker.…` are series of their own.
    expect(series(['re2-prod-supervisor-tri-11473', 'v.docker.4.4.3', 'release'])).toEqual([
      're2-prod-supervisor-tri-',
      'v.docker.',
      'release',
    ]);
  });

  it('sorts releases newest first: by semver, prereleases below their release, then the rest by date', () => {
    const tag = (name: string, date: number) => ({ name, sha: name, date, ...(versionOf(name) ? { version: versionOf(name)! } : {}) });
    const tags = [
      tag('v1.10.0-rc.1', 5),
      tag('nightly', 9),
      tag('v1.9.0', 4),
      tag('v1.10.0', 6),
      tag('api@2.0.0-beta.2', 3),
      tag('v1.10.0-rc.10', 7),
      tag('snapshot', 2),
      tag('api@2.0.0-beta.10', 1),
    ];
    expect(sortReleases(tags).map((t) => t.name)).toEqual([
      'api@2.0.0-beta.10',
      'api@2.0.0-beta.2',
      'v1.10.0',
      'v1.10.0-rc.10',
      'v1.10.0-rc.1',
      'v1.9.0',
      'nightly',
      'snapshot',
    ]);
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
