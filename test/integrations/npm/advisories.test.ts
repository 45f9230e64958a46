// --advisories against a local registry: the query sent, the findings made, and failures that are a note and a
// manual item, never a crash and never "safe".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkAdvisories, bulkUrl } from '../../../src/integrations/npm/advisories.js';
import { runCli } from '../../support/github-server.js';
import { closedPort, FakeRegistry } from '../../support/npm-registry.js';
import { twoReleases } from '../../support/repo.js';

const NEXT_ADVISORY = {
  id: 1101,
  github_advisory_id: 'GHSA-aaaa-bbbb-cccc',
  url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
  title: 'Server components can be made to run arbitrary code',
  severity: 'critical' as const,
  vulnerable_versions: '>=15.0.0 <15.3.6',
};

const manifest = (next: string, qs: string) => `${JSON.stringify({ name: 'web', private: true, dependencies: { next, qs } }, null, 2)}\n`;
// The release upgraded next to the patched 15.3.6 and qs to 6.14.0; the rollback goes back to 15.3.3 and 6.13.0.
const repo = () =>
  twoReleases(
    { 'package.json': manifest('15.3.3', '^6.13.0'), 'src/app.ts': 'export const a = 1;\n' },
    { 'package.json': manifest('15.3.6', '^6.14.0'), 'src/app.ts': 'export const a = 1;\n' },
  );

/** The JSON report of the rollback v2 → v1 of `dir`, advisories asked of `registry`. */
const withAdvisories = (dir: string, registry: string) =>
  runCli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json', '--advisories', '--advisories-registry', registry]);

describe('the bulk advisory endpoint', () => {
  const registry = new FakeRegistry({
    next: [NEXT_ADVISORY],
    qs: [
      {
        id: 7,
        url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
        title: 'Prototype pollution',
        severity: 'high',
        vulnerable_versions: '<6.10.3',
      },
    ],
  });
  let url: string;
  beforeAll(async () => {
    url = await registry.start();
  });
  afterAll(() => registry.stop());

  it('is asked with the versions, and its answer read into advisories with their GHSA ids', async () => {
    const answer = await bulkAdvisories(url, { next: ['15.3.3'], qs: ['6.13.0'] });
    expect(registry.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/-/npm/v1/security/advisories/bulk',
      body: { next: ['15.3.3'], qs: ['6.13.0'] },
    });
    expect(answer).toEqual({
      advisories: {
        next: [
          {
            id: 'GHSA-aaaa-bbbb-cccc',
            severity: 'critical',
            title: NEXT_ADVISORY.title,
            url: NEXT_ADVISORY.url,
            vulnerableVersions: '>=15.0.0 <15.3.6',
          },
        ],
      },
    });
  });

  it('keeps a registry path prefix', () => {
    expect(bulkUrl('https://registry.example.com/npm/')).toBe('https://registry.example.com/npm/-/npm/v1/security/advisories/bulk');
    expect(bulkUrl('https://registry.npmjs.org')).toBe('https://registry.npmjs.org/-/npm/v1/security/advisories/bulk');
  });

  it('answers a failure in one line instead of throwing', async () => {
    registry.failWith = { status: 503, body: 'down' };
    try {
      expect(await bulkAdvisories(url, { next: ['15.3.3'] })).toEqual({
        error: expect.stringMatching(/^the advisory registry answered HTTP 503 \(127\.0\.0\.1:\d+\)$/),
      });
    } finally {
      registry.failWith = undefined;
    }
    expect(await bulkAdvisories(await closedPort(), { next: ['15.3.3'] })).toEqual({
      error: expect.stringMatching(/^the advisory registry could not be reached \(127\.0\.0\.1:\d+\): .*ECONNREFUSED/),
    });
    expect(await bulkAdvisories('ftp://example.com', { next: ['1.0.0'] })).toEqual({
      error: 'the advisory registry URL is not usable: not an http(s) URL: ftp://example.com',
    });
  });

  it('is not asked when there is nothing to ask', async () => {
    const before = registry.requests.length;
    expect(await bulkAdvisories(url, {})).toEqual({ advisories: {} });
    expect(registry.requests).toHaveLength(before);
  });
});

describe('rollback-ready --advisories', () => {
  const registry = new FakeRegistry({ next: [NEXT_ADVISORY] });
  let url: string;
  beforeAll(async () => {
    url = await registry.start();
  });
  afterAll(() => registry.stop());

  it('reports each advisory that affects a version the rollback goes back to, with its id and grade', async () => {
    const dir = repo();
    const result = await withAdvisories(dir, url);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      verdict: string;
      findings: { ruleId: string; severity: string; message: string; path: string; line?: number; evidence?: string }[];
    };
    expect(registry.requests.at(-1)!.body).toEqual({ next: ['15.3.3'], qs: ['6.13.0'] });
    expect(report.findings.filter((f) => f.ruleId === 'advisory-reinstated')).toEqual([
      expect.objectContaining({
        severity: 'medium',
        path: 'package.json',
        line: 5,
        message:
          'the rollback goes back to next 15.3.3, which GHSA-aaaa-bbbb-cccc (critical) affects: Server components can be made to run arbitrary code',
        evidence: 'vulnerable versions >=15.0.0 <15.3.6; https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
      }),
    ]);
    expect(report.verdict).toBe('caution');
  });

  it('asks nothing without the flag', async () => {
    const before = registry.requests.length;
    const result = await runCli(['--repo', repo(), '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(registry.requests).toHaveLength(before);
    expect((JSON.parse(result.stdout) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'advisory-reinstated')).toBe(
      false,
    );
  });

  it('turns a registry it cannot reach into a note and a manual item: exit 0, never safe', async () => {
    const dir = twoReleases(
      { 'package.json': manifest('15.3.3', '^6.13.0') },
      { 'package.json': `${JSON.stringify({ name: 'web', private: true, dependencies: { next: '15.3.3', qs: '^6.14.0' } }, null, 2)}\n` },
    );
    const result = await withAdvisories(dir, await closedPort());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      verdict: string;
      notes: string[];
      findings: { ruleId: string; severity: string; message: string }[];
      checklist: { id: string; status: string }[];
    };
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^advisories not checked: the advisory registry could not be reached \(127\.0\.0\.1:\d+\): /),
    );
    expect(report.findings.find((f) => f.ruleId === 'advisory-reinstated')).toMatchObject({
      severity: 'low',
      message: expect.stringMatching(/^the advisories of 1 package the rollback goes back to could not be checked: /),
    });
    expect(report.checklist.find((c) => c.id === 'dependencies')?.status).toBe('manual');
    expect(report.verdict).toBe('caution');
  });

  it('refuses a registry without the flag, in one line', async () => {
    const result = await runCli(['--repo', repo(), '--from', 'v2', '--to', 'v1', '--advisories-registry', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'rollback-ready: --advisories-registry names the registry of --advisories, which is not given — add --advisories, or drop --advisories-registry\n',
    );
  });
});
