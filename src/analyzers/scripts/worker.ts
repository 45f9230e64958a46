import { parentPort } from 'node:worker_threads';
import { typescript } from '../typescript.js';
import { digestChange, type DigestJob } from './digest.js';

// A worker thread of the script pool: loads TypeScript once, then digests the chunks it is sent.

const port = parentPort;
if (port) {
  const ts = typescript();
  port.on('message', (chunk: { id: number; jobs: DigestJob[] }) => {
    try {
      port.postMessage({ id: chunk.id, results: chunk.jobs.map((job) => digestChange(ts, job)) });
    } catch (error) {
      port.postMessage({ id: chunk.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
}
