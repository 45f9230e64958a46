// V8's code cache for the big CommonJS bundles: used when a private entry matches, never trusted otherwise, and
// the analysis the same with or without it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheFolder, disableCodeCache, enableCodeCache, requireCached } from '../../src/util/code-cache.js';
import { generateBenchRepo } from '../bench/generate.js';
import { ROOT, cli, git, tempDir } from '../support/repo.js';

const CODE_CACHE = join(ROOT, 'dist', 'src', 'util', 'code-cache.js');
const TYPESCRIPT = join(ROOT, 'dist', 'src', 'parse', 'typescript', 'compiler.js');

/** A CommonJS module in a folder of its own, and an empty cache folder beside it. */
function setUp(source = 'module.exports = { value: 42, twice: (n) => n * 2 };\n'): { file: string; cache: string } {
  const dir = tempDir();
  const file = join(dir, 'lib.cjs');
  writeFileSync(file, source);
  return { file, cache: join(dir, 'cache') };
}

/**
 * Loads the module in a new process, as the CLI does (V8 keeps compiled code within a process, so only a new
 * one shows whether the entry on disk was used): where it came from, and what `value` it exports.
 */
function load(file: string, cache: string): { from: string; value: unknown } {
  const script = [
    `import { enableCodeCache, requireCached } from ${JSON.stringify(pathToFileURL(CODE_CACHE).href)};`,
    'enableCodeCache();',
    `const { exports, from } = requireCached(${JSON.stringify(file)});`,
    'console.log(JSON.stringify({ from, value: exports.value }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ROLLBACK_READY_CACHE: cache },
  });
  return JSON.parse(out) as { from: string; value: unknown };
}

const entries = (cache: string) => (existsSync(cache) ? readdirSync(cache).filter((n) => n.endsWith('.v8')) : []);

afterEach(() => disableCodeCache());

