// Where the pull request, repository and token come from: flags first, then the GitHub Actions environment.
import { readFileSync } from 'node:fs';
import { UsageError } from '../../util/errors.js';
import { oneLine } from '../../util/sanitize.js';

export interface RepoName {
  owner: string;
  name: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** `--github-repo owner/name`, else GITHUB_REPOSITORY. */
export function repoName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): RepoName {
  const value = flag ?? env.GITHUB_REPOSITORY;
  if (!value) throw new UsageError('no GitHub repository given', 'pass --github-repo owner/name (GitHub Actions sets GITHUB_REPOSITORY)');
  const [owner, name, ...rest] = value.split('/');
  if (!owner || !name || rest.length > 0 || !NAME.test(owner) || !NAME.test(name)) {
    throw new UsageError(`GitHub repository ${oneLine(value).slice(0, 100)}: not owner/name`, 'pass --github-repo owner/name');
  }
  return { owner, name };
}

/** The token, from GITHUB_TOKEN or GH_TOKEN; undefined when neither is set. */
export function tokenFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim();
  return token.length > 0 ? token : undefined;
}

export interface EventPullRequest {
  number?: number;
  baseSha?: string;
  headSha?: string;
}

/** The pull request of a GitHub Actions event payload (pull_request, pull_request_target, issue_comment on a PR). */
export function eventPullRequest(env: NodeJS.ProcessEnv = process.env): EventPullRequest {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`GITHUB_EVENT_PATH ${oneLine(path)}: not a readable JSON event payload`, 'unset GITHUB_EVENT_PATH or pass --pr N');
  }
  const event = (payload ?? {}) as {
    pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } };
    issue?: { number?: unknown; pull_request?: unknown };
    number?: unknown;
  };
  const sha = (value: unknown) => (typeof value === 'string' && /^[0-9a-f]{40,64}$/.test(value) ? value : undefined);
  const num = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
  if (event.pull_request) {
    return {
      number: num(event.pull_request.number) ?? num(event.number),
      baseSha: sha(event.pull_request.base?.sha),
      headSha: sha(event.pull_request.head?.sha),
    };
  }
  if (event.issue?.pull_request) return { number: num(event.issue.number) };
  return {};
}

/** `--pr N`, else the event's pull request. */
export function pullRequestNumber(flag: string | undefined, event: EventPullRequest): number {
  if (flag !== undefined) {
    const n = Number(flag);
    if (!/^\d+$/.test(flag) || n < 1 || n > 2 ** 31 - 1)
      throw new UsageError(`--pr ${oneLine(flag).slice(0, 40)}: not a pull request number`, 'pass --pr with a number like 42');
    return n;
  }
  if (event.number !== undefined) return event.number;
  throw new UsageError('no pull request given', 'pass --pr N, or run on a pull_request event in GitHub Actions');
}
