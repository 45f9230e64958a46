import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../util/version.js';
import type { Ts, typescriptLoadedFrom } from '../typescript/compiler.js';
import { codeCacheInUse } from '../../util/code-cache.js';
import { claimChunk, HERE, toWire, type BatchMessage, type Range, type WorkerData } from './claim.js';
import { digestChange, type ChangeDigest, type DigestJob } from './digest.js';

// Digests changed scripts on worker threads, and on this thread once it has nothing else to do. The jobs are
// cut into chunks, and whoever is free claims the next one in a table they share (Atomics): nobody waits for
// anybody to hand out work, so the workers digest while this thread runs the analyzers that need no digest,
// then this thread joins in. A chunk whose worker failed on it or died with it is done again here. Results
// land in job order, whoever computed them: the report does not depend on the split.

/**
 * Below this many scripts a worker does not pay for itself: it loads TypeScript and warms its compiler up on
 * its own (about half a second of CPU), and a script takes about a third of a millisecond to digest.
 */
export const MIN_SCRIPTS_FOR_WORKERS = 2000;
/**
 * With one core a worker only competes with this thread. On 2 cores one worker pays at 10,000 changed files on
 * the 2-core Intel Xeon VM of 2026-12-02 (two processes at once 1.37x the time of one): alternating runs, best
 * 3.64 s with it against 3.88 s without, medians 3.76 against 4.17 s. On a 2-core AMD EPYC VM the same day
 * (1.46x) it gave little: best 5.40 s against 5.59 s, medians within 1%. Below MIN_SCRIPTS_FOR_WORKERS it pays
 * on neither.
 */
export const MIN_CORES_FOR_WORKERS = 2;
/**
 * Workers are started with the process (before the release's size is known) only where a core is spare for
 * them. On 2 cores a worker loading TypeScript beside this thread's start made a 1,000-file analysis, which
 * then dropped it, 30-40 ms slower: there the pool starts its worker once the release is known to be large.
 */
export const MIN_CORES_TO_PRESTART = 4;
/** Chunks are cut at about this much text, or this many jobs. */
const CHUNK_BYTES = 48 * 1024;
const CHUNK_JOBS = 48;

/** Worker threads worth starting for a release with this many changed scripts (this thread works too). */
export function workersFor(scripts: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (scripts < MIN_SCRIPTS_FOR_WORKERS) return 0;
  return defaultWorkers();
}

function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < MIN_CORES_FOR_WORKERS ? 0 : Math.min(cores - 1, 3);
}

/** The compiled worker script; missing when running from sources that were never built (then: no workers). */
function workerFile(): string | undefined {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'parse', 'scripts', 'worker.js');
  return existsSync(built) ? built : undefined;
}

// Workers started before the release is known (see `prestartWorkers`), waiting to be taken by a pool; and
// those of them that said they are ready before a pool listened.
const spares: Worker[] = [];
const readySpares = new WeakMap<Worker, TypescriptFrom>();

/**
 * Starts the workers a large release would use, now: each loads TypeScript while this thread loads its own
 * modules and asks git for the change. A pool takes them; `dropSpareWorkers` ends the ones nobody took.
 */
export function prestartWorkers(count = availableParallelism() >= MIN_CORES_TO_PRESTART ? defaultWorkers() : 0): number {
  const file = workerFile();
  if (!file) return 0;
  for (let i = spares.length; i < count; i++) {
    const worker = startWorker(file);
    worker.once('message', (reply: Reply) => {
      if ('ready' in reply) readySpares.set(worker, reply.typescript);
    });
    spares.push(worker);
  }
  return spares.length;
}

/** A worker thread running the file; it compiles TypeScript from the code cache this thread uses. */
function startWorker(file: string): Worker {
  const cache = codeCacheInUse();
  const data: WorkerData = cache ? { codeCache: cache } : {};
  const worker = new Worker(file, { workerData: data });
  worker.unref();
  return worker;
}

