// Parsing spread over worker threads gives the same digests, and the same report, as parsing on one thread.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestChange, type DigestJob } from '../../src/analyzers/scripts/digest.js';
import { availableParallelism } from 'node:os';
import { ScriptPool, workersFor, MIN_CORES_FOR_WORKERS, MIN_SCRIPTS_FOR_WORKERS } from '../../src/analyzers/scripts/pool.js';
import { typescript } from '../../src/analyzers/typescript.js';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { generateBenchRepo } from '../bench/generate.js';
import { tempDir } from '../support/repo.js';

const ts = typescript();

/** Varied changed scripts: signature changes, body-only changes, reformatting, syntax errors, env reads. */
function jobs(count: number): DigestJob[] {
  return Array.from({ length: count }, (_, i) => {
    const before = `export function f${i}(a: number): number {\n  return a + ${i};\n}\nexport const url = process.env.URL_${i % 3};\n`;
    const variants = [
      before.replace('(a: number)', '(a?: number)'),
      before.replace(`a + ${i}`, `a * ${i}`),
      before.replace(/;\n/g, '\n'),
      before.replace('return', 'return ='),
    ];
    const path = `src/m${i}.${i % 5 === 0 ? 'tsx' : 'ts'}`;
    return { from: { path, text: variants[i % variants.length]! }, to: { path, text: before }, compareStyle: true };
  });
}

const pools: ScriptPool[] = [];
afterAll(() => pools.forEach((p) => p.close()));

describe('script pool', () => {
  it('returns, in job order, exactly what one thread computes', async () => {
    const input = jobs(600);
    const pool = new ScriptPool(2);
    pools.push(pool);
    expect(pool.size).toBe(2);
    await pool.ready();
    const got = await pool.digest(input, typescript);
    expect(got).toEqual(input.map((job) => digestChange(ts, job)));
    // The workers took part (each loads TypeScript first; the queue is long enough for them to get chunks).
    expect(pool.chunksDone.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('finishes on this thread the chunks of a worker that dies', async () => {
    const dir = tempDir();
    const crashing = join(dir, 'crash.mjs');
    writeFileSync(crashing, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\nparentPort.on('message', () => process.exit(3));\n");
    const input = jobs(300);
    const pool = new ScriptPool(1, crashing);
    pools.push(pool);
    await pool.ready();
    const got = await pool.digest(input, typescript);
    expect(got).toEqual(input.map((job) => digestChange(ts, job)));
  });

  it('starts no worker for a small release or a small machine, one fewer than the cores otherwise', () => {
    expect(workersFor(MIN_SCRIPTS_FOR_WORKERS - 1)).toBe(0);
    const cores = availableParallelism();
    expect(workersFor(10_000)).toBe(cores < MIN_CORES_FOR_WORKERS ? 0 : Math.min(cores - 1, 3));
    expect(workersFor(5, 2)).toBe(2);
  });
});

describe('analysis with and without workers', () => {
  it('gives the same report', async () => {
    const repo = join(tempDir(), 'repo');
    generateBenchRepo(repo, { changed: 400, unchanged: 50 });
    const single = await analyzeRollback({ repo, from: 'v2', to: 'v1', workers: 0 });
    const parallel = await analyzeRollback({ repo, from: 'v2', to: 'v1', workers: 2 });
    expect(single.findings.length).toBeGreaterThan(0);
    expect(single.changes.some((c) => c.categories.includes('contract-change'))).toBe(true);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
  }, 120_000);
});
