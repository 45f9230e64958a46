// The release picker analyses one target after another against the same running release: with one shared cache
// each analysis parses only what the others did not, and every report is the one a lone analysis gives.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { sharedParses } from '../../src/engine/trees.js';
import { buildRepo } from '../support/repo.js';

/** Four releases; each changes some modules, routes and env reads, and leaves the rest as they were. */
function release(n: number): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '^4.19.0' } }),
    'src/routes.ts': [
      "import express from 'express';",
      'export const router = express.Router();',
      ...Array.from({ length: n + 1 }, (_, i) => `router.get('/api/v${i}', (req, res) => res.json({ v: ${i} }));`),
      '',
    ].join('\n'),
    'src/settings.ts': `export const url = process.env.URL_V${n};\n`,
  };
  for (let m = 0; m < 12; m++)
    files[`src/m${m}.ts`] = `export function f${m}(a: number${m < n * 3 ? ', b?: string' : ''}): number {\n  return a + ${m};\n}\n`;
  return files;
}

describe('analyses sharing parsed scripts', () => {
  const repo = buildRepo([0, 1, 2, 3].map((n) => ({ tree: release(n), tag: `v${n}` })));
  const strip = (report: Awaited<ReturnType<typeof analyzeRollback>>) => ({ ...report, stats: {}, timings: undefined });

  it('give the reports lone analyses give, parsing less for each target after the first', async () => {
    const shared = sharedParses();
    const targets = ['v2', 'v1', 'v0'];
    const together = [];
    for (const to of targets) together.push(await analyzeRollback({ repo, from: 'v3', to, shared }));
    const alone = await Promise.all(targets.map((to) => analyzeRollback({ repo, from: 'v3', to })));
    expect(together.map(strip)).toEqual(alone.map(strip));
    expect(together.map((r) => r.verdict)).toEqual(alone.map((r) => r.verdict));
    const parsed = (r: (typeof alone)[number]) => r.stats.scriptsParsed ?? 0;
    // Alone, each parses both sides of every changed script; together, the running release's side is parsed once.
    expect(parsed(together[0]!)).toBe(parsed(alone[0]!));
    for (const i of [1, 2]) {
      expect(parsed(together[i]!)).toBeGreaterThan(0);
      expect(parsed(together[i]!)).toBeLessThan(parsed(alone[i]!));
    }
    expect(together.reduce((n, r) => n + parsed(r), 0)).toBeLessThan(alone.reduce((n, r) => n + parsed(r), 0) * 0.7);
  });
});
