// What runs in the CI service or configures the repository's host is not the application a rollback deploys: a
// repository's own GitHub Action (its bundled dist/, its package.json and lockfile), issue templates and bot
// settings under .github/. Found on payload v3.84.1 → v3.84.0, a CI-only release read as CAUTION 68 for 34 variables
// a bundled action reads and its packages "removed".
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { twoReleases } from '../support/repo.js';

const action = (version: string, reads: string[]) => ({
  '.github/actions/triage/package.json': JSON.stringify({ name: 'triage', private: true, dependencies: { '@actions/core': version } }),
  '.github/actions/triage/pnpm-lock.yaml': `lockfileVersion: '9.0'\n\npackages:\n\n  '@actions/core@${version.replace('^', '')}':\n    resolution: {integrity: sha512-x}\n`,
  '.github/actions/triage/dist/index.js': reads.map((name) => `const ${name.toLowerCase()} = process.env.${name};`).join('\n') + '\n',
});
const app = {
  'src/app.ts': 'export const port = Number(process.env.PORT);\n',
  'package.json': JSON.stringify({ name: 'app', private: true }),
};

describe("the repository's own automation", () => {
  it('is no part of the rollback: no variables, no dependencies, no app config, no behaviour', async () => {
    const report = await analyzeRollback({
      repo: twoReleases(
        { ...app, ...action('^1.10.0', ['GITHUB_SHA']), '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: true\n' },
        {
          ...app,
          ...action('^1.11.1', ['GITHUB_TOKEN', 'INPUT_LABELS']),
          '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\n',
          '.github/dependabot.yml': 'version: 2\nupdates: []\n',
          '.github/scripts/notify.js': 'export const hook = process.env.SLACK_WEBHOOK_URL;\n',
        },
      ),
      from: 'v2',
      to: 'v1',
    });
    expect(report.verdict).toBe('safe');
    const rules = report.findings.map((f) => f.ruleId);
    for (const id of ['env-var-needed', 'dependency-downgrade', 'lockfile-changed', 'config-file-changed', 'behaviour-reverted'])
      expect(rules, id).not.toContain(id);
    const categories = Object.fromEntries(report.changes.map((c) => [c.path, c.categories]));
    expect(categories['.github/actions/triage/dist/index.js']).toContain('infrastructure-change');
    expect(categories['.github/actions/triage/dist/index.js']).not.toContain('code-change');
    expect(categories['.github/actions/triage/package.json']).not.toContain('dependency-change');
    expect(categories['.github/dependabot.yml']).toEqual(['style-only']);
    expect(categories['.github/scripts/notify.js']).toEqual(['infrastructure-change']);
  });

  it("still reads the application's own variables", async () => {
    const report = await analyzeRollback({
      repo: twoReleases(
        { ...app, 'src/db.ts': 'export const url = process.env.DB_URL;\n' },
        { ...app, 'src/db.ts': 'export const url = process.env.DATABASE_URL;\n', ...action('^1.11.1', ['GITHUB_TOKEN']) },
      ),
      from: 'v2',
      to: 'v1',
    });
    expect(report.findings.filter((f) => f.ruleId === 'env-var-needed').map((f) => f.path)).toEqual(['src/db.ts']);
  });
});
