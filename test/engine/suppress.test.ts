// Suppression comments on real repositories: every rule's finding with a line can be suppressed by a comment in the
// syntax of its file, above the line it points at; a comment the release adds that matches nothing is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { FIXTURES, cli, twoReleases } from '../support/repo.js';

const V1 = join(FIXTURES, 'suppression', 'v1');
const V2 = join(FIXTURES, 'suppression', 'v2');

function analyse(repo: string): Report {
  const result = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Report;
}

const at = (report: Report, ruleId: string, path: string) => report.findings.filter((f) => f.ruleId === ruleId && f.path === path);

describe('suppression comments', () => {
  let report: Report;
  beforeAll(() => {
    report = analyse(twoReleases(V1, V2));
  });

  it('suppress a contract finding: // above the export, with a doc comment between', () => {
    expect(at(report, 'export-removed', 'src/index.ts')).toEqual([
      expect.objectContaining({ line: 13, suppressed: { reason: 'only the admin app imports it, and it rolls back with this package' } }),
      expect.objectContaining({ line: 18, message: 'PAGE_SIZE, exported by @acme/users, is removed by the rollback' }),
    ]);
    expect(at(report, 'export-removed', 'src/index.ts')[1]!.suppressed).toBeUndefined();
  });

  it('suppress an endpoint finding: // above the route', () => {
    expect(at(report, 'endpoint-removed', 'src/server.ts')).toEqual([
      expect.objectContaining({
        line: 11,
        suppressed: { reason: 'the admin app is its only client, and it rolls back with this service' },
      }),
    ]);
  });

  it('suppress a config finding: # in .env.example, in the older release the finding points into', () => {
    expect(at(report, 'env-example-changed', '.env.example')).toEqual([
      expect.objectContaining({ line: 2, suppressed: { reason: 'the platform sets both names on every release' } }),
    ]);
  });

  it('report a comment the release adds that matches no finding, and one naming no rule', () => {
    expect(report.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([
      expect.objectContaining({
        path: 'src/index.ts',
        line: 6,
        severity: 'info',
        message: 'the rollback-ready-ignore comment for export-removed matches no export-removed finding on the line below it',
      }),
      expect.objectContaining({
        path: 'src/index.ts',
        line: 17,
        message: 'the rollback-ready-ignore comment names export-remove, which is no rule',
      }),
    ]);
  });

  it('a suppressed finding no longer counts: only the unsuppressed export blocks', () => {
    const live = report.findings.filter((f) => !f.suppressed && (f.severity === 'high' || f.severity === 'critical'));
    expect(live.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(['export-removed src/index.ts:18']);
  });

  it('a comment one line too high suppresses nothing and is reported', () => {
    const server = readFileSync(join(V2, 'src', 'server.ts'), 'utf8').replace(
      '// rollback-ready-ignore endpoint-removed: the admin app is its only client, and it rolls back with this service\n',
      "// rollback-ready-ignore endpoint-removed: the admin app is its only client, and it rolls back with this service\nconst emailsPath = '/api/users/:id/emails';\n",
    );
    const moved = analyse(twoReleases(V1, { ...treeOf(V2), 'src/server.ts': server }));
    expect(at(moved, 'endpoint-removed', 'src/server.ts')).toEqual([expect.not.objectContaining({ suppressed: expect.anything() })]);
    expect(at(moved, 'unused-suppression', 'src/server.ts')).toEqual([expect.objectContaining({ line: 10 })]);
  });

  it('a comment both releases hold is not reported when it matches nothing (only what the release adds is)', () => {
    const index = readFileSync(join(V2, 'src', 'index.ts'), 'utf8');
    const unchanged = analyse(
      twoReleases({ ...treeOf(V1), 'src/index.ts': index }, { ...treeOf(V2), 'src/index.ts': `${index}\nexport const VERSION = 2;\n` }),
    );
    expect(unchanged.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });
});

function treeOf(dir: string): Record<string, string> {
  const files = ['package.json', 'src/index.ts', 'src/server.ts', '.env.example'];
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
