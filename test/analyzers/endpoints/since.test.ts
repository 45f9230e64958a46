import { describe, expect, it } from 'vitest';
import { ServedSince } from '../../../src/analyzers/endpoints/since.js';
import type { Endpoint } from '../../../src/analyzers/endpoints/identity.js';
import type { BlobContent } from '../../../src/model/report.js';
import { memoryRelease } from '../../support/endpoints.js';
import { evidenceText } from '../../../rules/_endpoint.js';
import { endpointsAnalyzer } from '../../../src/analyzers/endpoints/analyzer.js';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { buildRepo, git } from '../../support/repo.js';

const endpoint: Endpoint = {
  method: 'GET',
  path: '/api/users/:id/emails',
  literal: '/:id/emails',
  source: 'express',
  file: 'src/users.ts',
  line: 6,
};
const TAGS = [
  { name: 'v1.1.0', sha: 'a'.repeat(40) },
  { name: 'v1.2.0', sha: 'b'.repeat(40) },
];
const has = { text: "router.get('/:id/emails', list);\n", size: 33 };
const without = { text: "router.get('/:id', one);\n", size: 25 };

/** A release whose tags and older versions are given: `versions` by tag sha. */
function releaseWith(tags: () => Promise<typeof TAGS>, versions: Record<string, BlobContent>) {
  return {
    ...memoryRelease({}),
    tagsInRange: tags,
    readAt: async (sha: string) => versions[sha] ?? { size: 0, unreadable: 'missing' as const },
  };
}

describe('served since', () => {
  it('names the oldest tag whose version of the file has the endpoint', async () => {
    const release = releaseWith(async () => TAGS, { [TAGS[0]!.sha]: without, [TAGS[1]!.sha]: has });
    expect(await new ServedSince(release).of(endpoint)).toEqual({ since: 'v1.2.0' });
  });

  it("counts a tag with the running release's own text of the file, whose path is not quoted as served", async () => {
    const running = { text: 'const base = `/reports`;\nrouter.get(`${base}/:id`, one);\n', size: 52 };
    const built: Endpoint = { ...endpoint, path: '/reports/:id', literal: '${base}/:id', file: 'src/reports.ts' };
    const release = { ...releaseWith(async () => TAGS, { [TAGS[1]!.sha]: running }), readPath: async () => running };
    expect(await new ServedSince(release).of(built)).toEqual({ since: 'v1.2.0' });
  });

  it('says no tag has it only when every tag was read or had no such file', async () => {
    const release = releaseWith(async () => TAGS, { [TAGS[1]!.sha]: without });
    expect(await new ServedSince(release).of(endpoint)).toEqual({});
  });

  it('says it is not known, rather than "in no tag", when the tags cannot be listed', async () => {
    const release = releaseWith(() => Promise.reject(new Error('fatal: bad object refs/tags/x\nmore')), {});
    expect(await new ServedSince(release).of(endpoint)).toEqual({
      sinceUnknown: 'the release tags could not be listed: fatal: bad object refs/tags/x',
    });
  });

  it('says it is not known when a version could not be read and no later tag has it', async () => {
    const release = releaseWith(async () => TAGS, { [TAGS[0]!.sha]: { size: 0, unreadable: 'failed' }, [TAGS[1]!.sha]: without });
    expect(await new ServedSince(release).of(endpoint)).toEqual({ sinceUnknown: 'src/users.ts could not be read at v1.1.0' });
    // A later tag that has it answers: the failed read no longer matters.
    const later = releaseWith(async () => TAGS, { [TAGS[0]!.sha]: { size: 0, unreadable: 'failed' }, [TAGS[1]!.sha]: has });
    expect(await new ServedSince(later).of(endpoint)).toEqual({ since: 'v1.2.0' });
  });
});

describe('served since, in the evidence', () => {
  it('reads as not known, with the reason, instead of as a claim', () => {
    const fact = { path: 'src/users.ts', line: 6, method: 'GET', route: '/api/users/:id/emails', source: 'express' };
    expect(evidenceText({ ...fact, sinceUnknown: 'src/users.ts could not be read at v1.1.0' })).toBe(
      'GET /api/users/:id/emails (express) at src/users.ts:6; served since: not known (src/users.ts could not be read at v1.1.0)',
    );
    expect(evidenceText(fact)).toBe('GET /api/users/:id/emails (express) at src/users.ts:6; in no release tag of the range yet');
  });
});

describe('served since, on a real repository', () => {
  it("names only the running release's series: another package's or a build's tag in the range is no release of it", async () => {
    const app = (routes: string) => ({
      'package.json': '{ "dependencies": { "express": "^4.0.0" } }',
      'src/app.ts': `import express from 'express';\nconst app = express();\n${routes}app.listen(3000);\n`,
    });
    const dir = buildRepo([
      { tree: app("app.get('/a', (req, res) => res.send('a'));\n"), tag: 'v1.0.0' },
      { tree: app("app.get('/a', (req, res) => res.send('a'));\napp.get('/b', (req, res) => res.send('b'));\n"), tag: 'web@3.0.0' },
      {
        tree: app(
          "app.get('/a', (req, res) => res.send('a'));\napp.get('/b', (req, res) => res.send('b'));\napp.get('/c', (req, res) => res.send('c'));\n",
        ),
        tag: 'v1.1.0',
      },
    ]);
    git(dir, ['tag', 'build-77', 'web@3.0.0^{commit}']);
    git(dir, ['tag', 'v1.0.1', 'web@3.0.0^{commit}']);
    const report = await analyzeRollback({ repo: dir, from: 'v1.1.0', to: 'v1.0.0', analyzers: [endpointsAnalyzer] });
    const since = Object.fromEntries(
      report.findings.filter((f) => f.ruleId === 'endpoint-removed').map((f) => [f.endpoint!.path, f.endpoint!.since]),
    );
    expect(since).toEqual({ '/b': 'v1.0.1', '/c': 'v1.1.0' });
  });
});
