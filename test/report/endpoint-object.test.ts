// The endpoint object of endpoint findings: in the JSON report (valid against the schema) and SARIF's property bag;
// the text, Markdown and GitLab outputs keep showing the prose evidence, which stays a string.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, twoReleases } from '../support/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const files = (routes: string) => ({
  'src/files.ts': `import express from 'express';\nconst app = express();\n${routes}app.listen(3000);\n`,
});
const repo = twoReleases(
  files("app.get('/files/:id', (q, s) => s.send(q.params.id));\n"),
  files(
    "app.get('/files/:id.:format', (q, s) => s.send(q.params));\napp.get('/files/:id', (q, s) => s.send(q.params.id));\napp.delete('/files/:id', (q, s) => s.send(''));\n",
  ),
);
const run = (format: string) => cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', format]);

describe('the endpoint object', () => {
  it('is in the JSON report beside the evidence text, and the report is valid against its schema', () => {
    const report = JSON.parse(run('json').stdout) as { findings: { ruleId: string; evidence?: unknown; endpoint?: unknown }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const endpoints = report.findings.filter((f) => f.endpoint !== undefined);
    expect(endpoints.map((f) => [f.ruleId, f.endpoint])).toEqual([
      ['endpoint-removed', { method: 'DELETE', path: '/files/:id', source: 'express', file: 'src/files.ts', line: 5, since: 'v2' }],
      [
        'endpoint-rerouted',
        {
          method: 'GET',
          path: '/files/:id.:format',
          source: 'express',
          file: 'src/files.ts',
          line: 3,
          since: 'v2',
          answeredBy: { method: 'GET', path: '/files/:id', source: 'express', file: 'src/files.ts', line: 3 },
        },
      ],
    ]);
    expect(endpoints.every((f) => typeof f.evidence === 'string')).toBe(true);
  });

  it('is in the SARIF result properties', () => {
    const sarif = JSON.parse(run('sarif').stdout) as {
      runs: { results: { ruleId: string; properties: { evidence?: string; endpoint?: { path: string } } }[] }[];
    };
    const removed = sarif.runs[0]!.results.find((r) => r.ruleId === 'endpoint-removed')!;
    expect(removed.properties).toMatchObject({
      evidence: 'DELETE /files/:id (express) at src/files.ts:5; served since v2',
      endpoint: { path: '/files/:id' },
    });
  });

  it('leaves the text, Markdown and GitLab outputs with the prose evidence', () => {
    const text = run('text').stdout;
    expect(text).toContain('evidence: DELETE /files/:id (express) at src/files.ts:5; served since v2');
    expect(text).toContain(
      'evidence: GET /files/:id.:format (express) at src/files.ts:3; served since v2; now answered by GET /files/:id (express) at src/files.ts:3',
    );
    const markdown = run('markdown').stdout;
    expect(markdown).toContain('DELETE /files/:id (express) at src/files.ts:5; served since v2');
    const gitlab = JSON.parse(run('gitlab').stdout) as { check_name: string; description: string }[];
    expect(gitlab.find((i) => i.check_name === 'endpoint-removed')!.description).toBe(
      'DELETE /files/:id is no longer served after the rollback',
    );
    for (const out of [text, markdown, JSON.stringify(gitlab)]) expect(out).not.toContain('[object Object]');
  });
});
