// The merged pull requests of a release: walk the history of its newest commit on GitHub and keep the pull
// requests associated with the commits of the range (the range itself comes from the local git history).
import type { MergedPullRequest } from '../../model/report.js';
import type { GitHubClient } from './client.js';
import type { RepoName } from './inputs.js';
import { COMMIT_PULL_REQUESTS } from './queries.js';

interface HistoryPage {
  repository: {
    object: {
      history?: {
        nodes: ({ oid: string; associatedPullRequests: { nodes: ({ number: number; title: string; url: string; merged: boolean; labels: { nodes: ({ name: string } | null)[] } | null } | null)[] } | null } | null)[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  } | null;
}

export interface Changelog {
  pullRequests: MergedPullRequest[];
  /** False when the walk stopped (page limit, or GitHub lacks the commit) before it met every commit of the range. */
  complete: boolean;
}

/** Merged pull requests of the commits in `commits` (shas), newest first; walks at most `maxPages` pages of 100 commits. */
export async function mergedPullRequests(client: GitHubClient, repo: RepoName, from: string, commits: readonly string[], maxPages = 20): Promise<Changelog> {
  const wanted = new Set(commits);
  const found = new Map<number, MergedPullRequest>();
  let after: string | null = null;
  for (let page = 0; wanted.size > 0 && page < maxPages; page++) {
    const answer: HistoryPage = await client.request<HistoryPage>(COMMIT_PULL_REQUESTS, { owner: repo.owner, name: repo.name, oid: from, after });
    const history = answer.repository?.object?.history;
    if (!history) break;
    for (const node of history.nodes) {
      if (!node || !wanted.delete(node.oid)) continue;
      for (const pr of node.associatedPullRequests?.nodes ?? []) {
        if (!pr || !pr.merged || found.has(pr.number)) continue;
        found.set(pr.number, { number: pr.number, title: pr.title, url: pr.url, labels: (pr.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])) });
      }
    }
    if (!history.pageInfo.hasNextPage || !history.pageInfo.endCursor) break;
    after = history.pageInfo.endCursor;
  }
  return { pullRequests: [...found.values()], complete: wanted.size === 0 };
}
