// What people read, kept as golden files: the text report and the pull-request comment of one release made
// in memory (every kind of finding, a suppression, notes, a scope), compared byte for byte.
// After a deliberate change of the output: `npx vitest run test/report/golden.test.ts -u` rewrites them; review the diff.
import { describe, expect, it } from 'vitest';
import { renderMarkdown, GITHUB_COMMENT_LIMIT } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { reportOf } from '../../src/testing/report.js';
import type { Fact } from '../../src/model/facts.js';

const facts: Fact[] = [
  {
    kind: 'release.volume',
    path: '.',
    commits: 12,
    files: 7,
    insertions: 240,
    deletions: 96,
    authors: 3,
    directories: 4,
    subsystems: 5,
    entropy: 0.7,
    filesRead: 5,
    excluded: [],
  },
  { kind: 'file.classified', path: 'web/styles/app.css', category: 'style-only', reason: 'stylesheet' },
  { kind: 'file.classified', path: 'docs/api.md', category: 'docs', reason: 'documentation' },
  { kind: 'file.classified', path: 'api/src/users.ts', category: 'code-change', reason: 'script that parses' },
  { kind: 'file.classified', path: 'api/src/routes.ts', category: 'code-change', reason: 'script that parses' },
  { kind: 'file.classified', path: 'packages/sdk/src/client.ts', category: 'code-change', reason: 'script that parses' },
  { kind: 'file.classified', path: 'db/migrations/0042_drop_email.sql', category: 'migration', reason: 'sql migration 0042' },
  {
    kind: 'migration.file',
    path: 'db/migrations/0042_drop_email.sql',
    migration: '0042',
    framework: 'sql',
    dialect: 'postgresql',
    status: 'added',
    order: 0,
    risky: true,
    noDown: 'plain SQL migrations have no down migration',
  },
  {
    kind: 'migration.op',
    path: 'db/migrations/0042_drop_email.sql',
    line: 3,
    migration: '0042',
    framework: 'sql',
    op: { action: 'drop-column', table: 'users', column: 'email' },
    statement: 'ALTER TABLE users DROP COLUMN email',
    via: 'parser',
    newObject: false,
  },
  {
    kind: 'migration.op',
    path: 'db/migrations/0042_drop_email.sql',
    line: 5,
    migration: '0042',
    framework: 'sql',
    op: { action: 'create-index', table: 'users', name: 'users_name_idx', concurrently: false },
    statement: 'CREATE INDEX users_name_idx ON users (name)',
    via: 'parser',
    newObject: false,
  },
  {
    kind: 'suppression',
    path: 'db/migrations/0042_drop_email.sql',
    line: 5,
    ruleId: 'blocking-index-build',
    reason: 'the table has 200 rows',
  },
  {
    kind: 'endpoint.removed',
    path: 'api/src/routes.ts',
    line: 18,
    method: 'DELETE',
    route: '/api/users/:id',
    source: 'express',
    since: 'v2.3.0',
  },
  {
    kind: 'env.needed',
    path: 'api/src/users.ts',
    line: 7,
    name: 'LEGACY_MAILER_URL',
    via: 'process.env.LEGACY_MAILER_URL',
    alsoAt: [],
    unsearched: 0,
  },
  {
    kind: 'contract.change',
    path: 'packages/sdk/src/client.ts',
    line: 40,
    surface: 'public',
    entry: '@acme/sdk',
    symbol: 'Client.deleteUser',
    aspect: 'class-member',
    change: 'removed',
    detail: 'member deleteUser removed',
    before: 'deleteUser(id: string): Promise<void>',
    fromAt: 'packages/sdk/src/client.ts:40',
  },
  { kind: 'file.unreadable', path: 'assets/logo <b>.bin', side: 'from', reason: 'binary content' },
];

const report = reportOf({
  files: [
    'web/styles/app.css',
    'docs/api.md',
    'api/src/users.ts',
    'api/src/routes.ts',
    { path: 'db/migrations/0042_drop_email.sql', status: 'added' },
    'packages/sdk/src/client.ts',
    { path: 'assets/logo <b>.bin', status: 'added' },
  ],
  facts,
  from: 'v2.4.0',
  to: 'v2.3.1',
  commits: 12,
  notes: ['3 changed files matched `ignore` and were not analysed'],
  config: { platform: 'gitops' },
  configSource: { source: 'repository', path: 'rollback-ready.config.yaml', ref: 'v2.4.0' },
});

describe('golden reports', () => {
  it('the text report', async () => {
    await expect(renderText(report)).toMatchFileSnapshot('golden/text.txt');
  });

  it('the pull-request comment', async () => {
    const comment = renderMarkdown(report, {
      repoUrl: 'https://github.com/acme/shop',
      title: 'acme/shop#128: ship v2.4.0',
      maxLength: GITHUB_COMMENT_LIMIT,
    });
    await expect(comment).toMatchFileSnapshot('golden/comment.md');
  });
});
