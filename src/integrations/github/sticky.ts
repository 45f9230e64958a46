// One comment per pull request, found again by a hidden marker and kept up to date.
import type { GitHubClient } from './client.js';
import type { RepoName } from './inputs.js';
import { ADD_COMMENT, DELETE_COMMENT, PULL_REQUEST_COMMENTS, UPDATE_COMMENT } from './queries.js';

interface CommentNode {
  id: string;
  body: string;
  viewerDidAuthor: boolean;
}

interface CommentsPage {
  repository: {
    pullRequest: { comments: { nodes: (CommentNode | null)[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null;
  } | null;
}

/** The id of the viewer's earlier comment that carries the marker, searching every page of comments. */
export async function findSticky(client: GitHubClient, repo: RepoName, number: number, marker: string): Promise<string | undefined> {
  let after: string | null = null;
  for (;;) {
    const page: CommentsPage = await client.request<CommentsPage>(PULL_REQUEST_COMMENTS, { owner: repo.owner, name: repo.name, number, after });
    const comments = page.repository?.pullRequest?.comments;
    if (!comments) return undefined;
    const mine = comments.nodes.find((c) => c !== null && c.viewerDidAuthor && c.body.startsWith(marker));
    if (mine) return mine.id;
    if (!comments.pageInfo.hasNextPage || !comments.pageInfo.endCursor) return undefined;
    after = comments.pageInfo.endCursor;
  }
}

export type StickyAction = 'added' | 'updated' | 'deleted' | 'unchanged';

export interface StickyResult {
  action: StickyAction;
  url?: string;
}

/** Adds the comment, or updates the earlier one in place. */
export async function upsertSticky(client: GitHubClient, subjectId: string, existing: string | undefined, body: string): Promise<StickyResult> {
  if (existing) {
    const answer = await client.request<{ updateIssueComment: { issueComment: { url: string } | null } | null }>(UPDATE_COMMENT, { id: existing, body });
    return { action: 'updated', url: answer.updateIssueComment?.issueComment?.url };
  }
  const answer = await client.request<{ addComment: { commentEdge: { node: { url: string } | null } | null } | null }>(ADD_COMMENT, { subjectId, body });
  return { action: 'added', url: answer.addComment?.commentEdge?.node?.url };
}

export async function deleteSticky(client: GitHubClient, existing: string | undefined): Promise<StickyResult> {
  if (!existing) return { action: 'unchanged' };
  await client.request(DELETE_COMMENT, { id: existing });
  return { action: 'deleted' };
}
