import { readFile } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { yaml } from '../parse/yaml.js';
import { UsageError } from '../util/errors.js';
import type { BlobStore } from '../git/blobs.js';
import { oneLine } from '../util/sanitize.js';
import type { ConfigSource } from '../model/report.js';

// Only data formats: the tool runs on untrusted pull requests, and a JavaScript config would run their code.
/** Where a config is looked for at the root of a release's tree (the target's: see trust.ts), first found wins. */
export const CONFIG_FILES = [
  'rollback-ready.config.json',
  'rollback-ready.config.yaml',
  'rollback-ready.config.yml',
  '.rollbackreadyrc',
  '.rollbackreadyrc.json',
  '.rollbackreadyrc.yaml',
  '.rollbackreadyrc.yml',
  'package.json',
] as const;

export const PACKAGE_KEY = 'rollbackReady';
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Which configuration an analysis used (shown in the report). */
export interface ConfigOrigin {
  /** repository: found in the tree of `to`; file: --config; options: given to the API; defaults: none found. */
  source: ConfigSource;
  /** The file, for repository and file. */
  path?: string;
  /** The ref whose tree held it, for repository. */
  ref?: string;
}

export interface LoadedConfig {
  raw: unknown;
  origin: ConfigOrigin;
  /** Other config files that were found and not read. */
  shadowed: string[];
  /** The file's text, for a config read from a tree (to find the line of a key). */
  text?: string;
}

export function describeOrigin(origin: ConfigOrigin): string {
  switch (origin.source) {
    case 'repository':
      return `${origin.path}${origin.path === 'package.json' ? ` (${PACKAGE_KEY})` : ''} at ${origin.ref}`;
    case 'file':
      return `${origin.path} (--config)`;
    case 'options':
      return 'given by the caller';
    default:
      return 'none found, defaults used';
  }
}

/** Parses config text by its file name: JSON for .json and package.json, YAML otherwise. */
export function parseConfigText(name: string, text: string, label: string): unknown {
  const json = extname(name) === '.json';
  try {
    return json ? JSON.parse(text) : (yaml().parse(text, { maxAliasCount: 100 }) ?? {});
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new UsageError(
      `config ${oneLine(label)}: not valid ${json ? 'JSON' : 'YAML'}: ${oneLine(message)}`,
      'fix the syntax of the config file',
    );
  }
}

function packageSetting(pkg: unknown): unknown {
  if (pkg === null || typeof pkg !== 'object' || !Object.hasOwn(pkg, PACKAGE_KEY)) return undefined;
  return (pkg as Record<string, unknown>)[PACKAGE_KEY];
}

/**
 * Finds and reads the config in the tree of commit `sha` (works on bare clones; the work tree is never read),
 * through the analysis' blob store: the root folder and the config files come from its git process.
 */
export async function configFromTree(blobs: BlobStore, sha: string, ref: string): Promise<LoadedConfig> {
  const entries = await blobs.listFolder(sha, '');
  const present = CONFIG_FILES.filter((name) => entries.has(name));
  for (const name of present) {
    const content = await blobs.readPathWithin(sha, name, MAX_CONFIG_BYTES);
    const label = `${name} at ${ref}`;
    if (content.text === undefined) {
      if (name === 'package.json') continue;
      throw new UsageError(
        `config ${label}: cannot be read (${content.unreadable ?? 'unknown'})`,
        `keep the config a UTF-8 text file under ${MAX_CONFIG_BYTES / 1024} KiB`,
      );
    }
    let raw: unknown;
    if (name === 'package.json') {
      try {
        raw = packageSetting(JSON.parse(content.text));
      } catch {
        continue; // A broken package.json is not a config; other analyzers report it.
      }
      if (raw === undefined) continue;
    } else {
      raw = parseConfigText(name, content.text, label);
    }
    const shadowed = present.filter((other) => other !== name && other !== 'package.json');
    return { raw, origin: { source: 'repository', path: name, ref }, shadowed, text: content.text };
  }
  return { raw: {}, origin: { source: 'defaults' }, shadowed: [] };
}

/** Reads the config file a user named with --config, from disk. */
export async function configFromFile(file: string): Promise<LoadedConfig> {
  if (!['', '.json', '.yaml', '.yml'].includes(extname(file))) {
    throw new UsageError(
      `--config ${oneLine(basename(file))}: only JSON and YAML configs are read`,
      'write the config as .json, .yaml or .yml (a JavaScript config would run code)',
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      throw new UsageError(`--config ${oneLine(file)}: cannot read the file (${code})`, 'pass the path of a JSON or YAML config file');
    }
    throw error;
  }
  const origin: ConfigOrigin = { source: 'file', path: file };
  if (basename(file) === 'package.json') {
    const raw = packageSetting(parseConfigText(file, text, file));
    if (raw === null || raw === undefined) {
      throw new UsageError(
        `--config ${oneLine(file)}: package.json has no "${PACKAGE_KEY}" key`,
        `add a "${PACKAGE_KEY}" object, or pass a JSON or YAML config file`,
      );
    }
    return { raw, origin, shadowed: [] };
  }
  // An empty file is an empty config.
  return { raw: text.trim() === '' ? {} : parseConfigText(file, text, file), origin, shadowed: [] };
}

/** Settings given on top of a file (command-line flags): objects merge, anything else replaces. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = mergeConfig(base[key], value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