describe('code cache', () => {
  it('compiles once, keeps a private entry at exit, and loads from it in the next process', () => {
    const { file, cache } = setUp();
    expect(load(file, cache)).toEqual({ from: 'compiled', value: 42 });
    expect(entries(cache)).toHaveLength(1);
    expect(statSync(join(cache, entries(cache)[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o077).toBe(0);
    expect(load(file, cache)).toEqual({ from: 'cache', value: 42 });
  });

  it('reads a module with text beyond ASCII as UTF-8, and an ASCII one as the same text, from the cache too', () => {
    const { file, cache } = setUp("module.exports = { value: 'café → ✓ \\u00e9' + ' ' + 'plain'.length };\n");
    expect(load(file, cache)).toEqual({ from: 'compiled', value: 'café → ✓ é 5' });
    expect(load(file, cache)).toEqual({ from: 'cache', value: 'café → ✓ é 5' });
    const ascii = setUp("module.exports = { value: 'plain \\u00e9 text' };\n");
    expect(load(ascii.file, ascii.cache)).toEqual({ from: 'compiled', value: 'plain é text' });
    expect(load(ascii.file, ascii.cache)).toEqual({ from: 'cache', value: 'plain é text' });
  });

  it('never uses the entry of another version of the file, and keeps one entry a file', () => {
    const { file, cache } = setUp();
    load(file, cache);
    const old = entries(cache);
    writeFileSync(file, 'module.exports = { value: 7, twice: (n) => n * 3 };\n');
    expect(load(file, cache)).toEqual({ from: 'compiled', value: 7 });
    expect(entries(cache)).toHaveLength(1);
    expect(entries(cache)).not.toEqual(old);
    expect(load(file, cache)).toEqual({ from: 'cache', value: 7 });
    // Another file's entry stays.
    const other = join(dirname(file), 'other.cjs');
    writeFileSync(other, 'module.exports = { value: 1 };\n');
    load(other, cache);
    expect(entries(cache)).toHaveLength(2);
  });

  it('compiles anew when V8 rejects an entry, and writes a good one', () => {
    const { file, cache } = setUp();
    load(file, cache);
    writeFileSync(join(cache, entries(cache)[0]!), Buffer.from('not a code cache at all'), { mode: 0o600 });
    expect(load(file, cache)).toEqual({ from: 'compiled', value: 42 });
    expect(load(file, cache)).toEqual({ from: 'cache', value: 42 });
  });

  it('reads nothing from a folder or an entry that others may write to', () => {
    const { file, cache } = setUp();
    load(file, cache);
    const entry = join(cache, entries(cache)[0]!);
    chmodSync(entry, 0o666);
    expect(load(file, cache).from).toBe('compiled');
    chmodSync(entry, 0o600);
    expect(load(file, cache).from).toBe('cache');
    chmodSync(cache, 0o777);
    expect(load(file, cache)).toEqual({ from: 'require', value: 42 });
  });

  it('registers the module for whoever requires it next (ts-morph requires the TypeScript loaded here)', () => {
    const { file, cache } = setUp();
    enableCodeCache({ ROLLBACK_READY_CACHE: cache });
    const first = requireCached(file);
    expect(first.from).toBe('compiled');
    expect(Module.createRequire(file)(file)).toBe(first.exports);
    expect(requireCached(file)).toEqual({ exports: first.exports, from: 'require' });
  });

  it('is off with ROLLBACK_READY_CACHE=off, and lives under the user cache folder by default', () => {
    expect(codeCacheFolder({ ROLLBACK_READY_CACHE: 'off' })).toBeUndefined();
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/rollback-ready/code');
    expect(codeCacheFolder({ XDG_CACHE_HOME: 'relative/cache' })).toBe(join(homedir(), '.cache', 'rollback-ready', 'code'));
    const { file, cache } = setUp();
    expect(load(file, 'off')).toEqual({ from: 'require', value: 42 });
    expect(existsSync(cache)).toBe(false);
  });

  it('compiles TypeScript from the entry the last run wrote', () => {
    const cache = join(tempDir(), 'cache');
    const run = (folder: string) => {
      const script = [
        `import { enableCodeCache } from ${JSON.stringify(pathToFileURL(CODE_CACHE).href)};`,
        `import { typescript, typescriptLoadedFrom } from ${JSON.stringify(pathToFileURL(TYPESCRIPT).href)};`,
        'enableCodeCache();',
        'typescript();',
        'console.log(typescriptLoadedFrom());',
      ].join('\n');
      const file = join(tempDir(), 'load.mjs');
      writeFileSync(file, script);
      return execFileSync(process.execPath, [file], { encoding: 'utf8', env: { ...process.env, ROLLBACK_READY_CACHE: folder } }).trim();
    };
    expect(run(cache)).toBe('compiled');
    expect(entries(cache)).toHaveLength(1);
    expect(run(cache)).toBe('cache');
    expect(run('off')).toBe('require');
  }, 60_000);

  it('gives the CLI the same report with and without it, and leaves the repository alone', () => {
    const repo = join(tempDir(), 'repo');
    generateBenchRepo(repo, { changed: 60, unchanged: 0 });
    const cache = join(tempDir(), 'cache');
    const args = ['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json'];
    const status = git(repo, ['status', '--porcelain']);
    const without = cli(args, { env: { ROLLBACK_READY_CACHE: 'off' } });
    const first = cli(args, { env: { ROLLBACK_READY_CACHE: cache } });
    // TypeScript, ts-morph's two bundles (the release has routes) and the SQL parser (it has SQL migrations).
    expect(entries(cache)).toHaveLength(4);
    const second = cli(args, { env: { ROLLBACK_READY_CACHE: cache } });
    expect(first.stdout).toBe(without.stdout);
    expect(second.stdout).toBe(without.stdout);
    expect(git(repo, ['status', '--porcelain'])).toBe(status);
    expect(readdirSync(repo).filter((n) => n !== '.git')).toEqual([]);
  });
});
