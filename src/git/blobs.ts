import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BlobContent } from '../model.js';
import { gitEnv, type Repo } from './repo.js';

const MAX_RESTARTS = 50;

interface Pending {
  spec: string;
  resolve: (value: { type: string; data?: Buffer; size: number }) => void;
  reject: (error: Error) => void;
  maxBytes: number;
}

/**
 * One long-lived `git cat-file --batch` process for all reads of an analysis.
 * Requests are answered in order, so many can be in flight on one pipe.
 * Bodies over the size limit are read past and dropped, never kept in memory.
 */
export class BlobStore {
  private proc: ChildProcessWithoutNullStreams | undefined;
  /** Requests in the order git answers them; `head` is the next to be answered (no O(n) shift per answer). */
  private queue: Pending[] = [];
  private head = 0;
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received while a body is still incomplete, joined once it is all there (no copy per chunk). */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private needBytes = 0;
  /** Requests written together at the end of the tick: one pipe write for a whole batch of reads. */
  private unsent: string[] = [];
  private failed: Error | undefined;
  private restarts = 0;
  private readonly cache = new Map<string, Promise<BlobContent>>();
  private readonly folders = new Map<string, Promise<Set<string>>>();
  reads = 0;

  constructor(
    private readonly repo: Repo,
    private readonly maxBytes: number,
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('git', ['cat-file', '--batch'], {
      cwd: this.repo.dir,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.resume();
    proc.on('error', (error) => this.fail(error));
    proc.on('close', () => this.restartAfterDeath(proc));
    proc.stdin.on('error', () => {});
    this.proc = proc;
    return proc;
  }

  /**
   * git cat-file dies on some unreadable objects (a partial clone's missing blob with lazy fetch off,
   * a corrupt object). The request it died on is missing; the rest go to a new process.
   */
  private restartAfterDeath(dead: ChildProcessWithoutNullStreams): void {
    if (this.proc !== dead) return;
    this.proc = undefined;
    this.buffer = Buffer.alloc(0);
    this.waiting = [];
    this.waitingBytes = 0;
    this.needBytes = 0;
    this.unsent = [];
    const [culprit, ...rest] = this.takeQueue();
    culprit?.resolve({ type: 'missing', size: 0 });
    this.restarts += 1;
    if (this.restarts > MAX_RESTARTS) {
      this.fail(new Error('git cat-file keeps failing'));
      for (const pending of rest) pending.reject(this.failed!);
      return;
    }
    for (const pending of rest) this.resend(pending);
  }

  private resend(pending: Pending): void {
    this.start();
    this.queue.push(pending);
    this.send(pending.spec);
  }

  private send(spec: string): void {
    if (this.unsent.push(spec) > 1) return;
    queueMicrotask(() => {
      const specs = this.unsent;
      this.unsent = [];
      if (specs.length > 0) this.proc?.stdin.write(`${specs.join('\n')}\n`);
    });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.takeQueue()) pending.reject(error);
  }

  /** Empties the queue, returning the requests still waiting for an answer. */
  private takeQueue(): Pending[] {
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    return waiting;
  }

  /** The answered request leaves the queue; the array is reset once all are answered. */
  private shift(): void {
    this.head += 1;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
  }

  private onData(chunk: Buffer): void {
    if (this.needBytes > 0) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      if (this.waitingBytes < this.needBytes) return;
      chunk = Buffer.concat(this.waiting, this.waitingBytes);
      this.waiting = [];
      this.waitingBytes = 0;
      this.needBytes = 0;
    }
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const pending = this.queue[this.head];
      if (!pending) return;
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.shift();
        pending.resolve({ type: 'missing', size: 0 });
        continue;
      }
      const [, type = 'blob', sizeText = '0'] = header.split(' ');
      const size = Number(sizeText);
      if (this.buffer.length < eol + 1 + size + 1) {
        // Wait for the rest of the body without joining every chunk to what came before.
        this.waiting = [this.buffer];
        this.waitingBytes = this.buffer.length;
        this.needBytes = eol + 1 + size + 1;
        this.buffer = Buffer.alloc(0);
        return;
      }
      const body = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.shift();
      // The body is a view of the chunk git sent, decoded before it is dropped: no copy of its own.
      pending.resolve({ type, size, data: size <= pending.maxBytes ? body : undefined });
    }
  }

  private request(spec: string, maxBytes = this.maxBytes): Promise<{ type: string; data?: Buffer; size: number }> {
    if (this.failed) return Promise.reject(this.failed);
    this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, resolve, reject, maxBytes });
      this.send(spec);
    });
  }

  /** Reads a blob by id. Results are cached; the same id is read once. */
  read(blobId: string): Promise<BlobContent> {
    return this.readSpec(blobId);
  }

  /** Reads `path` as it is in commit `sha`; missing when the path does not exist there. */
  readPath(sha: string, path: string): Promise<BlobContent> {
    if (/[\n\r]/.test(path)) return Promise.resolve({ size: 0, unreadable: 'missing' });
    return this.readSpec(`${sha}:${path}`);
  }

  /**
   * Names of the files (blobs and symlinks) directly in folder `dir` of commit `sha` (`''`: the root), read
   * as a tree object through the same process; empty when the folder does not exist.
   */
  listFolder(sha: string, dir: string): Promise<Set<string>> {
    const spec = dir ? `${sha}:${dir.replace(/\/+$/, '')}` : `${sha}^{tree}`;
    if (/[\n\r]/.test(spec)) return Promise.resolve(new Set());
    let result = this.folders.get(spec);
    if (!result) {
      // Trees are small next to blobs; the size limit for blobs does not apply to them.
      result = this.request(spec, Number.MAX_SAFE_INTEGER).then(
        // Object ids are as long as the commit's: 20 bytes with SHA-1, 32 with SHA-256.
        (raw) => (raw.type === 'tree' && raw.data ? treeFiles(raw.data, sha.length / 2) : new Set<string>()),
        () => new Set<string>(),
      );
      this.folders.set(spec, result);
    }
    return result;
  }

  private readSpec(spec: string): Promise<BlobContent> {
    let result = this.cache.get(spec);
    if (!result) {
      this.reads += 1;
      result = this.request(spec).then(
        (raw) => decodeBlob(raw),
        (): BlobContent => ({ size: 0, unreadable: 'missing' }),
      );
      this.cache.set(spec, result);
    }
    return result;
  }

  close(): void {
    const proc = this.proc;
    if (!proc) return;
    proc.removeAllListeners('close');
    proc.stdin.end();
    this.proc = undefined;
  }
}

