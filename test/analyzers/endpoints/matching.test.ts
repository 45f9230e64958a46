import { describe, expect, it } from 'vitest';
import { EndpointSet, type Endpoint } from '../../../src/analyzers/endpoints/identity.js';
import { endpointFindings, removedEndpoints } from '../../support/endpoints.js';

const files = (routes: string) => ({
  'src/files.ts': `import express from 'express';\nconst app = express();\n${routes}app.listen(3000);\n`,
});
const route = (method: string, path: string) => `app.${method}('${path}', (req, res) => res.send(req.params));\n`;

describe('matching as the router matches', () => {
  it('reports a specific route put in front of a parameter route as rerouted to it, not removed', async () => {
    const findings = await endpointFindings(
      files(route('get', '/files/:id') + route('get', '/files/*')),
      files(route('get', '/files/:id.:format') + route('get', '/files/:id') + route('get', '/files/*')),
    );
    expect(removedEndpoints(findings)).toEqual([]);
    expect(findings).toMatchObject([
      {
        ruleId: 'endpoint-rerouted',
        severity: 'low',
        path: 'src/files.ts',
        line: 3,
        message:
          'GET /files/:id.:format has no route of its own after the rollback: GET /files/:id (src/files.ts:3) answers its requests instead',
        endpoint: {
          method: 'GET',
          path: '/files/:id.:format',
          answeredBy: { method: 'GET', path: '/files/:id', file: 'src/files.ts', line: 3 },
        },
      },
    ]);
  });

  it('names the wildcard route when only a wildcard answers, and still reports what a method change removes', async () => {
    const findings = await endpointFindings(
      files(route('get', '/files/*')),
      files(route('get', '/files/latest') + route('post', '/files/latest') + route('get', '/files/*')),
    );
    expect(removedEndpoints(findings)).toEqual(['POST /files/latest']);
    expect(findings.filter((f) => f.ruleId === 'endpoint-rerouted').map((f) => f.endpoint!.answeredBy)).toEqual([
      { method: 'GET', path: '/files/*', source: 'express', file: 'src/files.ts', line: 3 },
    ]);
  });

  it('does not count a catch-all fallback (a 404 handler) as serving anything', async () => {
    const findings = await endpointFindings(
      files(route('get', '/a') + route('all', '*')),
      files(route('get', '/a') + route('get', '/reports') + route('all', '*')),
    );
    expect(removedEndpoints(findings)).toEqual(['GET /reports']);
  });

  it('lets a parameter with a pattern answer only what the pattern accepts', async () => {
    const findings = await endpointFindings(
      files(route('get', '/orders/:id(\\\\d+)')),
      files(route('get', '/orders/latest') + route('get', '/orders/42') + route('get', '/orders/:id(\\\\d+)')),
    );
    expect(removedEndpoints(findings)).toEqual(['GET /orders/latest']);
    expect(findings.filter((f) => f.ruleId === 'endpoint-rerouted').map((f) => f.endpoint!.path)).toEqual(['/orders/42']);
  });

  it('lets a file-system router pick the file by path first: a dynamic route does not take a path another file owns', async () => {
    const revenue = (get: boolean) =>
      `export default function handler(req, res) {\n  if (req.method === 'POST') return res.json({});\n${get ? "  if (req.method === 'GET') return res.json([]);\n" : ''}  res.status(405).end();\n}\n`;
    const byId = "export default function handler(req, res) {\n  if (req.method === 'GET') return res.json({});\n}\n";
    const findings = await endpointFindings(
      { 'pages/api/reports/revenue.ts': revenue(false), 'pages/api/reports/[id].ts': byId },
      { 'pages/api/reports/revenue.ts': revenue(true), 'pages/api/reports/[id].ts': byId },
    );
    expect(removedEndpoints(findings)).toEqual(['GET /api/reports/revenue']);
  });
});

describe('EndpointSet.answering', () => {
  const at = (method: string, path: string, line = 1): Endpoint => ({ method, path, source: 'express', file: 'a.ts', line });
  const set = new EndpointSet([
    at('GET', '/a/:id', 1),
    at('GET', '/a/*', 2),
    at('ALL', '/b/:x?', 3),
    at('GET', '/c/:id(\\d+)', 4),
    at('GET', '/[...slug]', 5),
  ]);

  it('prefers the most specific route that answers', () => {
    expect(set.answering({ method: 'GET', path: '/a/report.pdf', source: 'express' })?.line).toBe(1);
    expect(set.answering({ method: 'GET', path: '/a/x/y', source: 'express' })?.line).toBe(2);
    expect(set.answering({ method: 'HEAD', path: '/a/x', source: 'express' })?.line).toBe(1);
  });

  it('answers with optional parameters, patterns and catch-all segments as the router would', () => {
    expect(set.answering({ method: 'DELETE', path: '/b', source: 'express' })?.line).toBe(3);
    expect(set.answering({ method: 'POST', path: '/b/1', source: 'express' })?.line).toBe(3);
    expect(set.answering({ method: 'GET', path: '/c/12', source: 'express' })?.line).toBe(4);
    expect(set.answering({ method: 'GET', path: '/c/x', source: 'express' })?.line).toBe(5);
    expect(set.answering({ method: 'POST', path: '/a/1', source: 'express' })).toBeUndefined();
  });

  it('never lets a single-segment parameter answer a wildcard, nor a hostile pattern run', () => {
    expect(new EndpointSet([at('GET', '/a/:id')]).answering({ method: 'GET', path: '/a/*', source: 'express' })).toBeUndefined();
    const hostile = new EndpointSet([at('GET', '/x/:id((a+)+$)')]);
    expect(hostile.answering({ method: 'GET', path: `/x/${'a'.repeat(40)}!`, source: 'express' })).toBeUndefined();
  });
});
