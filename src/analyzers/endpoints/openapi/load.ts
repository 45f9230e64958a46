import { createRequire } from 'node:module';
import { posix } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../../../parse/yaml.js';
import type { Release } from '../../analyzer.js';
import { readYaml } from '../../../parse/structured.js';
import { parsedAt } from '../../structured.js';
import { isYaml } from '../../../parse/kinds.js';
import type { Side } from '../../../model/report.js';

/** A spec read at one side: the dereferenced document, where its keys are, and what could not be resolved. */
export interface LoadedSpec {
  path: string;
  side: Side;
  doc: Record<string, unknown>;
  /** Line of a key path in the root file (`['paths', '/users', 'get']`), when it is there. */
  lineOf(keys: string[]): number | undefined;
  unresolved: { ref: string; line?: number; reason: string }[];
  /** Other files of the tree the spec references (read through its `$ref`s). */
  parts: string[];
}

export type SpecRead = { spec: LoadedSpec } | { failed: string; line?: number } | { notSpec: true };

/** The text has a top-level `openapi` or `swagger` key (a root spec, not a fragment). */
export function specVersionOf(doc: unknown): 2 | 3 | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  if (typeof d.swagger === 'string' || typeof d.swagger === 'number') return 2;
  if (typeof d.openapi === 'string') return 3;
  return undefined;
}

function parseText(text: string): { document: Document; lines: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  return { document, lines };
}

/** A mapping or sequence being read; `path` is undefined under a key that is not a plain scalar. */
type Frame = { path: string[] | undefined; map: boolean; key: string | undefined; expectKey: boolean; index: number };

/**
 * Line of every key path of the first document (`paths\0/users\0get` → 12), from js-yaml's event stream;
 * null when the text does not parse there.
 */
export function keyLines(text: string): Map<string, number> | null {
  let events: import('js-yaml').Event[];
  let jsYaml: typeof import('js-yaml');
  try {
    jsYaml = require('js-yaml') as typeof import('js-yaml');
    events = jsYaml.parseEvents(text, {});
  } catch {
    return null;
  }
  const { DOCUMENT, MAPPING, SEQUENCE, SCALAR, POP } = jsYaml.EVENT_ID;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const out = new Map<string, number>();
  const stack: Frame[] = [];
  /** Path of the value about to be read in the current container. */
  const childPath = (): string[] | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (!top.path) return undefined;
    if (!top.map) return [...top.path, String(top.index)];
    return top.expectKey || top.key === undefined ? undefined : [...top.path, top.key];
  };
  /** The current container read one whole node (scalar, alias or closed collection): a key or a value. */
  const nodeDone = () => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (!top.map) top.index += 1;
    else if (top.expectKey) top.expectKey = false; // a key that is not a plain scalar: its value has no path
    else {
      top.expectKey = true;
      top.key = undefined;
    }
  };
  let documents = 0;
  for (const event of events) {
    if (event.type === DOCUMENT) {
      if (++documents > 1) break;
    } else if (event.type === MAPPING || event.type === SEQUENCE) {
      stack.push({ path: childPath(), map: event.type === MAPPING, key: undefined, expectKey: true, index: 0 });
    } else if (event.type === POP) {
      if (stack.pop()) nodeDone();
    } else if (event.type === SCALAR && stack.length > 0 && stack[stack.length - 1]!.map && stack[stack.length - 1]!.expectKey) {
      const top = stack[stack.length - 1]!;
      top.key = jsYaml.getScalarValue(text, event);
      top.expectKey = false;
      if (top.path) {
        const key = [...top.path, top.key].join('\0');
        if (!out.has(key)) out.set(key, lineAt(event.valueStart));
      }
    } else nodeDone();
  }
  return out;
}

const require = createRequire(import.meta.url);

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reads a root spec from git at one side and resolves its `$ref`s with json-schema-ref-parser,
 * through a resolver that reads sibling files from the same git tree. Remote refs are never fetched.
 */
