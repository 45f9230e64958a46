// A GitHub that misbehaves: it loops, never answers, trickles, asks to wait for minutes, sends a gigabyte or
// garbage. The client ends each case with one line, within its time limit (--timeout) and its size limit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, GitHubError, MAX_RESPONSE_BYTES, type GitHubClient } from '../../../src/integrations/github/client.js';
import { mergedPullRequests } from '../../../src/integrations/github/changelog.js';
import { fetchPullRequest } from '../../../src/integrations/github/pull-request.js';
import { findSticky } from '../../../src/integrations/github/sticky.js';
import { FakeGitHub, runCli } from '../../support/github-server.js';
import { git, twoReleases } from '../../support/repo.js';

const TOKEN = 'ghs_h0stileServerT0ken1234567890';
const REPO = { owner: 'acme', name: 'shop' };
const dir = twoReleases({ 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' });
const base = git(dir, ['rev-parse', 'v1^{commit}']).trim();
const head = git(dir, ['rev-parse', 'v2^{commit}']).trim();

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function github(): Promise<FakeGitHub> {
  server = await new FakeGitHub({
    ...REPO,
    pullRequests: [
      { number: 7, title: 'Bump a', baseRefName: 'main', headRefName: 'feature', baseRefOid: base, headRefOid: head, comments: [] },
    ],
    commits: [{ oid: head, pullRequests: [{ number: 7, title: 'Bump a', labels: [] }] }],
  }).start();
  return server;
}

const clientOf = (s: FakeGitHub, options: { timeoutSeconds?: number } = {}): GitHubClient =>
  createClient({ token: TOKEN, endpoint: s.url, backoffMs: 10, ...options });

/** The GitHubError a promise rejects with (its message checked to be one line). */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubError);
  const message = (error as GitHubError).message;
  expect(message).not.toMatch(/\n/);
  expect(message).not.toContain(TOKEN);
  return message;
}

