import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../util/errors.js';
import { isSafeRef } from './ref-syntax.js';

export interface Repo {
  /** Absolute path given by the user (work tree or bare repository). */
  dir: string;
  git: SimpleGit;
  shallow: boolean;
  bare: boolean;
}

/**
 * The environment git runs with: only what it needs to find itself and the user's config.
 * GIT_DIR and friends from the caller's shell must not redirect --repo; editors and pagers never run.
 */
export function gitEnv(): Record<string, string> {
  // GIT_NO_LAZY_FETCH: a partial clone must not download missing blobs into the repository.
  const env: Record<string, string> = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' };
  for (const name of ['PATH', 'HOME', 'USER', 'TMPDIR', 'SYSTEMROOT', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Opens the repository read-only. Nothing here or below ever writes to it. */
export async function openRepo(dir: string): Promise<Repo> {
  return (await openRepoWith(dir, [])).repo;
}

const SHA = /^[0-9a-f]{40,64}$/;

/**
 * Opens the repository and resolves commit refs in the same git process: every process spawned holds the
 * main thread for milliseconds. A ref that does not resolve comes back undefined (resolveCommit explains why).
 */
export async function openRepoWith(dir: string, refs: readonly string[]): Promise<{ repo: Repo; shas: (string | undefined)[] }> {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new UsageError(`--repo ${dir}: no such folder`, 'pass the path of a git repository');
  }
  // GIT_OPTIONAL_LOCKS=0 keeps read commands (status, diff) from refreshing the index.
  const git = simpleGit({ baseDir: abs, maxConcurrentProcesses: 4, trimmed: false }).env(gitEnv());
  const probe = ['rev-parse', '--is-bare-repository', '--is-shallow-repository'];
  const repo = (bare: string | undefined, shallow: string | undefined): Repo => ({ dir: abs, git, bare: bare === 'true', shallow: shallow === 'true' });
  if (refs.length > 0 && refs.every(isSafeRef)) {
    try {
      // `--` after the revisions: none of them is ever read as a path.
      const [bare, shallow, ...shas] = (await git.raw([...probe, ...refs.map((ref) => `${ref}^{commit}`), '--'])).trim().split('\n');
      if (shas.length === refs.length + 1 && shas.slice(0, refs.length).every((sha) => SHA.test(sha))) {
        return { repo: repo(bare, shallow), shas: shas.slice(0, refs.length) };
      }
    } catch {
      // A ref that does not resolve, or not a repository: asked again one by one, for the exact error.
    }
  }
  let out: string;
  try {
    out = await git.raw(probe);
  } catch (error) {
    if (error instanceof Error && /not a git repository/i.test(error.message)) {
      throw new UsageError(`${dir} is not a git repository`, 'pass --repo with the path of a clone (bare clones work too)');
    }
    throw error;
  }
  const [bare, shallow] = out.trim().split('\n');
  return { repo: repo(bare, shallow), shas: refs.map(() => undefined) };
}
