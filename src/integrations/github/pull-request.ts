import { z } from 'zod';
import type { GitHubClient } from './client.js';
import { GitHubError } from './client.js';
import type { RepoName } from './inputs.js';
import { PULL_REQUEST } from './queries.js';

export interface PullRequestInfo {
  id: string;
  number: number;
  title: string;
  url: string;
  baseRefName: string;
  headRefName: string;
  baseRefOid: string;
  headRefOid: string;
  /** Web address of the repository, for links to lines. */
  repoUrl: string;
  viewer: string;
}

/** The answer to PULL_REQUEST, as GitHub's schema allows it (repository and pull request may be null). */
const ANSWER = z.object({
  viewer: z.object({ login: z.string() }),
  repository: z
    .object({
      url: z.string(),
      pullRequest: z
        .object({
          id: z.string(),
          number: z.number().int(),
          title: z.string(),
          url: z.string(),
          baseRefName: z.string(),
          headRefName: z.string(),
          baseRefOid: z.string(),
          headRefOid: z.string(),
        })
        .nullable(),
    })
    .nullable(),
});

export async function fetchPullRequest(client: GitHubClient, repo: RepoName, number: number): Promise<PullRequestInfo> {
  const answer = await client.request(PULL_REQUEST, { owner: repo.owner, name: repo.name, number }, ANSWER);
  if (!answer.repository)
    throw new GitHubError(`GitHub repository ${repo.owner}/${repo.name} not found`, 'check --github-repo and that the token can read it');
  const pr = answer.repository.pullRequest;
  if (!pr) throw new GitHubError(`pull request #${number} not found in ${repo.owner}/${repo.name}`, 'check --pr');
  return { ...pr, repoUrl: answer.repository.url, viewer: answer.viewer.login };
}
