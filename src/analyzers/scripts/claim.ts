import type { DigestJob } from './digest.js';

// The table through which this thread and the pool's workers share out the chunks of a batch.

export type Range = [start: number, end: number];

/** What a worker is sent for a batch: every job, the chunks, and the table of who claimed each chunk. */
export interface BatchMessage {
  batch: number;
  jobs: DigestJob[];
  chunks: Range[];
  owners: SharedArrayBuffer;
  /** This worker's mark in the table. */
  id: number;
}

/** What a worker is started with. */
export interface WorkerData {
  /** The code cache folder the starting thread uses (src/code-cache.ts); the worker reads its entries. */
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