/** Ends the prestarted workers no pool took; returns how many. */
export function dropSpareWorkers(): number {
  const dropped = spares.splice(0);
  for (const worker of dropped) void worker.terminate();
  return dropped.length;
}

type TypescriptFrom = ReturnType<typeof typescriptLoadedFrom>;

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
}

/** Trees this thread already parsed for a job (by its index), which its digest reuses when digested here. */
export type ParsedTrees = (job: number) => Parameters<typeof digestChange>[2];

type Reply =
  | { ready: true; typescript: TypescriptFrom }
  | { batch: number; chunk: number; results: ChangeDigest[] }
  | { batch: number; chunk: number; error: string };

export class ScriptPool {
  private readonly slots: Slot[] = [];
  private batch = 0;
  private jobs: DigestJob[] = [];
  private ranges: Range[] = [];
  private owners: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private results: (ChangeDigest | undefined)[] = [];
  /** Per chunk: 'done', 'failed' (its worker could not digest it), or undefined while it waits or runs. */
  private state: ('done' | 'failed' | undefined)[] = [];
  private finished = 0;
  private wake: () => void = () => {};
  /** Chunks each worker finished (for the timings and the tests). */
  readonly chunksDone: number[] = [];
  /** How each worker loaded TypeScript, once it said it is ready: 'cache', 'compiled' or 'require'. */
  readonly typescriptFrom: TypescriptFrom[] = [];

