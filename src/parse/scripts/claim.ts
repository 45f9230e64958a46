import type { DigestJob, JobSide } from './digest.js';

// What this thread and the pool's workers exchange: the jobs of a batch, and the table through which they
// share out its chunks.

export type Range = [start: number, end: number];

/** A job's side as a worker is sent it: the text itself, or where its bytes are in one of the batch's buffers. */
type WireSide = { path: string; text: string } | { path: string; buffer: number; start: number; end: number };
export interface WireJob {
  compareStyle: boolean;
  from?: WireSide;
  to?: WireSide;
}

/** What a worker is sent for a batch: the jobs it may claim, the chunks, and the table of who claimed each chunk. */
export interface BatchMessage {
  batch: number;
  jobs: WireJob[];
  /** The shared memory that the jobs' bytes are in. */
  buffers: SharedArrayBuffer[];
  chunks: Range[];
  owners: SharedArrayBuffer;
  /** This worker's mark in the table. */
  id: number;
}

/**
 * The jobs as a worker is sent them. A side whose ASCII text lies in shared memory goes as a place in it,
 * not as a copy of the text: the structured clone of every text cost this thread about 0.1 s, and the worker
 * as much again, at 10,000 changed files.
 */
export function toWire(jobs: readonly DigestJob[]): { jobs: WireJob[]; buffers: SharedArrayBuffer[] } {
  const buffers: SharedArrayBuffer[] = [];
  const indexOf = new Map<SharedArrayBuffer, number>();
  const side = (s: JobSide): WireSide => {
    const memory = s.bytes?.buffer;
    if (!(memory instanceof SharedArrayBuffer)) return { path: s.path, text: s.text };
    let buffer = indexOf.get(memory);
    if (buffer === undefined) indexOf.set(memory, (buffer = buffers.push(memory) - 1));
    return { path: s.path, buffer, start: s.bytes!.byteOffset, end: s.bytes!.byteOffset + s.bytes!.length };
  };
  return { jobs: jobs.map((job) => mapSides(job, side)), buffers };
}

/** The job a worker was sent, with its texts (read from shared memory where they lie there). */
export function fromWire(batch: Pick<BatchMessage, 'jobs' | 'buffers'>, index: number, views: Buffer[]): DigestJob {
  const side = (s: WireSide): JobSide => {
    if ('text' in s) return s;
    // One byte a character: latin1 reads ASCII exactly as it was decoded here.
    const view = (views[s.buffer] ??= Buffer.from(batch.buffers[s.buffer]!));
    return { path: s.path, text: view.toString('latin1', s.start, s.end) };
  };
  return mapSides(batch.jobs[index]!, side);
}

/** The job with each side it has turned into another form. */
function mapSides<A, B>(job: { compareStyle: boolean; from?: A; to?: A }, side: (s: A) => B): { compareStyle: boolean; from?: B; to?: B } {
  const out: { compareStyle: boolean; from?: B; to?: B } = { compareStyle: job.compareStyle };
  if (job.from) out.from = side(job.from);
  if (job.to) out.to = side(job.to);
  return out;
}

/** What a worker is started with. */
export interface WorkerData {
  /** The code cache folder the starting thread uses (src/util/code-cache.ts); the worker reads its entries. */
  codeCache?: string;
}

/** Mark of this thread in the table of owners; worker i marks with i + 2, and 0 is a chunk nobody took. */
export const HERE = 1;

/**
 * Claims the first free chunk at or after `from` for `id`; -1 when none is left. Claimed chunks stay claimed,
 * so each claimer scans on from its last claim.
 */
export function claimChunk(owners: Int32Array<ArrayBufferLike>, from: number, id: number): number {
  for (let chunk = from; chunk < owners.length; chunk++) {
    if (Atomics.load(owners, chunk) === 0 && Atomics.compareExchange(owners, chunk, 0, id) === 0) return chunk;
  }
  return -1;
}