export async function loadSpec(release: Release, side: Side, path: string): Promise<SpecRead> {
  const content = await release.readPath(side, path);
  const text = content.text;
  if (text === undefined) return { failed: `spec not readable at ${side} (${content.unreadable ?? 'missing'})` };
  // The value from the fast reader; the position-keeping parse only when it fails or a line is asked for.
  // YAML files are parsed once per release: the infrastructure analyzer has often read this one already.
  let parsed = /\.json$/i.test(path) ? undefined : isYaml(path) ? parsedAt(release, side, path, () => text) : readYaml(text);
  let positions: { document: Document; lines: LineCounter } | undefined;
  const withPositions = () => (positions ??= parseText(text));
  let raw: unknown = parsed?.length === 1 ? parsed[0] : undefined;
  if (raw === undefined) {
    parsed = undefined;
    const { document, lines } = withPositions();
    if (document.errors.length > 0) {
      const error = document.errors[0]!;
      return { failed: `YAML/JSON syntax error at ${side}: ${error.message.split('\n')[0]}`, line: lines.linePos(error.pos[0]).line };
    }
    try {
      raw = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      // An alias to a missing anchor, or an alias bomb, only shows when the document is built.
      return looksLikeSpec(text) ? { failed: `YAML not readable at ${side}: ${(error as Error).message.split('\n')[0]}` } : { notSpec: true };
    }
  }
  if (!specVersionOf(raw)) return { notSpec: true };

  let index: Map<string, number> | undefined | null;
  const lineOf = (keys: string[]): number | undefined => {
    // From js-yaml's event stream when it reads the text; else from yaml's position-keeping document.
    if (index === undefined) index = keyLines(text);
    if (index) {
      let line: number | undefined;
      for (let depth = 1; depth <= keys.length; depth++) {
        const found = index.get(keys.slice(0, depth).join('\0'));
        if (found === undefined) return line;
        line = found;
      }
      return line;
    }
    const { document, lines } = withPositions();
    let node: unknown = document.contents;
    let line: number | undefined;
    for (const key of keys) {
      if (!yaml().isMap(node)) return line;
      const pair = node.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === key);
      if (!pair) return line;
      const range = (pair.key as { range?: [number, number, number] }).range;
      if (range) line = lines.linePos(range[0]).line;
      node = pair.value;
    }
    return line;
  };

  const unresolved: LoadedSpec['unresolved'] = [];
  const parts = new Set<string>();
  // Without a single `$ref` there is nothing to resolve: the value is the document.
  if (!hasRef(raw)) return { spec: { path, side, doc: raw as Record<string, unknown>, lineOf, unresolved, parts: [] } };
  const { default: $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const root = `/${path}`;
  const parser = new $RefParser();
  let doc: unknown;
  try {
    doc = await parser.dereference(root, structuredClone(raw) as object, {
      continueOnError: true,
      resolve: {
        file: false,
        http: false,
        external: true,
        git: {
          order: 1,
          canRead: (file: { url: string }) => !REMOTE.test(file.url) || file.url.startsWith('file://'),
          read: async (file: { url: string }) => {
            const target = posix.normalize(decodeURIComponent(file.url.replace(/^file:\/\//, ''))).replace(/^\/+/, '');
            if (target !== path) parts.add(target);
            const read = await release.readPath(side, target);
            if (read.text === undefined) throw new Error(`${target} is not readable at ${side} (${read.unreadable ?? 'missing'})`);
            return read.text;
          },
        },
      },
      dereference: { circular: true },
    });
  } catch (error) {
    const group = error as { errors?: { message: string; path?: (string | number)[] }[]; message?: string };
    doc = parser.schema ?? raw;
    for (const e of group.errors ?? [{ message: group.message ?? String(error) }]) {
      const where = (e.path ?? []).map(String);
      const ref = /"([^"]+)"/.exec(e.message)?.[1] ?? e.message;
      unresolved.push({
        ref,
        line: lineOf(where),
        reason: REMOTE.test(ref) && !ref.startsWith('file://') ? 'remote $ref not fetched (specs come from the repository, never from the network)' : e.message,
      });
    }
  }
  return { spec: { path, side, doc: (doc ?? {}) as Record<string, unknown>, lineOf, unresolved, parts: [...parts].sort() } };
}

/** Whether a parsed document has a `$ref` key anywhere (shared and cyclic values visited once). */
function hasRef(value: unknown, seen = new Set<object>()): boolean {
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => hasRef(item, seen));
  return Object.hasOwn(value, '$ref') || Object.values(value).some((item) => hasRef(item, seen));
}

/** Quick check on text: could this YAML/JSON be a root spec? (cheap, before a full parse) */
export function looksLikeSpec(text: string): boolean {
  return /^\s*["']?(openapi|swagger)["']?\s*:/m.test(text.slice(0, 4096));
}
