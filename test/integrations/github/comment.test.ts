import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGitHub, runCli } from '../../support/github-server.js';
import { MARKER } from '../../../src/report/markdown.js';
import { cli, git, repoState, tempDir, twoReleases } from '../../support/repo.js';

const TOKEN = 'ghs_s3cretT0kenValue1234567890abcdef';

const dir = twoReleases(
  { 'src/a.ts': 'export const a = 1;\n', 'README.md': 'hello\n' },
  {
    'src/a.ts': 'export const a = 2;\n',
    'README.md': 'hello\n',
    'deploy/seed.bin': Buffer.from([0, 1, 2, 3, 255]),
    '</details><img src=x>': 'x\n',
  },
);
const base = git(dir, ['rev-parse', 'v1^{commit}']).trim();
const head = git(dir, ['rev-parse', 'v2^{commit}']).trim();

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function github(comments = 0): Promise<FakeGitHub> {
  server = await new FakeGitHub({
    owner: 'acme',
    name: 'shop',
    pullRequests: [
      {
        number: 7,
        title: 'Bump a <script>',
        baseRefName: 'main',
        headRefName: 'feature',
        baseRefOid: base,
        headRefOid: head,
        comments: Array.from({ length: comments }, (_, i) => ({ id: `OLD_${i}`, body: `comment ${i}`, author: i % 2 ? 'alice' : 'bob' })),
      },
    ],
    commits: [],
  }).start();
  return server;
}

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
const env = { GITHUB_TOKEN: TOKEN };

function expectNoToken(...texts: string[]): void {
  for (const text of texts) expect(text).not.toContain(TOKEN);
}

