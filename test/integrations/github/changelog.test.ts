import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGitHub, runCli } from '../../support/github-server.js';
import { buildRepo, git, ROOT } from '../../support/repo.js';

const TOKEN = 'ghp_changelogT0ken0987654321';
const validateReport = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8')),
);

// v1, then three commits up to v2: each came through a pull request.
const dir = buildRepo([
  { tree: { 'a.md': '1\n' }, tag: 'v1' },
  { tree: { 'a.md': '2\n' } },
  { tree: { 'a.md': '3\n' } },
  { tree: { 'a.md': '4\n' }, tag: 'v2' },
]);
const shas = git(dir, ['rev-list', 'v2']).trim().split('\n');

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function github(): Promise<FakeGitHub> {
  const [c3, c2, c1, v1] = shas;
  server = await new FakeGitHub({
    owner: 'acme',
    name: 'shop',
    pullRequests: [],
    commits: [
      { oid: c3!, pullRequests: [{ number: 14, title: 'Split the <users> table', labels: ['migration', 'backend'] }] },
      {
        oid: c2!,
        pullRequests: [
          { number: 13, title: 'Draft that was never merged', labels: ['breaking-change'], merged: false },
          { number: 12, title: 'Remove v1 API', labels: ['Breaking-Change'] },
        ],
      },
      { oid: c1!, pullRequests: [{ number: 12, title: 'Remove v1 API', labels: ['Breaking-Change'] }] },
      { oid: v1!, pullRequests: [{ number: 9, title: 'Already in v1', labels: ['database'] }] },
    ],
  }).start();
  return server;
}

const args = (s: FakeGitHub, format: string) => [
  '--repo',
  dir,
  '--from',
  'v2',
  '--to',
  'v1',
  '--format',
  format,
  '--github-changelog',
  '--github-repo',
  'acme/shop',
  '--api-url',
  s.url,
];

describe('analyze --github-changelog', () => {
  it('lists the merged pull requests of the range, and their labels raise checklist items', async () => {
    const s = await github();
    const result = await runCli(args(s, 'json'), { GITHUB_TOKEN: TOKEN });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.pullRequests).toEqual([
      { number: 14, title: 'Split the <users> table', url: 'https://github.example/acme/shop/pull/14', labels: ['migration', 'backend'] },
      { number: 12, title: 'Remove v1 API', url: 'https://github.example/acme/shop/pull/12', labels: ['Breaking-Change'] },
    ]);
    const item = (id: string) => report.checklist.find((c: { id: string }) => c.id === id);
    expect(item('database')).toMatchObject({
      status: 'manual',
      detail: 'check by hand: pull request #14 "Split the <users> table" is labelled migration',
    });
    expect(item('contracts')).toMatchObject({
      status: 'manual',
      detail: 'check by hand: pull request #12 "Remove v1 API" is labelled Breaking-Change',
    });
    expect(
      report.findings
        .filter((f: { ruleId: string }) => f.ruleId === 'pull-request-label')
        .map((f: { path: string; category: string }) => [f.path, f.category]),
    ).toEqual([
      ['#12', 'contract-change'],
      ['#14', 'migration'],
    ]);
    expect(s.requests).toHaveLength(1);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('walks past the first page of history (merged branches interleave commits outside the range)', async () => {
    const s = await github();
    const outside = Array.from({ length: 150 }, (_, i) => ({
      oid: i.toString(16).padStart(40, 'e'),
      pullRequests: [{ number: 500 + i, title: 'elsewhere', labels: ['database'] }],
    }));
    s.repo.commits.splice(1, 0, ...outside);
    const result = await runCli(args(s, 'json'), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).pullRequests.map((p: { number: number }) => p.number)).toEqual([14, 12]);
    expect(s.requests.map((r) => r.variables.after ?? null)).toEqual([null, Buffer.from('100').toString('base64')]);
  });

  it('shows the changelog in the Markdown and text reports, escaped', async () => {
    const s = await github();
    const md = await runCli(args(s, 'markdown'), { GITHUB_TOKEN: TOKEN });
    expect(md.stdout).toContain('### Merged pull requests (2)');
    expect(md.stdout).toContain('- [#14](https://github.example/acme/shop/pull/14) Split the &lt;users&gt; table `migration` `backend`');
    const text = await runCli(args(s, 'text'), { GITHUB_TOKEN: TOKEN });
    expect(text.stdout).toContain(
      'Merged pull requests (2)\n  #14 Split the <users> table  [migration, backend]\n  #12 Remove v1 API  [Breaking-Change]\n',
    );
  });

  it('on a GitHub failure still prints the analysis, then one line without the token, exit 2', async () => {
    const s = await github();
    s.failures.push(
      { status: 500, body: JSON.stringify({ message: 'internal error for {token}' }) },
      { status: 502, body: 'bad gateway {token}' },
      { status: 503, body: '{}' },
    );
    const result = await runCli(args(s, 'text'), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^rollback-ready .*: rolling back v2/);
    expect(result.stdout).not.toContain('Merged pull requests');
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^rollback-ready: GitHub failed \(HTTP 503: .*\) — run again later$/);
    expect(s.requests).toHaveLength(3);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});
