import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildRepo, git, type ReleaseSpec } from '../../src/testing/fixture-repo.js';
import { CLI_BUNDLE } from '../../src/util/version.js';

export { buildRepo, git, tempDir, type FileMap, type ReleaseSpec } from '../../src/testing/fixture-repo.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = CLI_BUNDLE;

/** Two releases: `to` tagged v1, then `from` tagged v2 (the one running now). */
export function twoReleases(to: ReleaseSpec['tree'], from: ReleaseSpec['tree']): string {
  return buildRepo([
    { tree: to, tag: 'v1' },
    { tree: from, tag: 'v2' },
  ]);
}

/** v1 reads users.email; v2 drops the column (a critical finding) and stops reading it. */
export function dropColumnRelease(): string {
  return twoReleases(
    {
      'migrations/001_users.sql': 'CREATE TABLE users (id INT PRIMARY KEY, email TEXT NOT NULL);\n',
      'src/users.ts': "export const columns = ['id', 'email'];\n",
    },
    {
      'migrations/001_users.sql': 'CREATE TABLE users (id INT PRIMARY KEY, email TEXT NOT NULL);\n',
      'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
      'src/users.ts': "export const columns = ['id'];\n",
    },
  );
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with no terminal attached. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      // GITHUB_ACTIONS unset: a test run inside a GitHub workflow must not annotate it or write its summary.
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Everything a run could change in a repository: refs, HEAD, index, config, objects, work tree state. */
export function repoState(dir: string): string {
  // GIT_OPTIONAL_LOCKS=0: the snapshot's own `git status` must not refresh the index either.
  const gitDir = git(dir, ['rev-parse', '--absolute-git-dir']).trim();
  const parts = [
    git(dir, ['show-ref', '--head']),
    git(dir, ['count-objects', '-v']),
    git(dir, ['config', '--local', '--list']),
    execFileSync('ls', ['-la', '--time-style=full-iso', gitDir], { encoding: 'utf8' }),
  ];
  if (git(dir, ['rev-parse', '--is-bare-repository']).trim() === 'false')
    parts.push(git(dir, ['status', '--porcelain', '--ignored'], { GIT_OPTIONAL_LOCKS: '0' }));
  return parts.join('\n---\n');
}
