import { describe, expect, it } from 'vitest';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';
import { buildRepo } from '../../support/repo.js';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { endpointsAnalyzer } from '../../../src/analyzers/endpoints/analyzer.js';

const route = (path: string) =>
  `import { Router } from 'express';\nconst r = Router();\nr.get('${path}', (_q, s) => s.send('x'));\nexport default r;\n`;

describe('endpoints served by files the release did not change', () => {
  it('keeps an endpoint that an unchanged file next to the changed one still serves at the target', async () => {
    const shared = { 'src/routes/legacy.ts': route('/reports') };
    const findings = await endpointFindings(shared, { ...shared, 'src/routes/reports.ts': route('/reports') });
    expect(findings).toEqual([]);
  });

  it('reads the configured route roots for a route moved to an unchanged file elsewhere', async () => {
    const shared = { 'src/legacy/reports.ts': route('/reports') };
    const from = { ...shared, 'src/routes/reports.ts': route('/reports') };
    expect(removedEndpoints(await endpointFindings(shared, from))).toEqual(['GET /reports']);
    expect(await endpointFindings(shared, from, { api: { routeRoots: ['src/legacy/**'] } })).toEqual([]);
  });

  it('still reports an endpoint nothing serves at the target', async () => {
    const shared = { 'src/routes/legacy.ts': route('/old') };
    const findings = await endpointFindings(shared, { ...shared, 'src/routes/reports.ts': route('/reports') });
    expect(removedEndpoints(findings)).toEqual(['GET /reports']);
  });
});

describe('since when an endpoint is served', () => {
  it('names the oldest release tag in the range that has it', async () => {
    const app = (extra: string) =>
      `import express from 'express';\nconst app = express();\napp.get('/a', (_q, s) => s.send('a'));\n${extra}`;
    const repo = buildRepo([
      { tree: { 'src/app.ts': app('') }, tag: 'v1.0.0' },
      { tree: { 'src/app.ts': app("app.get('/b', (_q, s) => s.send('b'));\n") }, tag: 'v1.1.0' },
      { tree: { 'src/app.ts': app("app.get('/b', (_q, s) => s.send('b'));\napp.get('/c', (_q, s) => s.send('c'));\n") }, tag: 'v1.2.0' },
    ]);
    const report = await analyzeRollback({ repo, from: 'v1.2.0', to: 'v1.0.0', analyzers: [endpointsAnalyzer] });
    const evidence = report.findings.filter((f) => f.ruleId === 'endpoint-removed').map((f) => f.evidence);
    expect(evidence).toEqual([
      'GET /b (express) at src/app.ts:4; served since v1.1.0',
      'GET /c (express) at src/app.ts:5; served since v1.2.0',
    ]);
  });
});
