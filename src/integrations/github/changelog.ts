// The merged pull requests of a release: walk the history of its newest commit on GitHub and keep the pull
// requests associated with the commits of the range (the range itself comes from the local git history).
import { z } from 'zod';
import type { MergedPullRequest } from '../../model/report.js';
import type { GitHubClient } from './client.js';
import type { RepoName } from './inputs.js';
import { COMMIT_PULL_REQUESTS } from './queries.js';

const PULL_REQUEST = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  merged: z.boolean(),
  labels: z.object({ nodes: z.array(z.object({ name: z.string() }).nullable()).nullable() }).nullable(),
});

/** The answer to COMMIT_PULL_REQUESTS; `history` is there only when the object is a commit. */
const HISTORY_PAGE = z.object({
  repository: z
    .object({
      object: z
        .object({
          history: z
            .object({
              nodes: z.array(
                z
                  .object({
                    oid: z.string(),
                    associatedPullRequests: z.object({ nodes: z.array(PULL_REQUEST.nullable()).nullable() }).nullable(),
                  })
                  .nullable(),
              ),
              pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
            })
            .optional(),
        })
        .nullable(),
    })
    .nullable(),
});

export interface Changelog {
  pullRequests: MergedPullRequest[];
  /** False when the walk stopped (page limit, or GitHub lacks the commit) before it met every commit of the range. */
  complete: boolean;
}

/** Merged pull requests of the commits in `commits` (shas), newest first; walks at most `maxPages` pages of 100 commits. */
export async function mergedPullRequests(
  client: GitHubClient,
  repo: RepoName,
  from: string,
  commits: readonly string[],
  maxPages = 20,
): Promise<Changelog> {
  const wanted = new Set(commits);
  const found = new Map<number, MergedPullRequest>();
  let after: string | null = null;
  const cursors = new Set<string>();
  for (let page = 0; wanted.size > 0 && page < maxPages; page++) {
    const answer: z.infer<typeof HISTORY_PAGE> = await client.request(
      COMMIT_PULL_REQUESTS,
      { owner: repo.owner, name: repo.name, oid: from, after },
      HISTORY_PAGE,
    );
    const history = answer.repository?.object?.history;
    if (!history) break;
    for (const node of history.nodes) {
      if (!node || !wanted.delete(node.oid)) continue;
      for (const pr of node.associatedPullRequests?.nodes ?? []) {
        if (!pr || !pr.merged || found.has(pr.number)) continue;
        found.set(pr.number, {
          number: pr.number,
          title: pr.title,
          url: pr.url,
          labels: (pr.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])),
        });
      }
    }
    const next = history.pageInfo.endCursor;
    // A server that hands out the same page again ends the walk (the changelog says it may be incomplete).
    if (!history.pageInfo.hasNextPage || !next || cursors.has(next)) break;
    cursors.add(next);
    after = next;
  }
  return { pullRequests: [...found.values()], complete: wanted.size === 0 };
}
