import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { pathAt, type Release } from '../analyzer.js';
import type { ChangedFile, Side } from '../../model.js';
import { isJson, isYaml } from './kinds.js';

// JSON and YAML compared by what they mean, not how they are written.

/** The parsed documents of a JSON or YAML text, or undefined when it does not parse. */
export function parseStructured(path: string, text: string): unknown[] | undefined {
  if (isJson(path)) {
    try {
      return [JSON.parse(text)];
    } catch {
      return undefined;
    }
  }
  if (isYaml(path)) {
    try {
      const docs = parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
      return docs.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Parsed value of a changed JSON or YAML file at one side (undefined: absent or does not parse). */
export function structuredAt(release: Release, file: ChangedFile, side: Side): unknown[] | undefined {
  const text = release.content(file, side).text;
  return text === undefined ? undefined : parseStructured(pathAt(file, side), text);
}

/** True when both sides of a modified JSON or YAML file parse to the same value. */
export function sameStructuredValue(release: Release, file: ChangedFile): boolean {
  if (file.status !== 'modified' || !(isJson(file.path) || isYaml(file.path))) return false;
  const from = structuredAt(release, file, 'from');
  const to = structuredAt(release, file, 'to');
  return from !== undefined && to !== undefined && isDeepStrictEqual(from, to);
}
