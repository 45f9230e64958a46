import { isDeepStrictEqual } from 'node:util';
import { pathAt, type Release } from './analyzer.js';
import type { ChangedFile, Side } from '../model/report.js';
import { isJson, isYaml, lockfileOf } from '../parse/kinds.js';
import { parseStructured } from '../parse/structured.js';

// JSON and YAML of the release, parsed once whichever analyzer asks first.

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
  if (!cache) parsedValues.set(release, (cache = new Map<string, unknown[] | undefined>()));
  const key = `${side}\0${path}`;
  if (cache.has(key)) return cache.get(key);
  const read = text();
  const value = read === undefined ? undefined : parseStructured(path, read);
  cache.set(key, value);
  return value;
}

/**
 * True when both sides of a modified JSON or YAML file parse to the same value. Lockfiles are machine-written and
 * the largest YAML and JSON a release holds: they are left to the dependency analysis, never parsed for this.
 */
export function sameStructuredValue(release: Release, file: ChangedFile): boolean {
  if (file.status !== 'modified' || !(isJson(file.path) || isYaml(file.path)) || lockfileOf(file.path)) return false;
  const from = structuredAt(release, file, 'from');
  const to = structuredAt(release, file, 'to');
  return from !== undefined && to !== undefined && isDeepStrictEqual(from, to);
}
