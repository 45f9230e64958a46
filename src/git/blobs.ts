import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BlobContent } from '../model/report.js';
import { gitEnv, type Repo } from './repo.js';
import { decodePath, encodePath } from './path-bytes.js';
import { Lru } from '../util/lru.js';

const MAX_RESTARTS = 50;

/**
 * Text the contents shared by several analyses of one repository may hold (`SharedContents`): the running
 * release's files and the changes several targets have in common are read from git once, and the least recently
 * used content is let go beyond it.
 */
export const SHARED_CONTENT_TEXT = 32 * 1024 * 1024;

/**
 * Contents read by several BlobStores of one repository (the analyses of the release picker), by size limit and
 * object spec: a blob id or `commit:path` names the same bytes forever. Bounded by the text held
 * (SHARED_CONTENT_TEXT), least recently used dropped first; what is dropped is read from git again when asked for.
 */
export type SharedContents = Lru<BlobContent>;

export function sharedContents(limit = SHARED_CONTENT_TEXT): SharedContents {
  return new Lru<BlobContent>(limit, (content) => content.text?.length ?? 0);
}

interface Pending {
  spec: string;
  resolve: (value: Raw) => void;
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
  private readonly answers = new AnswerStream();
  /** Requests written together at the end of the tick: one pipe write for a whole batch of reads. */
  private unsent: string[] = [];
  private failed: Error | undefined;
  private restarts = 0;
  private readonly cache = new Map<string, Promise<BlobContent>>();
  private readonly folders = new Map<string, Promise<Set<string>>>();
  /** Specs read here whose bytes were not UTF-16: a text decoded from them encodes back to them when as long. */
  private readonly notUtf16 = new Set<string>();
  /** Objects read from git (a content another analysis shared is not read). */
  reads = 0;

  constructor(
    private readonly repo: Repo,
    private maxBytes: number,
    /** Contents shared with other analyses of the same repository. */
    private readonly shared?: SharedContents,
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('git', ['cat-file', '--batch'], {
      cwd: this.repo.dir,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (chunk: Buffer) => this.answers.feed(chunk));
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
    this.unsent = [];
    const [culprit, ...rest] = this.answers.reset();
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
    this.answers.expect(pending);
    this.send(pending.spec);
  }

  private send(spec: string): void {
    if (this.unsent.push(spec) > 1) return;
    queueMicrotask(() => {
      const specs = this.unsent;
      this.unsent = [];
      // A path in a spec goes as the bytes it stands for (path-bytes.ts).
      if (specs.length > 0) this.proc?.stdin.write(encodePath(`${specs.join('\n')}\n`));
    });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.answers.reset()) pending.reject(error);
  }

  private request(spec: string, maxBytes = this.maxBytes): Promise<{ type: string; data?: Buffer; size: number }> {
    if (this.failed) return Promise.reject(this.failed);
    this.start();
    return new Promise((resolve, reject) => {
      this.answers.expect({ spec, resolve, reject, maxBytes });
      this.send(spec);
    });
  }

  /** Reads a blob by id. Results are cached; the same id is read once. */
  read(blobId: string): Promise<BlobContent> {
    return this.readSpec(blobId);
  }

  /** The size limit of the reads from now on (set before the first read whose limit it is). */
  setLimit(maxBytes: number): void {
    this.maxBytes = maxBytes;
  }

  /** Reads `path` in commit `sha` under its own size limit, not cached (a config file, before the limits are known). */
  readPathWithin(sha: string, path: string, maxBytes: number): Promise<BlobContent> {
    if (/[\n\r]/.test(path)) return Promise.resolve({ size: 0, unreadable: 'missing' });
    return this.fetch(`${sha}:${path}`, maxBytes);
  }

  /** Reads a blob by id under its own size limit, not cached (read before the limits are known). */
  readWithin(blobId: string, maxBytes: number): Promise<BlobContent> {
    return this.fetch(blobId, maxBytes);
  }

  /**
   * The bytes of a blob, whatever their size, not decoded and not cached (undefined: not a readable blob). A blob
   * already read as text is not asked of git again when its text encodes back to as many bytes as it had: the bytes
   * were UTF-8 without a byte-order mark (UTF-16 aside), and valid UTF-8 decodes and encodes back to itself.
   */
  readBytes(blobId: string): Promise<Buffer | undefined> {
    const read = this.notUtf16.has(blobId) ? this.cache.get(blobId) : undefined;
    if (!read) return this.rawBytes(blobId);
    return read.then((content) => {
      const bytes = content.text === undefined ? undefined : Buffer.from(content.text, 'utf8');
      return bytes?.length === content.size ? bytes : this.rawBytes(blobId);
    });
  }

