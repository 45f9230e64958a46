// The GitHub token never reaches the output, whatever a server does with it: echo it with control characters
// inside, encode it, put it in data the tool prints or posts. And no URL is ever printed with its credentials.
import { describe, expect, it } from 'vitest';
import { localGitHubPerTest, runCli, type FakeGitHub } from '../../support/github-server.js';
import { git, twoReleases } from '../../support/repo.js';

const TOKEN = 'ghs_Leak3dT0kenValue1234567890abcdefXYZ';
const env = { GITHUB_TOKEN: TOKEN };

const hex = (text: string) => Buffer.from(text).toString('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The token as a hostile server might send it back. */
function echoes(token: string): Record<string, string> {
  const cut = (inside: string) => `${token.slice(0, 12)}${inside}${token.slice(12)}`;
  return {
    'BEL inside': cut('\u0007'),
    'ESC[0m inside': cut('\u001b[0m'),
    'OSC inside': cut('\u001b]0;title\u0007'),
    'NUL inside': cut('\u0000'),
    'C1 CSI inside': cut('\u009b'),
    'NEL inside': cut('\u0085'),
    'backspace inside': cut('\u0008'),
    'zero-width spaces between its characters': [...token].join('\u200b'),
    'word joiners and soft hyphens between its characters': [...token].join('\u2060\u00ad'),
    'upper case': token.toUpperCase(),
    hex: hex(token),
    'upper-case hex': hex(token).toUpperCase(),
    'base64 of x:TOKEN': b64(`x:${token}`),
    'base64 of x-access-token:TOKEN': b64(`x-access-token:${token}`),
    'base64 of TOKEN': b64(token),
    'base64url of ab:TOKEN': Buffer.from(`ab:${token}`).toString('base64url'),
    'JSON \\u escapes': [...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    'JSON \\u escapes, some characters only': [...token]
      .map((c, i) => (i % 3 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
      .join(''),
    'percent-encoded': [...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
    'HTML entities': [...token].map((c) => `&#${c.charCodeAt(0)};`).join(''),
  };
}

const MIDDLE = TOKEN.slice(8, 24).toLowerCase();

/**
 * The ways a reader could recover the middle of the token from the output: as shown on a terminal (control and
 * format characters dropped), any case, or by decoding hex, base64, JSON, percent or HTML escapes.
 */
function leaks(output: string): string[] {
  const visible = output
    .replace(/\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|.)/g, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '');
  const found: string[] = [];
  const check = (name: string, text: string) => {
    if (text.toLowerCase().includes(MIDDLE)) found.push(name);
  };
  check('as shown', visible);
  check(
    'JSON escapes',
    visible.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
  check(
    'percent escapes',
    visible.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
  check(
    'HTML entities',
    visible.replace(/&#(x?)([0-9a-f]+);/gi, (_, x: string, n: string) => String.fromCharCode(parseInt(n, x ? 16 : 10))),
  );
  for (const run of visible.match(/[0-9a-f]{16,}/gi) ?? [])
    for (const at of [0, 1]) check('hex', Buffer.from(run.slice(at), 'hex').toString('latin1'));
  for (const run of visible.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
    for (const at of [0, 1, 2, 3])
      check('base64', Buffer.from(run.slice(at).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'));
  }
  return found;
}

function expectNoLeak(...outputs: string[]): void {
  for (const output of outputs) expect(leaks(output), output.slice(0, 2000)).toEqual([]);
}

/** Every echoed form, one per line of a server message. */
const echoAll = (token: string) =>
  Object.entries(echoes(token))
    .map(([name, form]) => `${name}: ${form}`)
    .join('\n');

const dir = twoReleases({ 'src/a.ts': 'export const a = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n' });
const base = git(dir, ['rev-parse', 'v1^{commit}']).trim();
const head = git(dir, ['rev-parse', 'v2^{commit}']).trim();

const startGitHub = localGitHubPerTest();
const github = (title = 'Bump a') =>
  startGitHub({
    owner: 'acme',
    name: 'shop',
    pullRequests: [{ number: 7, title, baseRefName: 'main', headRefName: 'feature', baseRefOid: base, headRefOid: head, comments: [] }],
    commits: [{ oid: head, pullRequests: [{ number: 7, title, labels: ['backend'] }] }],
  });

const comment = (s: FakeGitHub) => ['comment', '--repo', dir, '--pr', '7', '--github-repo', 'acme/shop', '--api-url', s.url];
const changelog = (s: FakeGitHub) => [
  '--repo',
  dir,
  '--from',
  'v2',
  '--to',
  'v1',
  '--github-changelog',
  '--github-repo',
  'acme/shop',
  '--api-url',
  s.url,
];

describe('the GitHub token never reaches the output', () => {
  it('echoed in an HTTP error, in every form: one bounded line without it', async () => {
    const s = await github();
    s.failures.push({ status: 401, body: (token) => JSON.stringify({ message: `Bad credentials:\n${echoAll(token)}` }) });
    const result = await runCli(comment(s), env);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rollback-ready: GitHub refused the token \(HTTP 401: "Bad credentials:⏎/);
    expect(lines[0]!.length).toBeLessThanOrEqual(400);
    expectNoLeak(result.stdout, result.stderr);
  });

  it.each(Object.keys(echoes(TOKEN)))('echoed %s in an HTTP error', async (name) => {
    const s = await github();
    s.failures.push({ status: 401, body: (token) => JSON.stringify({ message: `Bad credentials: ${echoes(token)[name]}` }) });
    const result = await runCli(comment(s), env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Bad credentials: \S*\[token\]/);
    expectNoLeak(result.stdout, result.stderr);
  });

  it('echoed in the retry notice of a failing server, then in the error', async () => {
    const s = await github();
    s.failures.push(
      { status: 502, body: (token) => `bad gateway ${echoAll(token)}` },
      { status: 401, body: (token) => `no: ${echoAll(token)}` },
    );
    const result = await runCli(comment(s), env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/retrying in 1 s/);
    expectNoLeak(result.stdout, result.stderr);
  });

  it('echoed in a GraphQL error of a 200 answer', async () => {
    const s = await github();
    s.failures.push({
      status: 200,
      body: (token) => JSON.stringify({ data: null, errors: [{ type: 'SOMETHING', message: echoAll(token) }] }),
    });
    const result = await runCli(comment(s), env);
    expect(result.code).toBe(2);
    expectNoLeak(result.stdout, result.stderr);
  });

  it('echoed in the data: neither printed nor posted in the comment', async () => {
    const s = await github(`Bump a ${echoAll(TOKEN)}`);
    const result = await runCli([...comment(s), '--format', 'markdown'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(s.mutations.map((m) => m.name)).toEqual(['addComment']);
    expectNoLeak(result.stdout, result.stderr, JSON.stringify(s.mutations));
  });

  it('echoed in the changelog: not in any report format', async () => {
    const s = await github(`Bump a ${echoAll(TOKEN)}`);
    for (const format of ['text', 'json', 'markdown', 'sarif', 'gitlab']) {
      const result = await runCli([...changelog(s), '--format', format], env);
      expect(result.code, result.stderr).toBe(0);
      expectNoLeak(result.stdout, result.stderr);
    }
  });

  it('echoed in a changelog failure: the report, then one line without it', async () => {
    const s = await github();
    s.failures.push({ status: 403, body: (token) => JSON.stringify({ message: echoAll(token) }) });
    const result = await runCli([...changelog(s), '--format', 'text'], env);
    expect(result.code).toBe(2);
    expectNoLeak(result.stdout, result.stderr);
  });
});

describe('requests that cannot succeed', () => {
  it.each([400, 401, 403, 404, 410, 422])('HTTP %i is not retried', async (status) => {
    const s = await github();
    s.failures.push({ status, body: JSON.stringify({ message: 'no' }) });
    const result = await runCli(comment(s), env);
    expect(result.code).toBe(2);
    expect(s.requests).toHaveLength(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('an API URL with credentials', () => {
  it.each([
    ['GITHUB_GRAPHQL_URL', (url: string) => ({ args: [] as string[], env: { GITHUB_GRAPHQL_URL: url } })],
    ['--api-url', (url: string) => ({ args: ['--api-url', url], env: {} })],
  ])('in %s is refused in one line that does not show them, before any request', async (_, where) => {
    const s = await github();
    const url = s.url.replace('http://', 'http://deploy:hunter2pass@');
    const { args, env: extra } = where(url);
    for (const command of [
      ['comment', '--repo', dir, '--pr', '7', '--github-repo', 'acme/shop', ...args],
      [...changelog(s).filter((a, i, all) => a !== '--api-url' && all[i - 1] !== '--api-url'), ...args],
    ]) {
      const result = await runCli(command, { ...env, ...extra });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^rollback-ready: GitHub API URL http:\/\/127\.0\.0\.1:\d+\/graphql has a user name or password in it/),
      ]);
      expect(result.stdout + result.stderr).not.toMatch(/hunter2pass|deploy:/);
    }
    expect(s.requests).toEqual([]);
  });

  it('that is not even a URL is not echoed with what looks like credentials', async () => {
    const result = await runCli(
      ['comment', '--repo', dir, '--pr', '7', '--github-repo', 'acme/shop', '--api-url', 'http//deploy:hunter2pass@ghe.example/api'],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/hunter2pass/);
  });
});