  /** Takes the prestarted workers first, then starts the rest: each loads TypeScript once. */
  constructor(workers: number, file?: string) {
    const path = file ?? (workers > 0 ? workerFile() : undefined);
    if (!path) return;
    for (let i = 0; i < workers; i++) {
      const worker = (file === undefined ? spares.shift() : undefined) ?? startWorker(path);
      const slot: Slot = { worker, ready: readySpares.has(worker), dead: false };
      const index = i;
      this.chunksDone.push(0);
      this.typescriptFrom.push(readySpares.get(worker));
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          slot.ready = true;
          this.typescriptFrom[index] = reply.typescript;
        } else if (reply.batch !== this.batch) return;
        else if ('results' in reply) {
          this.store(reply.chunk, reply.results);
          this.chunksDone[index]! += 1;
        } else if (this.state[reply.chunk] === undefined) this.state[reply.chunk] = 'failed'; // done again here
        this.signal();
      });
      const lost = () => {
        slot.dead = true;
        this.signal();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      this.slots.push(slot);
    }
  }

  /** Resolves once every worker has loaded TypeScript (or died): for tests that need the workers to take part. */
  async ready(): Promise<void> {
    while (this.slots.some((s) => !s.ready && !s.dead)) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Hands the jobs to the workers, which start at once; `finish` collects the digests. The jobs from `hereFrom`
   * on are kept for this thread: it has parsed (or will parse) their trees for an analyzer, and their digests
   * reuse those trees instead of a worker parsing the same texts again.
   */
  begin(jobs: DigestJob[], hereFrom = jobs.length): void {
    this.batch += 1;
    this.jobs = jobs;
    this.ranges = [...chunks(jobs, 0, hereFrom), ...chunks(jobs, hereFrom, jobs.length)];
    this.results = new Array<ChangeDigest | undefined>(jobs.length);
    this.state = new Array<(typeof this.state)[number]>(this.ranges.length).fill(undefined);
    this.finished = 0;
    const shared = new SharedArrayBuffer(4 * this.ranges.length);
    this.owners = new Int32Array(shared);
    this.ranges.forEach(([start], chunk) => start >= hereFrom && Atomics.store(this.owners, chunk, HERE));
    if (this.slots.length === 0) return;
    // The workers are sent only the jobs they may claim.
    const wire = toWire(hereFrom < jobs.length ? jobs.slice(0, hereFrom) : jobs);
    this.slots.forEach((slot, i) => {
      const message: BatchMessage = {
        batch: this.batch,
        jobs: wire.jobs,
        buffers: wire.buffers,
        chunks: this.ranges,
        owners: shared,
        id: i + 2,
      };
      if (!slot.dead) slot.worker.postMessage(message);
    });
  }

  /**
   * Digests what the workers have not claimed, on this thread, then waits for theirs; results in job order.
   * Past `deadline` (epoch milliseconds: the time budget) nothing more is digested, the workers are stopped
   * wherever they are, and the jobs not digested by then are left undefined. `clock` tells the time.
   */
  async finish(
    ts: () => Ts,
    progress?: (done: number) => void,
    parsed?: ParsedTrees,
    deadline = Infinity,
    clock: () => number = Date.now,
  ): Promise<(ChangeDigest | undefined)[]> {
    const late = () => clock() > deadline;
    let reported = 0;
    const report = () => {
      if (progress && this.finished - reported >= 500) progress((reported = this.finished));
    };
    // First the chunks kept for this thread, then the ones nobody has claimed yet.
    for (let chunk = 0; chunk < this.ranges.length && !late(); chunk++) {
      if (this.state[chunk] !== undefined || Atomics.load(this.owners, chunk) !== HERE) continue;
      this.store(chunk, this.digestHere(ts, chunk, parsed, late));
      report();
    }
    for (
      let chunk = late() ? -1 : claimChunk(this.owners, 0, HERE);
      chunk >= 0;
      chunk = late() ? -1 : claimChunk(this.owners, chunk + 1, HERE)
    ) {
      this.store(chunk, this.digestHere(ts, chunk, parsed, late));
      report();
      // Let the workers' replies in between chunks.
      if (this.slots.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // Every chunk is claimed now: wait for those a live worker is digesting, until the deadline.
    const alarm = Number.isFinite(deadline) ? setTimeout(() => this.signal(), Math.max(0, deadline - clock()) + 1) : undefined;
    while (!late() && this.state.some((s, chunk) => s === undefined && this.slots[Atomics.load(this.owners, chunk) - 2]?.dead === false)) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      report();
    }
    clearTimeout(alarm);
    // Chunks a worker failed on, or took with it when it died.
    this.state.forEach((s, chunk) => {
      if (s !== 'done' && !late()) this.store(chunk, this.digestHere(ts, chunk, parsed, late));
    });
    if (late()) this.close();
    const results = this.results;
    this.jobs = [];
    this.results = [];
    return results;
  }

  async digest(jobs: DigestJob[], ts: () => Ts, progress?: (done: number) => void): Promise<ChangeDigest[]> {
    this.begin(jobs);
    // Without a deadline every job is digested.
    return (await this.finish(ts, progress)) as ChangeDigest[];
  }

  close(): void {
    for (const slot of this.slots) {
      slot.dead = true;
      void slot.worker.terminate();
    }
  }

  private digestHere(ts: () => Ts, chunk: number, parsed?: ParsedTrees, late = () => false): ChangeDigest[] {
    const [start, end] = this.ranges[chunk]!;
    const out: ChangeDigest[] = [];
    for (let i = start; i < end && !late(); i++) out.push(digestChange(ts(), this.jobs[i]!, parsed?.(i)));
    return out;
  }

  private store(chunk: number, results: ChangeDigest[]): void {
    if (this.state[chunk] === 'done') return;
    const start = this.ranges[chunk]![0];
    results.forEach((result, i) => (this.results[start + i] = result));
    this.state[chunk] = 'done';
    this.finished += results.length;
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = () => {};
    wake();
  }
}

/** The jobs from `first` to before `last`, cut into chunks. */
function chunks(jobs: DigestJob[], first: number, last: number): Range[] {
  const out: Range[] = [];
  let start = first;
  let bytes = 0;
  for (let i = first; i < last; i++) {
    bytes += (jobs[i]!.from?.text.length ?? 0) + (jobs[i]!.to?.text.length ?? 0);
    if (bytes >= CHUNK_BYTES || i + 1 - start >= CHUNK_JOBS) {
      out.push([start, i + 1]);
      start = i + 1;
      bytes = 0;
    }
  }
  if (start < last) out.push([start, last]);
  return out;
}