  private rawBytes(blobId: string): Promise<Buffer | undefined> {
    return this.request(blobId, Number.MAX_SAFE_INTEGER).then(
      (raw) => (raw.type === 'blob' ? (raw.data ?? Buffer.alloc(0)) : undefined),
      () => undefined,
    );
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
      // The size limit is part of what was read: over it, a blob reads as too large.
      const key = `${this.maxBytes}\0${spec}`;
      const known = this.shared?.get(key);
      if (known) result = Promise.resolve(known);
      else {
        this.reads += 1;
        result = this.fetch(spec);
        const shared = this.shared;
        // A missing object may be a read that failed (git restarted): it is asked of git again.
        if (shared)
          void result.then((content) => content.unreadable !== 'missing' && content.unreadable !== 'failed' && shared.set(key, content));
      }
      this.cache.set(spec, result);
    }
    return result;
  }

  private fetch(spec: string, maxBytes = this.maxBytes): Promise<BlobContent> {
    return this.request(spec, maxBytes).then(
      (raw) => {
        if (raw.data && !isUtf16(raw.data)) this.notUtf16.add(spec);
        return decodeBlob(raw);
      },
      // Not an answer about the object: the reader failed, and a caller must not take it for an absent file.
      (): BlobContent => ({ size: 0, unreadable: 'failed' }),
    );
  }

  close(): void {
    const proc = this.proc;
    if (!proc) return;
    proc.removeAllListeners('close');
    proc.stdin.end();
    this.proc = undefined;
  }
}

/**
 * The answers of `git cat-file --batch` as they come in, from its pipe or from a file, matched in order to the
 * requests expected: `<oid> <type> <size>`, the body and a newline, or `<spec> missing`.
 */
class AnswerStream {
  /** Requests in the order git answers them; `head` is the next to be answered (no O(n) shift per answer). */
  private queue: Pending[] = [];
  private head = 0;
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received while a body is still incomplete, joined once it is all there (no copy per chunk). */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private needBytes = 0;
  /** Bytes still to come of a body over the size limit, which are dropped as they arrive. */
  private skipBytes = 0;

  expect(pending: Pending): void {
    this.queue.push(pending);
  }

  /** Starts over: returns the requests still waiting for an answer, and drops any partial one. */
  reset(): Pending[] {
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    this.buffer = Buffer.alloc(0);
    this.waiting = [];
    this.waitingBytes = 0;
    this.needBytes = 0;
    this.skipBytes = 0;
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

  /** Takes the next chunk of output, kept as a view (its memory must not be reused). */
  feed(chunk: Buffer): void {
    if (this.skipBytes > 0) {
      // The rest of a body over the size limit: read past, never kept.
      const skipped = Math.min(this.skipBytes, chunk.length);
      this.skipBytes -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return;
    }
    if (this.needBytes > 0) {
      this.waiting.push(chunk);
      this.waitingBytes += chunk.length;
      if (this.waitingBytes < this.needBytes) return;
      chunk = Buffer.concat(this.waiting, this.waitingBytes);
      this.waiting = [];
      this.waitingBytes = 0;
      this.needBytes = 0;
    }
    const data = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let at = 0;
    for (;;) {
      const pending = this.queue[this.head];
      const answer = pending && answerAt(data, at, pending.maxBytes);
      if (!answer) break;
      if (!answer.raw) {
        // Wait for the rest of the body without joining every chunk to what came before.
        this.waiting = [data.subarray(at)];
        this.waitingBytes = data.length - at;
        this.needBytes = answer.end - at;
        this.buffer = Buffer.alloc(0);
        return;
      }
      this.shift();
      // The body is a view of the chunk, decoded before it is dropped: no copy of its own.
      pending.resolve(answer.raw);
      at = answer.end;
      if (at > data.length) {
        this.skipBytes = at - data.length;
        at = data.length;
      }
    }
    this.buffer = data.subarray(at);
  }
}

type Raw = { type: string; data?: Buffer; size: number };

/**
 * The answer of `git cat-file --batch` that starts at `at` in `data` (`<oid> <type> <size>`, the body and a
 * newline, or `<spec> missing`): where it ends, and what it says when that is known: a missing object, a body
 * over `maxBytes` (its size only), or a body `data` holds whole (a view of it). Undefined before a whole header.
 */
function answerAt(data: Buffer, at: number, maxBytes: number): { end: number; raw?: Raw } | undefined {
  const eol = data.indexOf(10, at);
  if (eol < 0) return undefined;
  const header = data.toString('utf8', at, eol);
  if (header.endsWith(' missing') || header.endsWith(' ambiguous')) return { end: eol + 1, raw: { type: 'missing', size: 0 } };
  const [, type = 'blob', sizeText = '0'] = header.split(' ');
  const size = Number(sizeText);
  const end = eol + 1 + size + 1;
  if (size > maxBytes) return { end, raw: { type, size } };
  if (end > data.length) return { end };
  return { end, raw: { type, size, data: data.subarray(eol + 1, eol + 1 + size) } };
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
    if (mode.startsWith('100') || mode === '120000') out.add(decodePath(data.subarray(space + 1, nul)));
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

/** Whether bytes start with a UTF-16 byte-order mark (`decodeText` reads them as UTF-16). */
function isUtf16(data: Buffer): boolean {
  return data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}

/** One strict decoder for every blob: decoding without `stream` keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; 'binary' when a NUL byte shows up; undefined when not valid text. */
export function decodeText(data: Buffer): string | undefined {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const nul = data.indexOf(0);
  if (nul >= 0 && nul < BINARY_SNIFF_BYTES) return 'binary';
  try {
    const text = utf8.decode(data);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
