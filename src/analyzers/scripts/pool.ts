import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../version.js';
import type { Ts } from '../typescript.js';
import { digestChange, type ChangeDigest, type DigestJob } from './digest.js';

// Digests changed scripts on this thread and on worker threads, all pulling chunks from one queue: a worker
// that is slow to start (each loads TypeScript, about half a second) simply takes fewer chunks. Results come
// back in job order, whoever computed them, so the report does not depend on the split.

/**
 * Below this many scripts, starting a worker costs more than it saves: each worker loads TypeScript first
 * (about half a second), and a script takes about a third of a millisecond to digest.
 */
export const MIN_SCRIPTS_FOR_WORKERS = 2000;
/**
 * With fewer cores, a worker only competes with this thread, git and the garbage collector for the same CPU:
 * on the 2-core bench machine one worker made the 10,000-file analysis slower, not faster.
 */
export const MIN_CORES_FOR_WORKERS = 4;
/** Chunks are cut at about this much text, so this thread returns to its queue often. */
const CHUNK_BYTES = 48 * 1024;
const CHUNK_JOBS = 48;
/** Chunks sent ahead to each worker, so it never waits for this thread. */
const IN_FLIGHT = 2;

/** Worker threads worth starting for a release with this many changed scripts (this thread works too). */
export function workersFor(scripts: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  const cores = availableParallelism();
  if (scripts < MIN_SCRIPTS_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS) return 0;
  return Math.min(cores - 1, 3);
}

/** The compiled worker script; missing when running from sources that were never built (then: no workers). */
function workerFile(): string | undefined {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'analyzers', 'scripts', 'worker.js');
  return existsSync(built) ? built : undefined;
}

type Range = [start: number, end: number];

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  inFlight: Map<number, Range>;
}

type Reply = { ready: true } | { id: number; results: ChangeDigest[] } | { id: number; error: string };

export class ScriptPool {
  private readonly slots: Slot[] = [];
  private jobs: DigestJob[] = [];
  private results: ChangeDigest[] = [];
  private queue: Range[] = [];
  /** Chunks a worker failed on or lost: done on this thread only. */
  private local: Range[] = [];
  private nextId = 0;
  private finished = 0;
  private wake: () => void = () => {};
  /** Chunks each worker finished (for the timings). */
  readonly chunksDone: number[] = [];

  /** Starts the workers now, so they load TypeScript while git is still reading blobs. */
  constructor(workers: number, file: string | undefined = workers > 0 ? workerFile() : undefined) {
    if (!file) return;
    for (let i = 0; i < workers; i++) {
      const slot: Slot = { worker: new Worker(file), ready: false, dead: false, inFlight: new Map() };
      const index = i;
      this.chunksDone.push(0);
      slot.worker.unref();
      slot.worker.on('message', (reply: Reply) => {
        if ('ready' in reply) slot.ready = true;
        else {
          const range = slot.inFlight.get(reply.id);
          if (!range) return; // already handed back when the worker was lost
          slot.inFlight.delete(reply.id);
          // A chunk the worker could not digest is done again here, where an error is reported as usual.
          if ('error' in reply) this.local.push(range);
          else {
            reply.results.forEach((result, i) => (this.results[range[0] + i] = result));
            this.finished += reply.results.length;
            this.chunksDone[index]! += 1;
          }
        }
        this.feed(slot);
        this.signal();
      });
      // A worker that dies hands its chunks back to this thread.
      const lost = () => {
        slot.dead = true;
        for (const range of slot.inFlight.values()) this.local.push(range);
        slot.inFlight.clear();
        this.signal();
      };
      slot.worker.on('error', lost);
      slot.worker.on('exit', lost);
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

  /** Digests every job; `ts` loads TypeScript on this thread; `progress` hears the count of jobs done. */
  async digest(jobs: DigestJob[], ts: () => Ts, progress?: (done: number) => void): Promise<ChangeDigest[]> {
    this.jobs = jobs;
    this.results = new Array<ChangeDigest>(jobs.length);
    this.queue = chunks(jobs);
    this.finished = 0;
    let reported = 0;
    for (const slot of this.slots) this.feed(slot);
    for (;;) {
      const range = this.local.shift() ?? this.queue.shift();
      if (range) {
        for (let i = range[0]; i < range[1]; i++) this.results[i] = digestChange(ts(), jobs[i]!);
        this.finished += range[1] - range[0];
        // Let replies in, so the workers get their next chunks.
        if (this.slots.length > 0) await new Promise((resolve) => setImmediate(resolve));
      } else if (this.slots.some((s) => s.inFlight.size > 0)) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      } else break;
      if (progress && this.finished - reported >= 500) progress((reported = this.finished));
    }
    const results = this.results;
    this.jobs = [];
    this.results = [];
    return results;
  }

  close(): void {
    for (const slot of this.slots) {
      slot.dead = true;
      void slot.worker.terminate();
    }
  }

  private feed(slot: Slot): void {
    while (slot.ready && !slot.dead && slot.inFlight.size < IN_FLIGHT && this.queue.length > 0) {
      const range = this.queue.shift()!;
      const id = this.nextId++;
      slot.inFlight.set(id, range);
      slot.worker.postMessage({ id, jobs: this.jobs.slice(range[0], range[1]) });
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = () => {};
    wake();
  }
}

function chunks(jobs: DigestJob[]): Range[] {
  const out: Range[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < jobs.length; i++) {
    bytes += (jobs[i]!.from?.text.length ?? 0) + (jobs[i]!.to?.text.length ?? 0);
    if (bytes >= CHUNK_BYTES || i + 1 - start >= CHUNK_JOBS) {
      out.push([start, i + 1]);
      start = i + 1;
      bytes = 0;
    }
  }
  if (start < jobs.length) out.push([start, jobs.length]);
  return out;
}
