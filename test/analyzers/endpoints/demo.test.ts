import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRepo, cli, FIXTURES } from '../../support/repo.js';

// Runs the built CLI (compile first: npx tsc -p tsconfig.json) on the sample app of `npm run demo`.
describe('endpoint removal in the demo release', () => {
  const repo = buildRepo([
    { tree: join(FIXTURES, 'demo', 'v1.0.0'), tag: 'v1.0.0' },
    { tree: join(FIXTURES, 'demo', 'v1.1.0'), tag: 'v1.1.0' },
  ]);

  it('shows the endpoint v1.1.0 added as removed by rolling back to v1.0.0', () => {
    const result = cli(['--repo', repo, '--from', 'v1.1.0', '--to', 'v1.0.0', '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[]; checklist: { id: string; status: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'endpoint-removed')).toEqual([
      {
        ruleId: 'endpoint-removed',
        category: 'endpoint-removal',
        severity: 'high',
        message: 'GET /api/users/:id/emails is no longer served after the rollback',
        path: 'src/index.ts',
        line: 18,
        evidence: 'GET /api/users/:id/emails (express) at src/index.ts:18; served since v1.1.0',
        endpoint: { method: 'GET', path: '/api/users/:id/emails', source: 'express', file: 'src/index.ts', line: 18, since: 'v1.1.0' },
        remediation: expect.any(String),
        checklistId: 'endpoints',
      },
    ]);
    expect(report.checklist.find((c) => c.id === 'endpoints')?.status).toBe('fail');
  });

  it('prints it in the text report', () => {
    const result = cli(['--repo', repo, '--from', 'v1.1.0', '--to', 'v1.0.0']);
    expect(result.stdout).toContain('HIGH     src/index.ts:18  [endpoint-removed]');
    expect(result.stdout).toContain('GET /api/users/:id/emails is no longer served after the rollback');
  });
});
