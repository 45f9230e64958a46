// The `migrations` config keys: extra globs, discovery off, dialect override.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { twoReleases } from '../../support/repo.js';

const repo = twoReleases(
  { 'README.md': '# app\n' },
  {
    'README.md': '# app\n',
    'backend/schema/changes/0002_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    'migrations/0003_rename.sql': 'ALTER TABLE users RENAME COLUMN name TO full_name;\n',
  },
);
const ids = (report: Awaited<ReturnType<typeof analyzeRollback>>) =>
  [...new Set(report.findings.filter((f) => f.category === 'destructive-migration').map((f) => `${f.ruleId} ${f.path}`))].sort();

describe('migrations config', () => {
  it('a configured dialect decides how a file is split: GO is a batch separator in SQL Server only', async () => {
    const go = twoReleases(
      { 'README.md': '# app\n' },
      {
        'README.md': '# app\n',
        'migrations/0002_drop.sql': 'ALTER TABLE users ADD bio text\nGO\nALTER TABLE users DROP COLUMN email\nGO\n',
      },
    );
    const asSqlServer = await analyzeRollback({ repo: go, from: 'v2', to: 'v1', config: { migrations: { dialect: 'sqlserver' } } });
    expect(ids(asSqlServer)).toEqual(['drop-column migrations/0002_drop.sql']);
    const asPostgres = await analyzeRollback({ repo: go, from: 'v2', to: 'v1', config: { migrations: { dialect: 'postgresql' } } });
    expect(asPostgres.findings.some((f) => f.ruleId === 'migration-unread')).toBe(true);
  });

  it('reads the built-in layouts by default, and only them', async () => {
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
    expect(ids(report)).toEqual(['rename-column migrations/0003_rename.sql']);
  });

  it('adds configured globs, and can turn discovery off', async () => {
    const both = await analyzeRollback({ repo, from: 'v2', to: 'v1', config: { migrations: { paths: ['backend/schema/changes/*.sql'] } } });
    expect(ids(both)).toEqual(['drop-column backend/schema/changes/0002_drop.sql', 'rename-column migrations/0003_rename.sql']);
    const only = await analyzeRollback({
      repo,
      from: 'v2',
      to: 'v1',
      config: { migrations: { paths: ['backend/**/*.sql'], discover: false } },
    });
    expect(ids(only)).toEqual(['drop-column backend/schema/changes/0002_drop.sql']);
  });

  it('takes a dialect and refuses an unknown one', () => {
    expect(configSchema.parse({ migrations: { dialect: 'mysql' } }).migrations).toEqual({ paths: [], discover: true, dialect: 'mysql' });
    for (const dialect of ['sqlserver', 'clickhouse', 'sqlite', 'postgresql'] as const)
      expect(configSchema.parse({ migrations: { dialect } }).migrations.dialect).toBe(dialect);
    expect(configSchema.safeParse({ migrations: { dialect: 'oracle' } }).success).toBe(false);
    expect(configSchema.safeParse({ migrations: { folders: [] } }).success).toBe(false);
  });
});
