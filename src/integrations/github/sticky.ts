// One comment per pull request, found again by a hidden marker and kept up to date.
import { z } from 'zod';
import { GitHubError, type GitHubClient } from './client.js';
import type { RepoName } from './inputs.js';
import { ADD_COMMENT, DELETE_COMMENT, PULL_REQUEST_COMMENTS, UPDATE_COMMENT } from './queries.js';

/** 100 comments a page: a thread of 10,000 comments is searched whole. */
export const MAX_COMMENT_PAGES = 100;

const PAGE = z.object({
  repository: z
    .object({
      pullRequest: z
        .object({
          comments: z.object({
            nodes: z.array(z.object({ id: z.string(), body: z.string(), viewerDidAuthor: z.boolean() }).nullable()),
            pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
          }),
        })
        .nullable(),
    })
    .nullable(),
});

/**
 * The id of the viewer's earlier comment that carries the marker, searching every page of comments. A server
 * that hands out the same page again, or more than MAX_COMMENT_PAGES, is an error rather than a loop.
 */
export async function findSticky(client: GitHubClient, repo: RepoName, number: number, marker: string): Promise<string | undefined> {
  let after: string | null = null;
  const cursors = new Set<string>();
  for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
    const answer: z.infer<typeof PAGE> = await client.request(
      PULL_REQUEST_COMMENTS,
      { owner: repo.owner, name: repo.name, number, after },
      PAGE,
    );
    const comments = answer.repository?.pullRequest?.comments;
    if (!comments) return undefined;
    const mine = comments.nodes.find((c) => c !== null && c.viewerDidAuthor && c.body.startsWith(marker));
    if (mine) return mine.id;
    const next = comments.pageInfo.endCursor;
    if (!comments.pageInfo.hasNextPage || !next) return undefined;
    if (cursors.has(next))
      throw new GitHubError(
        `GitHub answered the same page of comments of #${number} twice`,
        'run again later; if it persists, check --api-url',
      );
    cursors.add(next);
    after = next;
  }
  throw new GitHubError(
    `#${number} has more than ${MAX_COMMENT_PAGES * 100} comments: the earlier review comment was not looked for past them`,
    'delete old comments of the pull request, or run again on a new one',
  );
}

export type StickyAction = 'added' | 'updated' | 'deleted' | 'unchanged';

export interface StickyResult {
  action: StickyAction;
  url?: string;
}

const UPDATED = z.object({ updateIssueComment: z.object({ issueComment: z.object({ url: z.string() }).nullable() }).nullable() });
const ADDED = z.object({
  addComment: z.object({ commentEdge: z.object({ node: z.object({ url: z.string() }).nullable() }).nullable() }).nullable(),
});
const DELETED = z.object({ deleteIssueComment: z.unknown() });

/** Adds the comment, or updates the earlier one in place. */
export async function upsertSticky(
  client: GitHubClient,
  subjectId: string,
  existing: string | undefined,
  body: string,
): Promise<StickyResult> {
  if (existing) {
    const answer = await client.request(UPDATE_COMMENT, { id: existing, body }, UPDATED);
    return { action: 'updated', url: answer.updateIssueComment?.issueComment?.url };
  }
  const answer = await client.request(ADD_COMMENT, { subjectId, body }, ADDED);
  return { action: 'added', url: answer.addComment?.commentEdge?.node?.url };
}

export async function deleteSticky(client: GitHubClient, existing: string | undefined): Promise<StickyResult> {
  if (!existing) return { action: 'unchanged' };
  await client.request(DELETE_COMMENT, { id: existing }, DELETED);
  return { action: 'deleted' };
}
