// The release picker analyses one target after another against the same running release: with one shared cache
// each analysis reads and parses only what the others did not, and every report is the one a lone analysis gives.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { sharedParses } from '../../src/engine/trees.js';
import { isReadScript } from '../../src/engine/release.js';
import { pathAt } from '../../src/analyzers/analyzer.js';
import type { Report } from '../../src/model/report.js';
import { changedFiles } from '../../src/git/diff.js';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { buildRepo } from '../support/repo.js';

/** Five releases; each changes some modules, routes, env reads and settings, adds a migration, and leaves the rest. */
function release(n: number): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: `^4.${19 + (n >> 1)}.0` } }),
    'config/app.yaml': `name: shop\nworkers: ${n >> 1}\n`,
    'src/routes.ts': [
      "import express from 'express';",
      'export const router = express.Router();',
      ...Array.from({ length: n + 1 }, (_, i) => `router.get('/api/v${i}', (req, res) => res.json({ v: ${i} }));`),
      '',
    ].join('\n'),
    'src/settings.ts': `export const url = process.env.URL_V${n};\n`,
  };
  for (let m = 1; m <= n; m++)
    files[`prisma/migrations/00${m}_add_c${m}/migration.sql`] = `ALTER TABLE "User" ADD COLUMN "c${m}" TEXT;\nDROP INDEX "old_${m}";\n`;
  for (let m = 0; m < 12; m++)
    files[`src/m${m}.ts`] = `export function f${m}(a: number${m < n * 3 ? ', b?: string' : ''}): number {\n  return a + ${m};\n}\n`;
  return files;
}

const strip = (report: Report) => ({ ...report, stats: {}, timings: undefined });

describe('analyses sharing what they read', () => {
  const repo = buildRepo([0, 1, 2, 3, 4].map((n) => ({ tree: release(n), tag: `v${n}` })));
  const targets = ['v3', 'v2', 'v1', 'v0'];

  it('give the reports lone analyses give', async () => {
    const shared = sharedParses();
    const together = [];
    for (const to of targets) together.push(await analyzeRollback({ repo, from: 'v4', to, shared }));
    const alone = await Promise.all(targets.map((to) => analyzeRollback({ repo, from: 'v4', to })));
    expect(together.map(strip)).toEqual(alone.map(strip));
    expect(together.map((r) => r.verdict)).toEqual(alone.map((r) => r.verdict));
    // The migrations each target undoes were read (the farthest undoes all four), shared ones once.
    expect(together.map((r) => r.stats.migrations)).toEqual([1, 2, 3, 4]);
  });

  it('read each blob from git once and parse each script once, however many targets share it', async () => {
    const shared = sharedParses();
    const together = [];
    for (const to of targets) together.push(await analyzeRollback({ repo, from: 'v4', to, shared }));
    const alone = await Promise.all(targets.map((to) => analyzeRollback({ repo, from: 'v4', to })));
    const sum = (reports: Report[], stat: string) => reports.reduce((n, r) => n + (r.stats[stat] ?? 0), 0);

    // Every blob changed and every script parsed, over the targets: the running release's side and each change the
    // targets have in common are counted once each.
    const blobs = new Set<string>();
    const scripts = new Set<string>();
    const opened = await openRepo(repo);
    const [from, ...tos] = await Promise.all(['v4', ...targets].map((ref) => resolveCommit(opened, ref, '--to')));
    for (const to of tos)
      for (const file of (await changedFiles(opened, from!, to!)).files) {
        if (file.fromBlob) blobs.add(file.fromBlob);
        if (file.toBlob) blobs.add(file.toBlob);
        if (!isReadScript(file)) continue;
        if (file.fromBlob) scripts.add(`${pathAt(file, 'from')}\0${file.fromBlob}`);
        if (file.toBlob) scripts.add(`${pathAt(file, 'to')}\0${file.toBlob}`);
      }
    // Lone analyses read and parse the running release's side again for each target.
    expect(sum(alone, 'blobsRead')).toBeGreaterThan(blobs.size);
    expect(sum(alone, 'scriptsParsed')).toBeGreaterThan(scripts.size);
    // Together, git is asked once for each content read: the changed blobs, and the files read at other commits.
    expect(shared.contents.size).toBeGreaterThanOrEqual(blobs.size);
    expect(sum(together, 'blobsRead')).toBe(shared.contents.size);
    // Likewise each script is parsed once: the changed ones, and those read beside them (all under the cache's bound).
    expect(shared.trees.size).toBeGreaterThanOrEqual(scripts.size);
    expect(sum(together, 'scriptsParsed')).toBe(shared.trees.size);
  });
});
