import { UsageError } from '../util/errors.js';
import type { Repo } from './repo.js';

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Whether the commit is in the local clone (read-only: cat-file only). */
export async function hasCommit(repo: Repo, sha: string): Promise<boolean> {
  if (!SHA.test(sha)) return false;
  try {
    return (await repo.git.raw(['cat-file', '-t', '--end-of-options', sha])).trim() === 'commit';
  } catch {
    return false;
  }
}

/** The best common ancestor of two commits: what a pull request's head is compared with. */
export async function mergeBase(repo: Repo, a: string, b: string): Promise<string> {
  for (const [sha, what] of [
    [a, 'head'],
    [b, 'base'],
  ] as const) {
    if (!(await hasCommit(repo, sha))) {
      throw new UsageError(
        `the pull request's ${what} commit ${sha.slice(0, 12)} is not in the local clone`,
        'fetch it first (in GitHub Actions: actions/checkout with `fetch-depth: 0`)',
      );
    }
  }
  let out = '';
  try {
    out = (await repo.git.raw(['merge-base', '--end-of-options', a, b])).trim();
  } catch {
    out = '';
  }
  if (!SHA.test(out)) {
    throw new UsageError(
      `no common ancestor of ${a.slice(0, 12)} and ${b.slice(0, 12)} in the local clone`,
      'fetch the full history (actions/checkout with `fetch-depth: 0`)',
    );
  }
  return out;
}
