import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { yaml } from './yaml.js';
import { pathAt, type Release } from '../analyzers/analyzer.js';
import type { ChangedFile, Side } from '../model/report.js';
import { isJson, isYaml } from './kinds.js';

// JSON and YAML compared by what they mean, not how they are written.

const require = createRequire(import.meta.url);
type JsYaml = typeof import('js-yaml');
let jsYaml: JsYaml | undefined;

/** Anchors make aliases, and aliases can expand exponentially: such texts take the guarded parser. */
const ANCHOR = /(^|[\s[{,:-])&[^\s[\]{},]/m;

/**
 * The documents of a YAML text, or undefined when it does not parse. Texts without anchors go to js-yaml
 * (YAML 1.2 core schema, an order of magnitude faster); texts with anchors to `yaml`, which caps how far
 * aliases expand (an alias bomb does not parse).
 */
export function readYaml(text: string): unknown[] | undefined {
  try {
    if (!ANCHOR.test(text)) {
      jsYaml ??= require('js-yaml') as JsYaml;
      return jsYaml.loadAll(text, { maxAliases: 0 }).filter((d) => d !== null && d !== undefined);
    }
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
  } catch {
    return undefined;
  }
}

/** The parsed documents of a JSON or YAML text, or undefined when it does not parse. */
export function parseStructured(path: string, text: string): unknown[] | undefined {
  if (isJson(path)) {
    try {
      return [JSON.parse(text)];
    } catch {
      return undefined;
    }
  }
  return isYaml(path) ? readYaml(text) : undefined;
}

/** Parsed values of the release's changed files, shared by the analyzers that compare them. */
const parsedValues = new WeakMap<Release, Map<string, unknown[] | undefined>>();

/** Parsed value of a changed JSON or YAML file at one side (undefined: absent or does not parse), parsed once. */
export function structuredAt(release: Release, file: ChangedFile, side: Side): unknown[] | undefined {
  const path = pathAt(file, side);
  return parsedAt(release, side, path, () => release.content(file, side).text);
}

/**
 * Parsed value of the JSON or YAML file at `path` at one side, changed or not, parsed once per release
 * whichever analyzer asks first (`text` is read only then).
 */
export function parsedAt(release: Release, side: Side, path: string, text: () => string | undefined): unknown[] | undefined {
  let cache = parsedValues.get(release);
  if (!cache) parsedValues.set(release, (cache = new Map()));
  const key = `${side}\0${path}`;
  if (cache.has(key)) return cache.get(key);
  const read = text();
  const value = read === undefined ? undefined : parseStructured(path, read);
  cache.set(key, value);
  return value;
}

/** True when both sides of a modified JSON or YAML file parse to the same value. */
export function sameStructuredValue(release: Release, file: ChangedFile): boolean {
  if (file.status !== 'modified' || !(isJson(file.path) || isYaml(file.path))) return false;
  const from = structuredAt(release, file, 'from');
  const to = structuredAt(release, file, 'to');
  return from !== undefined && to !== undefined && isDeepStrictEqual(from, to);
}