/** Entries of a raw tree object (`<mode> <name>\0<id>`…) that are files: regular, executable or symlink. */
export function treeFiles(data: Buffer, idBytes: number): Set<string> {
  const out = new Set<string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = space < 0 ? -1 : data.indexOf(0, space + 1);
    if (nul < 0) break;
    const mode = data.toString('latin1', at, space);
    if (mode.startsWith('100') || mode === '120000') out.add(data.toString('utf8', space + 1, nul));
    at = nul + 1 + idBytes;
  }
  return out;
}

const BINARY_SNIFF_BYTES = 8000;

export function decodeBlob(raw: { type: string; data?: Buffer; size: number }): BlobContent {
  if (raw.type === 'missing') return { size: 0, unreadable: 'missing' };
  if (raw.type !== 'blob') return { size: raw.size, unreadable: 'missing' };
  if (!raw.data) return { size: raw.size, unreadable: 'too-large' };
  const text = decodeText(raw.data);
  if (text === 'binary') return { size: raw.size, unreadable: 'binary' };
  if (text === undefined) return { size: raw.size, unreadable: 'not-utf8' };
  return { size: raw.size, text };
}

/** One strict decoder for every blob: decoding without `stream` keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; 'binary' when a NUL byte shows up; undefined when not valid text. */
export function decodeText(data: Buffer): string | 'binary' | undefined {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return 'binary';
  try {
    const text = utf8.decode(data);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
