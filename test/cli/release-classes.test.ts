// End to end through the built CLI: the harmless release, the hidden environment need, and
// runtime and infrastructure changes that each need their own step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, cli, twoReleases } from '../support/repo.js';

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8')));

interface Report {
  verdict: string;
  riskScore: number;
  changes: { path: string; categories: string[] }[];
  findings: { ruleId: string; message: string; path: string; line?: number; checklistId?: string }[];
  checklist: { id: string; title: string; status: string; detail: string }[];
}

const analyse = (fixture: string): { report: Report; text: string } => {
  const repo = twoReleases(join(FIXTURES, fixture, 'v1'), join(FIXTURES, fixture, 'v2'));
  const json = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']);
  expect(json.code).toBe(0);
  expect(validate(JSON.parse(json.stdout)), JSON.stringify(validate.errors)).toBe(true);
  return { report: JSON.parse(json.stdout) as Report, text: cli(['--repo', repo, '--from', 'v2', '--to', 'v1']).stdout };
};

describe('a release of reformatting, comment edits, JSX markup, a README change and a CSS tweak', () => {
  let run: { report: Report; text: string };
  beforeAll(() => {
    run = analyse('style-only');
  });

  it('is safe with a score of at most 5', () => {
    expect(run.report.verdict).toBe('safe');
    expect(run.report.riskScore).toBeLessThanOrEqual(5);
  });

  it('classifies every file', () => {
    expect(run.report.changes).toEqual([
      { path: 'README.md', status: 'modified', categories: ['docs'] },
      { path: 'public/app.css', status: 'modified', categories: ['style-only'] },
      { path: 'src/Banner.tsx', status: 'modified', categories: ['style-only'] },
      { path: 'src/cart.ts', status: 'modified', categories: ['style-only'] },
      { path: 'src/price.ts', status: 'modified', categories: ['style-only'] },
    ]);
  });

  it('says why in the checklist', () => {
    expect(run.report.checklist.find((c) => c.id === 'review')).toMatchObject({
      status: 'pass',
      detail: 'only style, markup, docs, tests or assets changed: this release rolls back cleanly',
    });
    expect(run.text).toMatch(/^SAFE — risk 0\/100$/m);
    expect(run.text).toMatch(
      /✔ Every change was read and understood\n {6}only style, markup, docs, tests or assets changed: this release rolls back cleanly/,
    );
  });
});

describe('a release whose newer code renamed DB_URL to DATABASE_URL', () => {
  it('reports that the rollback needs DB_URL', () => {
    const { report, text } = analyse('env-rename');
    expect(report.findings.filter((f) => f.ruleId === 'env-var-needed')).toMatchObject([
      {
        path: 'src/db.ts',
        line: 2,
        message: 'the rollback needs DB_URL: the older code reads it and the running release does not, so it may not be set any more',
      },
    ]);
    expect(report.findings.find((f) => f.ruleId === 'env-example-changed')!.message).toBe(
      'the rollback brings back DB_URL and drops DATABASE_URL in .env.example: check they are set',
    );
    expect(report.checklist.find((c) => c.id === 'config')!.status).toBe('manual');
    expect(report.verdict).toBe('caution');
    expect(text).toMatch(/\? Environment and config the older release needs are still set\n {6}check by hand: the rollback needs DB_URL/);
  });
});

describe('a release with a Node 18 → 20 bump, a Terraform change and a Helm chart change', () => {
  it('gives each its own checklist item', () => {
    const { report, text } = analyse('runtime-infra');
    const items = Object.fromEntries(report.checklist.map((c) => [c.id, c]));
    expect(items.dependencies).toMatchObject({
      status: 'fail',
      detail: 'the rollback downgrades node (base image) from node:20-alpine to node:18-alpine (major) (+1 more)',
    });
    expect(report.findings.filter((f) => f.ruleId === 'runtime-downgrade').map((f) => `${f.path}:${f.line}`)).toEqual([
      'Dockerfile:1',
      'package.json:4',
    ]);
    expect(items['infrastructure:terraform']).toMatchObject({
      status: 'manual',
      title: 'Terraform/OpenTofu rolled back separately: infra/main.tf',
    });
    expect(items['infrastructure:helm']).toMatchObject({
      status: 'manual',
      title: 'Helm charts rolled back separately: charts/api/Chart.yaml, charts/api/values.yaml',
    });
    expect(report.changes.filter((c) => c.categories.includes('unclassified'))).toEqual([]);
    expect(text).toMatch(/✖ Dependencies and runtime go back cleanly/);
    expect(text).toMatch(/\? Terraform\/OpenTofu rolled back separately: infra\/main.tf/);
    expect(text).toMatch(/\? Helm charts rolled back separately: charts\/api\/Chart.yaml, charts\/api\/values.yaml/);
  });
});

describe('a big release of nothing but reformatting', () => {
  it('stays safe: its size undoes nothing that runs', () => {
    const to: Record<string, string> = {};
    const from: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      to[`src/m${i}.ts`] = `export const v${i} = { a: 'x', b: [1, 2] }\n`;
      from[`src/m${i}.ts`] = `// module ${i}\nexport const v${i} = {\n  a: "x",\n  b: [1, 2],\n};\n`;
    }
    const repo = twoReleases(to, from);
    const report = JSON.parse(cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout) as Report;
    expect(report.verdict).toBe('safe');
    expect(report.riskScore).toBeLessThanOrEqual(5);
    expect(report.changes.every((c) => c.categories.join() === 'style-only')).toBe(true);
    expect(report.checklist.find((c) => c.id === 'volume')!.detail).toMatch(
      /^only minor: .*120 files: more than a small release .*nothing that runs goes back$/,
    );
  });
});
