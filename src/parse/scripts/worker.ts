import { parentPort, workerData } from 'node:worker_threads';
import { readCodeCache } from '../../util/code-cache.js';
import { typescript, typescriptLoadedFrom } from '../typescript/compiler.js';
import { digestChange } from './digest.js';
import { claimChunk, fromWire, type BatchMessage, type WorkerData } from './claim.js';

// A worker thread of the script pool: loads TypeScript once (from the code cache the thread that started it
// uses, when it uses one), then claims chunks of each batch it is sent until none is left, posting the digests
// of each chunk as it finishes it.

const port = parentPort;
if (port) {
  const cache = (workerData as WorkerData | null)?.codeCache;
  if (cache) readCodeCache(cache);
  const ts = typescript();
  port.on('message', (batch: BatchMessage) => {
    const owners = new Int32Array(batch.owners);
    const views: Buffer[] = [];
    for (let chunk = claimChunk(owners, 0, batch.id); chunk >= 0; chunk = claimChunk(owners, chunk + 1, batch.id)) {
      const [start, end] = batch.chunks[chunk]!;
      try {
        port.postMessage({
          batch: batch.batch,
          chunk,
          results: Array.from({ length: end - start }, (_, i) => digestChange(ts, fromWire(batch, start + i, views))),
        });
      } catch (error) {
        port.postMessage({ batch: batch.batch, chunk, error: error instanceof Error ? error.message : String(error) });
      }
    }
  });
  port.postMessage({ ready: true, typescript: typescriptLoadedFrom() });
}
