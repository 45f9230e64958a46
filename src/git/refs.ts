import { UsageError } from '../util/errors.js';
import { NO_EXTERNAL_DIFF, type Repo } from './repo.js';
import { checkRefSyntax } from './ref-syntax.js';

/** Resolves a user ref to a commit sha, with an actionable error when it cannot. */
export async function resolveCommit(repo: Repo, ref: string, flag: string): Promise<string> {
  checkRefSyntax(ref, flag);
  let sha: string | undefined;
  try {
    sha = (await repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    sha = undefined;
  }
  if (sha && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  if (repo.shallow) {
    throw new UsageError(
      `${flag} ${ref}: not found in this shallow clone (its history stops before it)`,
      'run `git fetch --unshallow --tags`, or set `fetch-depth: 0` on actions/checkout in GitHub Actions',
    );
  }
  const objectType = await typeOf(repo, ref);
  if (objectType && objectType !== 'commit') {
    throw new UsageError(`${flag} ${ref}: names a ${objectType}, not a commit`, `pass a tag, branch or commit sha with ${flag}`);
  }
  throw new UsageError(
    `${flag} ${ref}: no such ref or commit`,
    'check the name with `git tag` or `git log --oneline`, and fetch it if it lives on a remote',
  );
}

async function typeOf(repo: Repo, ref: string): Promise<string | undefined> {
  try {
    return (await repo.git.raw(['cat-file', '-t', '--end-of-options', ref])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface Ancestry {
  /** Commits in `from` that `to` lacks: what the rollback takes away. */
  commits: number;
  /** Commits in `to` that `from` lacks: non-zero means a cross-branch rollback. */
  behind: number;
  toIsAncestor: boolean;
}

/** `to` comes after `from` on the same line of history: the refs were most likely given the wrong way round. */
export function isDescendant(relation: Ancestry): boolean {
  return relation.commits === 0 && relation.behind > 0;
}

export async function ancestry(repo: Repo, fromSha: string, toSha: string): Promise<Ancestry> {
  const out = await repo.git.raw(['rev-list', '--left-right', '--count', `${toSha}...${fromSha}`]);
  const [behind, commits] = out.trim().split(/\s+/).map(Number);
  return { commits: commits ?? 0, behind: behind ?? 0, toIsAncestor: (behind ?? 0) === 0 };
}

export interface CommitInfo {
  sha: string;
  authorEmail: string;
  authorName: string;
  date: string;
  subject: string;
  /** The message after the subject line (trailers included), trimmed. */
  body: string;
}

/** Commits reachable from `from` and not from `to`, newest first; with `paths`, only those that touch them. */
export async function commitsBetween(repo: Repo, fromSha: string, toSha: string, paths?: readonly string[]): Promise<CommitInfo[]> {
  const args = ['log', '-z', ...NO_EXTERNAL_DIFF, '--format=%H%x1f%aE%x1f%aN%x1f%aI%x1f%s%x1f%b', `${toSha}..${fromSha}`];
  // Literal pathspecs (gitEnv): a scope path is never read as a glob or a magic pathspec.
  if (paths && paths.length > 0 && !paths.includes('')) args.push('--', ...paths);
  const out = await repo.git.raw(args);
  return out
    .split('\0')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [sha = '', authorEmail = '', authorName = '', date = '', subject = '', ...body] = line.replace(/^\n/, '').split('\x1f');
      return { sha, authorEmail: authorEmail.toLowerCase(), authorName, date, subject, body: body.join('\x1f').trim() };
    });
}
