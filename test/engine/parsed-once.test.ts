// Every script an analysis reads is parsed once, whichever analyzers read it: the files, config and contracts
// analyzers through their readers, the endpoints analyzer through ts-morph, the migrations analyzer through the raw tree.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { sharedParses, TREE_CACHE_TEXT, TreeCache } from '../../src/engine/trees.js';
import { twoReleases, type FileMap } from '../support/repo.js';

const routes = (extra: string) =>
  [
    "import express from 'express';",
    'export const router = express.Router();',
    "router.get('/api/items', (req, res) => res.json([]));",
    extra,
    '',
  ].join('\n');

const target: FileMap = {
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '^4.19.0', knex: '^3.1.0' } }),
  'src/routes.ts': routes(''),
  'src/settings.ts': 'export const token = process.env.LEGACY_TOKEN;\n',
  'migrations/20240101000000_init.js':
    "exports.up = (knex) => knex.schema.createTable('items', (t) => { t.increments('id'); });\nexports.down = (knex) => knex.schema.dropTable('items');\n",
};

const running: FileMap = {
  ...target,
  'src/routes.ts': routes("router.post('/api/items', (req, res) => res.json({}));"),
  'src/settings.ts': 'export const token = process.env.API_TOKEN;\n',
  'src/price.ts': 'export function price(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n',
  'migrations/20240201000000_label.js':
    "exports.up = (knex) => knex.schema.alterTable('items', (t) => { t.string('label').notNullable(); });\nexports.down = (knex) => knex.schema.alterTable('items', (t) => { t.dropColumn('label'); });\n",
};

describe('parsed scripts', () => {
  it('are parsed once per side, however many analyzers read them', async () => {
    const repo = twoReleases(target, running);
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
    // What each analyzer read from the trees shows in the report.
    const rules = new Set(report.findings.map((f) => f.ruleId));
    expect([...rules]).toEqual(expect.arrayContaining(['endpoint-removed', 'env-var-needed', 'add-not-null-column']));
    // Both sides of routes.ts and settings.ts, and the running side of price.ts and of the new migration.
    expect(report.stats.scriptsParsed).toBe(6);
  });
});

describe('a release whose changed scripts outgrow the tree cache', () => {
  it('keeps no tree beyond the one in use: a script read again is parsed again, and the report is the same', async () => {
    // A generated module larger than the cache's bound, changed, beside the same routes and settings.
    const big = (n: number) => `export const table = [${Array.from({ length: TREE_CACHE_TEXT / 8 }, (_, i) => i + n).join(', ')}];\n`;
    const small = await analyzeRollback({ repo: twoReleases(target, running), from: 'v2', to: 'v1' });
    const large = await analyzeRollback({
      repo: twoReleases({ ...target, 'src/table.ts': big(0) }, { ...running, 'src/table.ts': big(1) }),
      from: 'v2',
      to: 'v1',
    });
    expect(large.findings.map((f) => f.ruleId).sort()).toEqual(
      expect.arrayContaining([...new Set(small.findings.map((f) => f.ruleId))].sort()),
    );
    // The six scripts and both sides of the table, then again the new migration for the migrations analysis and
    // both sides of routes.ts for the endpoints analysis.
    expect(large.stats.scriptsParsed).toBe(11);
  });
});

describe('a changed module whose exports differ', () => {
  it('is parsed once per side even when no parsed tree is kept: the contracts analysis follows the APIs its reader kept', async () => {
    const repo = twoReleases(
      {
        'package.json': JSON.stringify({ name: 'shop', private: true }),
        'src/price.ts': 'export function price(cents: number): string {\n  return String(cents);\n}\n',
      },
      {
        'package.json': JSON.stringify({ name: 'shop', private: true }),
        'src/price.ts': 'export function price(cents: number, currency?: string): string {\n  return `${cents} ${currency ?? ""}`;\n}\n',
      },
    );
    const shared = { ...sharedParses(), trees: new TreeCache(0) };
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1', shared });
    // The rollback takes the currency parameter back: the contracts analysis compared both sides' APIs.
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['internal-changes']));
    expect(report.stats.scriptsParsed).toBe(2);
  });
});
