// Builds real git repositories in temp folders from fixture trees: one commit and tag per release.
// Used by the tests, the demo and the benchmark.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type FileSpec = string | Buffer | { symlink: string } | { content: string | Buffer; mode: number };
export type FileMap = Record<string, FileSpec>;

export interface ReleaseSpec {
  /** A folder to copy, or a map of path → content. The work tree is replaced by it entirely. */
  tree: string | FileMap;
  tag?: string;
  message?: string;
  author?: { name: string; email: string };
  /** Seconds since the epoch for author and committer dates (deterministic shas and tag order). */
  date?: number;
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    // No system or user config: the same repository on every machine.
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1024 * 1024 * 512,
  });
}

/** Folders tempDir made in this process, until removeTempDirs removes them. */
const made: string[] = [];

export function tempDir(prefix = 'rollback-ready-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far (the test setup does it after each test file). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function initRepo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.email', 'dev@example.com']);
  git(dir, ['config', 'user.name', 'Dev']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['config', 'tag.gpgsign', 'false']);
  return dir;
}

function clearWorkTree(dir: string): void {
  for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(join(dir, entry), { recursive: true, force: true });
}

export function writeTree(dir: string, tree: string | FileMap): void {
  if (typeof tree === 'string') {
    cpSync(tree, dir, { recursive: true, verbatimSymlinks: true });
    return;
  }
  for (const [path, spec] of Object.entries(tree)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof spec === 'object' && !Buffer.isBuffer(spec) && 'symlink' in spec) symlinkSync(spec.symlink, target);
    else if (typeof spec === 'object' && !Buffer.isBuffer(spec) && 'mode' in spec) {
      writeFileSync(target, spec.content);
      chmodSync(target, spec.mode);
    } else writeFileSync(target, spec);
  }
}

/** Commits the tree as the next release. The index is rebuilt so racy-git timestamps cannot hide a rewrite. */
export function commitRelease(dir: string, release: ReleaseSpec, index: number): string {
  clearWorkTree(dir);
  writeTree(dir, release.tree);
  rmSync(join(dir, '.git', 'index'), { force: true });
  git(dir, ['add', '-A']);
  const date = `${release.date ?? 1_700_000_000 + index * 86_400} +0000`;
  const author = release.author ?? { name: 'Dev', email: 'dev@example.com' };
  const env = {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    // Fixed here too, so a committer identity set in the environment cannot change the shas.
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  };
  git(dir, ['commit', '-q', '--allow-empty', '-m', release.message ?? `release ${release.tag ?? index}`], env);
  if (release.tag) git(dir, ['tag', '-a', '-m', release.tag, release.tag], env);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** A repository with one commit (and tag) per release, oldest first. */
export function buildRepo(releases: ReleaseSpec[], dir = join(tempDir(), 'repo')): string {
  initRepo(dir);
  releases.forEach((release, i) => commitRelease(dir, release, i));
  return dir;
}