describe('a server that never stops or never answers', () => {
  it('stops at the same page of comments handed out again (hasNextPage with the same cursor)', async () => {
    const s = await github();
    s.loopComments = true;
    expect(await failureOf(findSticky(clientOf(s), REPO, 7, '<!-- m -->'))).toMatch(
      /GitHub answered the same page of comments of #7 twice/,
    );
    expect(s.requests).toHaveLength(2);
  });

  it('stops the changelog walk at the same page of history handed out again', async () => {
    const s = await github();
    // The history of an unknown commit is empty; a looping walk is a server repeating its cursor.
    s.failures.push(
      ...Array.from({ length: 5 }, () => ({
        status: 200,
        body: JSON.stringify({
          data: { repository: { object: { history: { nodes: [null], pageInfo: { hasNextPage: true, endCursor: 'same' } } } } },
        }),
      })),
    );
    const changelog = await mergedPullRequests(clientOf(s), REPO, head, [head, base]);
    expect(changelog.complete).toBe(false);
    expect(s.requests).toHaveLength(2);
  });

  it.each([
    ['never answers', 'hang'],
    ['trickles one byte every 200 ms', 'trickle'],
  ] as const)('gives up on a server that %s when --timeout has passed', async (_what, delivery) => {
    const s = await github();
    s.failures.push({ status: 200, body: JSON.stringify({ data: { viewer: { login: 'x' }, repository: null } }), delivery });
    expect(await failureOf(fetchPullRequest(clientOf(s, { timeoutSeconds: 2 }), REPO, 7))).toMatch(
      /^GitHub did not answer within 2 s \(--timeout\)/,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('counts the time of every request against one --timeout, not each its own', async () => {
    const s = await github();
    const client = clientOf(s, { timeoutSeconds: 2 });
    s.failures.push({ status: 200, body: '', delivery: 'hang' });
    await failureOf(fetchPullRequest(client, REPO, 7));
    // The time is used up: the next request is not even sent.
    expect(await failureOf(fetchPullRequest(client, REPO, 7))).toMatch(/did not answer within 2 s/);
    expect(s.requests).toHaveLength(1);
  });

  it('does not wait 119 s that retry-after asks for when --timeout (60 s) would pass', async () => {
    const s = await github();
    s.failures.push({ status: 429, headers: { 'retry-after': '119' }, body: '{"message":"slow down"}' });
    expect(await failureOf(fetchPullRequest(clientOf(s), REPO, 7))).toMatch(
      /rate limit exceeded \(HTTP 429\); waiting 119 s would pass the 60 s of --timeout/,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('reads no more than its size limit of a 1 GB answer', async () => {
    const s = await github();
    s.failures.push({ status: 200, body: '{"data": {"viewer": {"login": "', delivery: { huge: 1024 ** 3 } });
    expect(await failureOf(fetchPullRequest(clientOf(s), REPO, 7))).toMatch(/GitHub's answer is larger than 16 MiB/);
    // What the server got out before the client hung up: the limit and what the socket buffers held.
    await vi.waitFor(() => expect(s.requests[0]!.sent).toBeDefined());
    expect(s.requests[0]!.sent).toBeLessThan(MAX_RESPONSE_BYTES + 64 * 1024 * 1024);
  });
});

describe('a server that answers garbage', () => {
  it.each([
    ['text that is not JSON', 'this is not json', /not what the query asks for \(data: /],
    ['an empty object', '{}', /not what the query asks for \(data: /],
    ['null data', '{"data": null}', /not what the query asks for \(data: /],
    ['a null viewer', '{"data": {"viewer": null, "repository": null}}', /not what the query asks for \(viewer: /],
    [
      'a pull request missing fields',
      '{"data": {"viewer": {"login": "x"}, "repository": {"url": "u", "pullRequest": {"id": "1"}}}}',
      /\(repository\.pullRequest\.number: /,
    ],
    ['an array', '[1, 2, 3]', /not what the query asks for/],
  ])('says so in one line for %s', async (_what, body, message) => {
    const s = await github();
    s.failures.push({ status: 200, body });
    expect(await failureOf(fetchPullRequest(clientOf(s), REPO, 7))).toMatch(message);
  });

  it('skips null comments and null pull requests, as GitHub may send them', async () => {
    const s = await github();
    s.failures.push({
      status: 200,
      body: JSON.stringify({
        data: {
          repository: {
            pullRequest: {
              comments: {
                nodes: [null, { id: 'IC_1', body: '<!-- m --> mine', viewerDidAuthor: true }],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          },
        },
      }),
    });
    expect(await findSticky(clientOf(s), REPO, 7, '<!-- m -->')).toBe('IC_1');
    s.failures.push({
      status: 200,
      body: JSON.stringify({
        data: {
          repository: {
            object: {
              history: {
                nodes: [null, { oid: head, associatedPullRequests: { nodes: [null] } }],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          },
        },
      }),
    });
    expect(await mergedPullRequests(clientOf(s), REPO, head, [head])).toEqual({ pullRequests: [], complete: true });
  });

  it('says so for a comment list with a node of the wrong type', async () => {
    const s = await github();
    s.failures.push({
      status: 200,
      body: JSON.stringify({ data: { repository: { pullRequest: { comments: { nodes: [{ id: 1 }], pageInfo: null } } } } }),
    });
    expect(await failureOf(findSticky(clientOf(s), REPO, 7, '<!-- m -->'))).toMatch(/repository\.pullRequest\.comments\.nodes\.0\.id: /);
  });
});

describe('rollback-ready comment against a misbehaving server', () => {
  const args = (s: FakeGitHub, extra: string[] = []) => [
    'comment',
    '--repo',
    dir,
    '--pr',
    '7',
    '--github-repo',
    'acme/shop',
    '--api-url',
    s.url,
    ...extra,
  ];

  it.each([
    [
      'that never answers, with --timeout 2',
      { status: 200, body: '', delivery: 'hang' as const },
      ['--timeout', '2'],
      /^rollback-ready: GitHub did not answer within 2 s \(--timeout\)/,
    ],
    [
      'that answers {"data": null}',
      { status: 200, body: '{"data": null}' },
      [],
      /^rollback-ready: GitHub's answer at .* is not what the query asks for/,
    ],
    [
      'that answers garbage',
      { status: 200, body: '<html>oops</html>' },
      [],
      /^rollback-ready: GitHub's answer at .* is not what the query asks for/,
    ],
  ])('ends with one line and exit 2 for a server %s', async (_what, failure, extra, message) => {
    const s = await github();
    s.failures.push(failure);
    const result = await runCli(args(s, extra), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('ends with one line and exit 2 when the comments loop, after printing the analysis', async () => {
    const s = await github();
    s.loopComments = true;
    const result = await runCli(args(s), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/## Rollback review: #7/);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^rollback-ready: GitHub answered the same page of comments of #7 twice/),
    ]);
    expect(s.mutations).toEqual([]);
  });

  it('refuses a --timeout that is not a number of seconds', async () => {
    const s = await github();
    const result = await runCli(args(s, ['--timeout', '0']), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rollback-ready: --timeout 0: not a whole number from 1 to 3600/);
    expect(s.requests).toEqual([]);
  });
});