describe('rollback-ready comment', () => {
  it('adds one comment, then updates it in place on the second run', async () => {
    const s = await github();
    const before = repoState(dir);
    const first = await runCli(args(s), env);
    expect(first.stderr).toMatch(/comment added on #7/);
    expect(first.code).toBe(0);
    const second = await runCli(args(s), env);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/comment updated on #7/);
    expect(repoState(dir)).toBe(before);

    const comments = s.pullRequest(7).comments;
    expect(comments).toHaveLength(1);
    expect(s.mutations.map((m) => m.name)).toEqual(['addComment', 'updateIssueComment']);
    expect(s.mutations[1]!.input.id).toBe(comments[0]!.id);
    const body = comments[0]!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toBe(second.stdout);
    expect(body).toContain('## Rollback review: #7 Bump a &lt;script&gt; (feature → main)');
    // The analysis compared head with the merge base, and links point at the head commit.
    expect(body).toContain(`\`${head.slice(0, 7)}\` → \`${base.slice(0, 7)}\``);
    expect(body).toContain(`(https://github.example/acme/shop/blob/${head}/deploy/seed.bin)`);
    // A file named like HTML renders as text (as GitHub renders the comment: GFM, with the HTML it allows).
    const html = micromark(body, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).not.toMatch(/<img/);
    expect(body).toContain('&lt;/details&gt;&lt;img src=x&gt;');
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    for (const request of s.requests) expect(request.authorization).toBe(`bearer ${TOKEN}`);
    expectNoToken(first.stdout, first.stderr, second.stdout, second.stderr);
  });

  it('compares the head with the merge base when the base branch moved on', async () => {
    const s = await github();
    // The base branch gained a commit after the pull request forked from it.
    const movedBase = git(dir, ['commit-tree', 'v1^{tree}', '-p', base, '-m', 'main moved on']).trim();
    s.pullRequest(7).baseRefOid = movedBase;
    const result = await runCli([...args(s), '--format', 'json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.from.sha).toBe(head);
    expect(report.to.sha).toBe(base);
    expect(report.to.sha).not.toBe(movedBase);
  });

  it("loads the configuration as the analysis does: the merge base's config file and its gate, or --config", async () => {
    // The base holds the team's config: a platform, a raised rule, a gate. The pull request adds a file no
    // analyzer reads (a low finding, raised to high by the config).
    const config = 'platform: heroku\nrules:\n  unclassified-change: high\ngate:\n  failOn: high\n';
    const repo = twoReleases(
      { 'src/a.ts': 'export const a = 1;\n', '.rollbackreadyrc.yaml': config },
      { 'src/a.ts': 'export const a = 1;\n', '.rollbackreadyrc.yaml': config, 'deploy/seed.bin': Buffer.from([0, 1, 2]) },
    );
    const [v1, v2] = ['v1', 'v2'].map((tag) => git(repo, ['rev-parse', `${tag}^{commit}`]).trim());
    server = await new FakeGitHub({
      owner: 'acme',
      name: 'shop',
      pullRequests: [
        { number: 8, title: 'Seed', baseRefName: 'main', headRefName: 'seed', baseRefOid: v1!, headRefOid: v2!, comments: [] },
      ],
      commits: [],
    }).start();
    const prArgs = ['comment', '--repo', repo, '--pr', '8', '--github-repo', 'acme/shop', '--api-url', server.url];
    const commented = await runCli([...prArgs, '--format', 'json'], env);
    const analysed = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    const [fromComment, fromAnalysis] = [JSON.parse(commented.stdout), JSON.parse(analysed.stdout)];
    expect(fromComment.config).toEqual({ source: 'repository', path: '.rollbackreadyrc.yaml', ref: 'merge base with main' });
    expect(fromComment.rollback.platform).toBe('heroku');
    expect(fromComment.findings.find((f: { ruleId: string }) => f.ruleId === 'unclassified-change').severity).toBe('high');
    expect([fromComment.verdict, fromComment.riskScore, fromComment.findings]).toEqual([
      fromAnalysis.verdict,
      fromAnalysis.riskScore,
      fromAnalysis.findings,
    ]);
    // The config's gate applies to the comment as to the analysis: exit 1, after the comment is posted.
    expect(commented.code).toBe(1);
    expect(analysed.code).toBe(1);
    expect(commented.stderr).toMatch(
      /^rollback-ready: gate failed: 1 finding at or above high — top: high unclassified-change at deploy\/seed\.bin$/m,
    );
    expect(server.pullRequest(8).comments).toHaveLength(1);
    expect((await runCli([...prArgs, '--warn-only'], env)).code).toBe(0);

    // --config replaces the merge base's file, as for the analysis.
    const other = join(tempDir(), 'other.json');
    writeFileSync(other, '{"platform": "convox"}');
    const withFile = await runCli([...prArgs, '--format', 'json', '--config', other], env);
    expect(withFile.code).toBe(0);
    expect(JSON.parse(withFile.stdout)).toMatchObject({ config: { source: 'file', path: other }, rollback: { platform: 'convox' } });
  });

  it('closes with advice about merging, not about rolling back now', async () => {
    const s = await github();
    const result = await runCli(args(s), env);
    expect(result.stdout).toMatch(
      /^Before merging: check the ❌ and ❓ items, so that a rollback of this change, should it be needed, is ready\.$/m,
    );
    expect(result.stdout).not.toMatch(/^Next: /m);
  });

  it('finds its own comment past the first page of a thread of more than 100 comments', async () => {
    const s = await github(150);
    const pr = s.pullRequest(7);
    // Someone else quoted the marker on page 1; the viewer's comment is on page 2.
    pr.comments[3] = { id: 'OTHER', body: `${MARKER}\nquoted by someone else`, author: 'alice' };
    pr.comments.push({ id: 'MINE', body: `${MARKER}\nold review`, author: 'rollback-bot' });
    const result = await runCli(args(s), env);
    expect(result.code).toBe(0);
    expect(s.mutations).toEqual([expect.objectContaining({ name: 'updateIssueComment', input: expect.objectContaining({ id: 'MINE' }) })]);
    expect(pr.comments).toHaveLength(151);
    expect(pr.comments.find((c) => c.id === 'OTHER')!.body).toContain('quoted by someone else');
    const pages = s.requests.filter((r) => r.query.includes('query PullRequestComments'));
    expect(pages.map((r) => r.variables.after ?? null)).toEqual([null, Buffer.from('100').toString('base64')]);
  });

  it('deletes the comment with --delete-when-safe when the verdict is safe', async () => {
    const safeDir = twoReleases({ 'docs/a.md': 'a\n' }, { 'docs/a.md': 'b\n' });
    const s = await github();
    const pr = s.pullRequest(7);
    pr.baseRefOid = git(safeDir, ['rev-parse', 'v1^{commit}']).trim();
    pr.headRefOid = git(safeDir, ['rev-parse', 'v2^{commit}']).trim();
    pr.comments.push({ id: 'MINE', body: `${MARKER}\nold`, author: 'rollback-bot' });
    const base = ['comment', '--repo', safeDir, '--pr', '7', '--github-repo', 'acme/shop', '--api-url', s.url, '--delete-when-safe'];
    const result = await runCli(base, env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/comment deleted/);
    expect(pr.comments).toEqual([]);
    expect(s.mutations.map((m) => m.name)).toEqual(['deleteIssueComment']);
  });

  it('reads the pull request and repository from the GitHub Actions environment', async () => {
    const s = await github();
    const eventDir = tempDir();
    const eventPath = join(eventDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
    const result = await runCli(['comment', '--repo', dir, '--format', 'json'], {
      GH_TOKEN: TOKEN,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_GRAPHQL_URL: s.url,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.from).toEqual({ ref: 'feature', sha: head });
    expect(report.to).toEqual({ ref: 'merge base with main', sha: base });
    expect(s.pullRequest(7).comments).toHaveLength(1);
    expect(s.pullRequest(7).comments[0]!.body.startsWith(MARKER)).toBe(true);
  });

  it('without a token prints the analysis, then one line, exit 2', async () => {
    const eventDir = tempDir();
    const eventPath = join(eventDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
    const result = await runCli(['comment', '--repo', dir, '--github-repo', 'acme/shop', '--format', 'text'], {
      GITHUB_EVENT_PATH: eventPath,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^rollback-ready .*: rolling back/);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^rollback-ready: no GitHub token — set GITHUB_TOKEN or GH_TOKEN/),
    ]);
  });

  it('a failing request that echoes the token: analysis printed, one scrubbed line, exit 2', async () => {
    const s = await github();
    s.failures.push({ status: 401, body: JSON.stringify({ message: 'Bad credentials: {token}' }) });
    const eventDir = tempDir();
    const eventPath = join(eventDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
    const result = await runCli([...args(s), '--debug'], { ...env, GITHUB_EVENT_PATH: eventPath });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'rollback-ready: GitHub refused the token (HTTP 401: "Bad credentials: [token]") — set GITHUB_TOKEN (or GH_TOKEN) to a valid token',
    ]);
    expect(result.stdout).toContain(MARKER);
    expectNoToken(result.stdout, result.stderr);
    expect(s.mutations).toEqual([]);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.startsWith('.git/')) continue;
      try {
        expect(readFileSync(join(dir, file), 'utf8')).not.toContain(TOKEN);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
  });

  it('a pull request that does not exist: one line, exit 2', async () => {
    const s = await github();
    const result = await runCli(['comment', '--repo', dir, '--pr', '99', '--github-repo', 'acme/shop', '--api-url', s.url], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^rollback-ready: GitHub: not found: "Could not resolve to a PullRequest with the number of 99\." — check --github-repo and --pr/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('no permission to comment: the analysis is printed, one line, exit 2', async () => {
    const s = await github();
    s.pullRequest(7).comments.push({ id: 'MINE', body: `${MARKER}\nold`, author: 'rollback-bot' });
    s.viewer = 'rollback-bot';
    // Pull request and comments are read; the mutation is refused.
    const result = await runCli(args(s), env);
    expect(result.code).toBe(0);
    s.failures.push(
      {
        status: 200,
        body: JSON.stringify({
          data: {
            viewer: { login: 'rollback-bot' },
            repository: {
              url: 'https://github.example/acme/shop',
              pullRequest: {
                id: 'PR_7',
                number: 7,
                title: 't',
                url: 'u',
                baseRefName: 'main',
                headRefName: 'f',
                baseRefOid: base,
                headRefOid: head,
              },
            },
          },
        }),
      },
      { status: 403, body: JSON.stringify({ message: 'Resource not accessible by integration' }) },
    );
    const denied = await runCli(args(s), env);
    expect(denied.code).toBe(2);
    expect(denied.stdout).toContain(MARKER);
    expect(denied.stderr.trim().split('\n')).toEqual([
      'rollback-ready: GitHub denied the request (HTTP 403: "Resource not accessible by integration") — give the token `pull-requests: write` (and `contents: read`)',
    ]);
  });

  it('waits out a rate limit (retry-after) and then succeeds', async () => {
    const s = await github();
    s.failures.push({
      status: 403,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' },
      body: JSON.stringify({ message: 'You have exceeded a secondary rate limit' }),
    });
    const result = await runCli(args(s), env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^rollback-ready: GitHub rate limit exceeded \(HTTP 403\); retrying in 1 s\n/);
    expect(s.requests[0]!.status).toBe(403);
    expect(s.requests.filter((r) => r.query.includes('query PullRequest(')).length).toBe(2);
    expect(s.pullRequest(7).comments).toHaveLength(1);
  });

  it('waits out GitHub’s GraphQL rate limit (RATE_LIMITED with the reset time) and then succeeds', async () => {
    const s = await github();
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    s.failures.push({
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: JSON.stringify({ data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1.' }] }),
    });
    const result = await runCli(args(s), env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^rollback-ready: GitHub rate limit exceeded; retrying in [12] s\n/);
    expect(s.pullRequest(7).comments).toHaveLength(1);
  });

  it('refuses bad inputs with one line and exit 2, before any request', async () => {
    const s = await github();
    const cases: [string[], RegExp][] = [
      [
        ['comment', '--repo', dir, '--pr', 'abc', '--github-repo', 'acme/shop'],
        /^rollback-ready: --pr abc: not a pull request number — pass --pr with a number like 42\n$/,
      ],
      [
        ['comment', '--repo', dir, '--pr', '7', '--github-repo', 'acme'],
        /^rollback-ready: GitHub repository acme: not owner\/name — pass --github-repo owner\/name\n$/,
      ],
      [
        ['comment', '--repo', dir, '--github-repo', 'acme/shop'],
        /^rollback-ready: no pull request given — pass --pr N, or run on a pull_request event in GitHub Actions\n$/,
      ],
      [
        ['comment', '--repo', dir, '--pr', '7', '--github-repo', 'acme/shop', '--api-url', 'ftp://x'],
        /^rollback-ready: GitHub API URL ftp:\/\/x: not http\(s\)/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv, env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
    expect(s.requests).toEqual([]);
    const help = await runCli(['comment', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rollback-ready comment [--pr N]');
  });

  it('gives up on a rate limit that lasts too long, with one line', async () => {
    const s = await github();
    s.failures.push({ status: 429, headers: { 'retry-after': '3600' }, body: JSON.stringify({ message: 'rate limited' }) });
    const result = await runCli(args(s), env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^rollback-ready: GitHub rate limit exceeded \(HTTP 429\); GitHub asks to wait 3600 s/),
    ]);
    expect(s.requests).toHaveLength(1);
  });

  it('a network error: the analysis is printed, one line, exit 2', async () => {
    const s = await github();
    const url = s.url;
    await s.stop();
    server = undefined;
    const eventDir = tempDir();
    const eventPath = join(eventDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
    const result = await runCli(['comment', '--repo', dir, '--github-repo', 'acme/shop', '--api-url', url], {
      ...env,
      GITHUB_EVENT_PATH: eventPath,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(MARKER);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^rollback-ready: cannot reach GitHub at http:\/\/127\.0\.0\.1:\d+\/graphql .*check the network and --api-url$/,
    );
    expectNoToken(result.stdout, result.stderr);
  });
});
