import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import vm from 'node:vm';

// V8's code cache for the big CommonJS bundles an analysis loads, TypeScript (9 MB), ts-morph (4 MB) and
// node-sql-parser (2.5 MB): compiling them is a large part of a small analysis, and with the bytes V8 kept from
// the last run it is a fraction of that (docs/performance.md measures it). Node 22 does this itself (module.enableCompileCache,
// which tsc turns on); Node 20 does not.
// The CLI turns it on; the library never does. The cache lives in a folder of the user's own (never in the
// repository analysed), is read only when that folder is private to the user, and V8 checks every cache entry
// against its own version, flags and the source before using it. ROLLBACK_READY_CACHE=off turns it off;
// ROLLBACK_READY_CACHE=<folder> puts it elsewhere.

let folder: string | undefined;
/** Modules compiled without a usable cache entry this run: their entries are written at exit. */
const pending: { script: vm.Script; path: string }[] = [];

/** The cache folder in effect: the variable, else under rollback-ready in $XDG_CACHE_HOME or ~/.cache. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.ROLLBACK_READY_CACHE;
  if (set === 'off' || set === '0' || set === 'false') return undefined;
  if (set) return resolve(set);
  try {
    // XDG_CACHE_HOME counts only when absolute (as the XDG spec says): a relative one could name the repository.
    const xdg = env.XDG_CACHE_HOME;
    const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
    return join(base, 'rollback-ready', 'code');
  } catch {
    return undefined; // no home folder to keep it in: no cache
  }
}

/** Turns the cache on for this process (the CLI calls it once); entries missing or stale are written at exit. */
export function enableCodeCache(env: NodeJS.ProcessEnv = process.env): void {
  if (folder !== undefined) return;
  folder = codeCacheFolder(env);
  if (folder) process.once('exit', saveCodeCache);
}

/** Stops using the cache (for tests); entries not yet written are dropped. */
export function disableCodeCache(): void {
  folder = undefined;
  pending.length = 0;
  process.removeListener('exit', saveCodeCache);
}

/**
 * `require(path)` of a CommonJS file, compiled from the code cache when it is on and holds a matching entry.
 * `from` says which: 'cache', 'compiled' (no usable entry: one is written at exit), or 'require' (cache off,
 * unsafe folder, or the module was already loaded).
 */
export function requireCached(path: string): { exports: unknown; from: 'cache' | 'compiled' | 'require' } {
  const cache = Module as unknown as {
    _cache: Record<string, Module | undefined>;
    _nodeModulePaths(dir: string): string[];
    wrap(source: string): string;
  };
  const plain = () => ({ exports: createRequire(path)(path) as unknown, from: 'require' as const });
  const known = cache._cache[path];
  if (known) return { exports: known.exports, from: 'require' };
  if (!folder || !privateFolder(folder)) return plain();
  let script: vm.Script;
  let entry: string;
  let cached: Buffer | undefined;
  try {
    entry = join(folder, entryName(path));
    cached = readPrivate(entry);
    script = new vm.Script(cache.wrap(readSource(path)), { filename: path, ...(cached ? { cachedData: cached } : {}) });
  } catch {
    return plain();
  }
  // The module as Node's loader would make it, registered before it runs: whoever requires it next (ts-morph
  // requires TypeScript) gets this same instance.
  const module = new Module(path) as Module & { filename: string; paths: string[]; loaded: boolean };
  module.filename = path;
  module.paths = cache._nodeModulePaths(dirname(path));
  cache._cache[path] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      createRequire(path),
      module,
      path,
      dirname(path),
    );
  } catch (error) {
    delete cache._cache[path];
    throw error;
  }
  module.loaded = true;
  const used = cached !== undefined && !script.cachedDataRejected;
  if (!used) pending.push({ script, path: entry });
  return { exports: module.exports, from: used ? 'cache' : 'compiled' };
}

/**
 * A module's source text. Both bundles are plain ASCII (TypeScript's 9 MB included): read as bytes and taken as
 * latin1, which is then the same text, that is a copy, far cheaper than decoding UTF-8.
 */
function readSource(path: string): string {
  const bytes = readFileSync(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Writes the entries of the modules compiled this run (by then they hold the code of every function used). */
export function saveCodeCache(): void {
  const dir = folder;
  const todo = pending.splice(0);
  if (!dir || todo.length === 0) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!privateFolder(dir)) return;
    for (const { script, path } of todo) {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, path);
      // The entries of the file's older versions (a reinstall, an upgrade of Node) go: one entry a file.
      const name = basename(path);
      const file = name.slice(0, name.indexOf('-') + 1);
      for (const other of readdirSync(dir))
        if (other !== name && other.startsWith(file) && other.endsWith('.v8')) rmSync(join(dir, other), { force: true });
    }
  } catch {
    // A cache that cannot be written only means the next run compiles again.
  }
}

const hash = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * `<file>-<version>.v8`: the first part names the file by its path, the second its version (size, time of
 * change, inode) and Node's, V8's and the platform's. Writing one version's entry removes the file's others.
 */
function entryName(path: string): string {
  const stat = statSync(path);
  return `${hash(path, 16)}-${hash([stat.size, stat.mtimeMs, stat.ino, process.version, process.arch, process.versions.v8].join('\0'), 16)}.v8`;
}

/** A real folder (not a link) of this user that nobody else may write to; a folder not there yet passes. */
function privateFolder(dir: string): boolean {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return true;
  }
  return stat.isDirectory() && ownedHere(stat.uid) && (stat.mode & 0o022) === 0;
}

const ownedHere = (uid: number) => process.getuid === undefined || uid === process.getuid();

/** A cache entry's bytes, when it is a regular file of this user that only this user may write. */
function readPrivate(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    // Checked on the open file itself, then read from it: nothing can be swapped in between.
    const stat = fstatSync(fd);
    if (!stat.isFile() || !ownedHere(stat.uid) || (stat.mode & 0o022) !== 0) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
