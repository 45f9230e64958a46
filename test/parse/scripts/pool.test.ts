// Parsing spread over worker threads gives the same digests, and the same report, as parsing on one thread.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestChange, type ChangeDigest, type DigestJob } from '../../../src/parse/scripts/digest.js';
import { availableParallelism } from 'node:os';
import { claimChunk, fromWire, toWire } from '../../../src/parse/scripts/claim.js';
import {
  dropSpareWorkers,
  prestartWorkers,
  ScriptPool,
  workersFor,
  MIN_CORES_FOR_WORKERS,
  MIN_SCRIPTS_FOR_WORKERS,
} from '../../../src/parse/scripts/pool.js';
import { parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import type { Release } from '../../../src/analyzers/analyzer.js';
import type { ChangedFile } from '../../../src/model/report.js';
import { generateBenchRepo } from '../../bench/generate.js';
import { tempDir } from '../../support/repo.js';

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
    writeFileSync(
      crashing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\nparentPort.on('message', () => process.exit(3));\n",
    );
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

describe('sharing the chunks', () => {
  it('hands each chunk to exactly one claimer', () => {
    const owners = new Int32Array(new SharedArrayBuffer(4 * 10));
    const claimed: number[] = [];
    // Two claimers taking turns, each scanning on from its own last claim.
    const last = { 2: -1, 3: -1 } as Record<number, number>;
    for (let turn = 0; turn < 12; turn++) {
      const id = turn % 2 === 0 ? 2 : 3;
      const chunk = claimChunk(owners, last[id]! + 1, id);
      if (chunk >= 0) {
        claimed.push(chunk);
        last[id] = chunk;
      }
    }
    expect(claimed.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(claimChunk(owners, 0, 2)).toBe(-1);
    expect([...owners].filter((o) => o === 2)).toHaveLength(5);
  });

  it('sends a worker the ASCII texts in shared memory as places in it, and the others as text', async () => {
    const input = jobs(300);
    // Each text's bytes in one shared buffer, as the bulk read leaves them; one text not ASCII.
    input[7]!.from!.text = input[7]!.from!.text.replace('return', 'return /* é */');
    const memory = Buffer.from(new SharedArrayBuffer(input.reduce((n, j) => n + j.from!.text.length * 2 + j.to!.text.length * 2, 0)));
    let at = 0;
    for (const job of input) {
      for (const side of [job.from!, job.to!]) {
        const length = memory.write(side.text, at, 'utf8');
        if (length === side.text.length) side.bytes = memory.subarray(at, at + length);
        at += length;
      }
    }
    const wire = toWire(input);
    expect(wire.buffers).toEqual([memory.buffer]);
    expect(wire.jobs.filter((j) => 'text' in j.from!).length).toBe(1);
    expect(wire.jobs.every((j) => !('text' in j.to!))).toBe(true);
    const views: Buffer[] = [];
    input.forEach((job, i) => {
      const back = fromWire(wire, i, views);
      expect([back.from?.text, back.to?.text, back.compareStyle]).toEqual([job.from?.text, job.to?.text, job.compareStyle]);
    });
    // A worker reading them digests what this thread digests from the texts.
    const pool = new ScriptPool(1);
    pools.push(pool);
    await pool.ready();
    pool.begin(input);
    while (pool.chunksDone[0] === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const plain = input.map(({ from, to, compareStyle }) => ({
      from: { path: from!.path, text: from!.text },
      to: { path: to!.path, text: to!.text },
      compareStyle,
    }));
    expect(await pool.finish(typescript)).toEqual(plain.map((job) => digestChange(ts, job)));
    expect(pool.chunksDone[0]).toBeGreaterThan(0);
  });

  it('lets the workers digest while this thread is busy elsewhere, then joins them', async () => {
    const input = jobs(600);
    const pool = new ScriptPool(1);
    pools.push(pool);
    await pool.ready();
    pool.begin(input);
    // This thread does something else until the worker has finished some chunks on its own.
    while (pool.chunksDone[0] === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const got = await pool.finish(typescript);
    expect(got).toEqual(input.map((job) => digestChange(ts, job)));
    expect(pool.chunksDone[0]).toBeGreaterThan(0);
  });

  it('leaves to this thread the jobs kept for it, digested from the trees it parsed', async () => {
    const input = jobs(300);
    // A mark in each tree this thread parsed: a digest reports it only if it read that very tree.
    const trees = input.map((job) => {
      const tree = parseScript(ts, job.from!.path, job.from!.text);
      (tree as unknown as { parseDiagnostics: { start: number; messageText: string }[] }).parseDiagnostics.unshift({
        start: 0,
        messageText: 'marked',
      });
      return tree;
    });
    const marked = (digest: ChangeDigest) => digest.from?.syntaxError?.message === 'marked';
    const pool = new ScriptPool(1);
    pools.push(pool);
    await pool.ready();
    // All kept here: the worker, ready and idle, gets none of them.
    pool.begin(input, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pool.chunksDone[0]).toBe(0);
    expect((await pool.finish(typescript, undefined, (i) => ({ from: trees[i] }))).every(marked)).toBe(true);
    // The first 150 shared: the worker digests some of them, from the texts; the rest only here, from the trees.
    pool.begin(input, 150);
    while (pool.chunksDone[0] === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const got = await pool.finish(typescript, undefined, (i) => (i >= 150 ? { from: trees[i] } : undefined));
    expect(got.slice(150).every(marked)).toBe(true);
    expect(got.slice(0, 150)).toEqual(input.slice(0, 150).map((job) => digestChange(ts, job)));
  });

  it('digests again on this thread the chunks a worker reports it could not digest', async () => {
    const dir = tempDir();
    const failing = join(dir, 'fail.mjs');
    // A worker that claims every chunk it can and fails on each one.
    writeFileSync(
      failing,
      [
        "import { parentPort } from 'node:worker_threads';",
        'parentPort.postMessage({ ready: true });',
        'parentPort.on("message", (b) => {',
        '  const owners = new Int32Array(b.owners);',
        '  for (let c = 0; c < owners.length; c++) if (Atomics.compareExchange(owners, c, 0, b.id) === 0) parentPort.postMessage({ batch: b.batch, chunk: c, error: "boom" });',
        '});',
      ].join('\n'),
    );
    const input = jobs(300);
    const pool = new ScriptPool(1, failing);
    pools.push(pool);
    await pool.ready();
    pool.begin(input);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const got = await pool.finish(typescript);
    expect(got).toEqual(input.map((job) => digestChange(ts, job)));
    expect(pool.chunksDone[0]).toBe(0);
  });

  it('takes prestarted workers first and ends the ones nobody took', async () => {
    expect(prestartWorkers(2)).toBe(2);
    // Give the spares time to load TypeScript and say so before any pool listens.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pool = new ScriptPool(1);
    pools.push(pool);
    expect(dropSpareWorkers()).toBe(1);
    const timedOut = new Promise<string>((resolve) =>
      setTimeout(() => resolve('a spare that was ready before the pool took it never counted as ready'), 10_000),
    );
    expect(await Promise.race([pool.ready().then(() => 'ready'), timedOut])).toBe('ready');
    const input = jobs(200);
    expect(await pool.digest(input, typescript)).toEqual(input.map((job) => digestChange(ts, job)));
  });
});

describe('the analyzers around the parsing', () => {
  it('runs those that read digests once the digests are in, after the others', async () => {
    const repo = join(tempDir(), 'repo');
    generateBenchRepo(repo, { changed: 60, unchanged: 0 });
    const order: string[] = [];
    const note = (name: string, path: string) => ({
      kind: 'file.classified' as const,
      path,
      category: 'code-change' as const,
      reason: name,
    });
    const reader = {
      name: 'reader',
      readsScripts: true,
      analyze: (release: Release) => {
        order.push('reader');
        const scripts = release.files.filter((f) => f.path.endsWith('.ts') && f.status === 'modified');
        // Every modified script has its digest ready.
        expect(scripts.every((f) => release.scriptChange(f) !== undefined)).toBe(true);
        return [note('reader', scripts[0]!.path)];
      },
    };
    const other = { name: 'other', analyze: () => (order.push('other'), [note('other', 'docs/page18.md')]) };
    for (const workers of [0, 1]) {
      order.length = 0;
      const report = await analyzeRollback({ repo, from: 'v2', to: 'v1', workers, analyzers: [reader, other], rules: [] });
      expect(order).toEqual(['other', 'reader']);
      expect(report.changes.find((c) => c.path === 'docs/page18.md')?.categories).toEqual(['code-change']);
    }
  });

  it('lets the digest of a script reuse the tree an analyzer parsed before it, and keeps none after', async () => {
    const repo = join(tempDir(), 'repo');
    generateBenchRepo(repo, { changed: 60, unchanged: 0 });
    const isTarget = (file: ChangedFile) => file.path.endsWith('.ts') && file.status === 'modified';
    const target = (release: Release) => release.files.find(isTarget)!;
    const early = {
      name: 'early',
      // With workers, the digest of this script is made here, where the tree is.
      readsTreeOf: isTarget,
      analyze: (release: Release) => {
        const file = target(release);
        const tree = release.syntaxTree(file, 'from')!;
        expect(release.syntaxTree(file, 'from')).toBe(tree);
        expect(release.syntaxTree(file, 'to')).not.toBe(tree);
        expect(tree.text).toBe(release.content(file, 'from').text);
        // A mark in the tree itself: the digest of this side reports it only if it read this very tree.
        (tree as unknown as { parseDiagnostics: { start: number; messageText: string }[] }).parseDiagnostics.push({
          start: 0,
          messageText: 'marked',
        });
        return [];
      },
    };
    let seen: string | undefined;
    const late = {
      name: 'late',
      readsScripts: true,
      analyze: (release: Release) => {
        const file = target(release);
        seen = release.scriptChange(file)?.from?.syntaxError?.message;
        expect(release.scriptChange(file)?.to?.syntaxError).toBeUndefined();
        // Once the digests are in, a tree is parsed anew and not kept.
        expect(release.syntaxTree(file, 'from')).not.toBe(release.syntaxTree(file, 'from'));
        return [];
      },
    };
    for (const workers of [0, 1]) {
      seen = undefined;
      await analyzeRollback({ repo, from: 'v2', to: 'v1', workers, analyzers: [early, late], rules: [] });
      expect(seen).toBe('marked');
    }
  });
});
