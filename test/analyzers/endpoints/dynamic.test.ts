import { describe, expect, it } from 'vitest';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';

const app = (body: string, extra: Record<string, string> = {}) => ({
  'src/app.ts': `import express from 'express';\nimport { config } from './config';\nimport { API_BASE } from './paths';\nconst app = express();\n${body}app.listen(3000);\n`,
  'src/paths.ts': "export const API_BASE = '/api';\n",
  ...extra,
});

describe('routes built from values', () => {
  it('reads an array of paths as one route per path', async () => {
    const findings = await endpointFindings(
      app("app.get(['/a', '/b'], (_q, s) => s.send('x'));\n"),
      app("app.get(['/a', '/b', '/c'], (_q, s) => s.send('x'));\n"),
    );
    expect(removedEndpoints(findings)).toEqual(['GET /c']);
  });

  it('reads template literals and concatenations of constants, imported ones included', async () => {
    const findings = await endpointFindings(
      app("const V = 'v1';\napp.get(`${API_BASE}/${V}/users`, (_q, s) => s.send('x'));\n"),
      app(
        "const V = 'v1';\napp.get(`${API_BASE}/${V}/users`, (_q, s) => s.send('x'));\napp.post(API_BASE + '/' + V + '/users', (_q, s) => s.send('x'));\n",
      ),
    );
    expect(removedEndpoints(findings)).toEqual(['POST /api/v1/users']);
  });

  it('reads routes built in loops over constant arrays', async () => {
    const loop = (kinds: string) =>
      `const KINDS = [${kinds}] as const;\nfor (const kind of KINDS) {\n  app.get(\`/reports/\${kind}\`, (_q, s) => s.send(kind));\n}\n['csv', 'pdf'].forEach((format) => app.get(\`/export.\${format}\`, (_q, s) => s.send(format)));\n`;
    const findings = await endpointFindings(app(loop("'daily'")), app(loop("'daily', 'weekly'")));
    expect(removedEndpoints(findings)).toEqual(['GET /reports/weekly']);
  });

  it('tells two different multi-line dynamic routes apart, by path expression and handler rather than their first line', async () => {
    const reports = 'app.get(\n  `${config.base}/reports`,\n  reports,\n);\n';
    const exports = 'app.get(\n  `${config.base}/exports`,\n  exportsHandler,\n);\n';
    const findings = await endpointFindings(app(reports), app(reports + exports));
    expect(findings).toMatchObject([
      {
        ruleId: 'route-unresolved',
        path: 'src/app.ts',
        line: 9,
        evidence: '`${config.base}/exports`',
        message:
          'a route (express, GET) cannot be read statically (the route path is not static): check by hand that the rollback keeps it',
      },
    ]);
  });

  it('does not report again a dynamic route that the target has too, wherever it moved in the file', async () => {
    const reports = 'app.get(\n  `${config.base}/reports`,\n  reports,\n);\n';
    const findings = await endpointFindings(app(reports), app("app.get('/health', (_q, s) => s.send('ok'));\n" + reports));
    expect(removedEndpoints(findings)).toEqual(['GET /health']);
    expect(findings.filter((f) => f.ruleId === 'route-unresolved')).toEqual([]);
  });

  it('takes the default of an environment variable, and says so', async () => {
    const findings = await endpointFindings(app(''), app("app.get((process.env.HEALTH_PATH ?? '/health'), (_q, s) => s.send('ok'));\n"));
    expect(findings).toMatchObject([
      { endpoint: { path: '/health', prefixUnknown: ['the path reads environment variable HEALTH_PATH (its default is shown)'] } },
    ]);
  });
});
