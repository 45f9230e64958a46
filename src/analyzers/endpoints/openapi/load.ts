import { posix } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../../../parse/yaml.js';
import type { Release } from '../../analyzer.js';
import { readYaml } from '../../../parse/structured.js';
import { parsedAt } from '../../structured.js';
import { isYaml } from '../../../parse/kinds.js';
import { keyLines, type KeyLineOf } from '../../../parse/key-lines.js';
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

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Code a spec quotes as a sample (`x-codeSamples`, `source: { $ref: ./samples/get.sh }`): text, never data. */
const SAMPLE = /\.(?:[cm]?[jt]sx?|sh|bash|zsh|py|rb|go|php|java|cs|kt|swift|rs)(?:[?#].*)?$/i;

interface ParsedFile {
  url: string;
  data: unknown;
}
interface ParsePlugin {
  /** Called with the plugin as `this` (json-schema-ref-parser's JSON reader reads its options there). */
  parse: (this: ParsePlugin, file: ParsedFile) => unknown;
}

/**
 * The files a release's specs reference, parsed once per analysis: a part that both sides hold in the same text
 * (most of a split spec) is parsed at the first side and copied for the second. Each side gets a copy of its own,
 * since resolving `$ref`s writes into the values.
 */
export class SpecParts {
  private readonly parsed = new Map<string, unknown>();

  /** Parsers for json-schema-ref-parser: its own JSON and YAML readers, once per text; code samples as text. */
  parsers(defaults: Record<string, ParsePlugin>): Record<string, object> {
    const known = this.parsed;
    const once = (name: string) => {
      const original = defaults[name]!.parse;
      return async function (this: ParsePlugin, file: ParsedFile): Promise<unknown> {
        if (typeof file.data !== 'string') return original.call(this, file);
        const key = `${name}\0${file.data}`;
        if (known.has(key)) return structuredClone(known.get(key));
        const value: unknown = await original.call(this, file);
        known.set(key, structuredClone(value));
        return value;
      };
    };
    return {
      // Tried first: a `.sh` or `.tsx` sample has no parser of its own, and each of the others (JSON, YAML) would
      // fail on it, or read it as data, before the text reader took it.
      sample: {
        order: 1,
        allowEmpty: true,
        canParse: (file: ParsedFile) => SAMPLE.test(file.url),
        parse: (file: ParsedFile) => String(file.data),
      },
      json: { parse: once('json') },
      yaml: { parse: once('yaml') },
    };
  }
}

/**
 * Reads a root spec from git at one side and resolves its `$ref`s with json-schema-ref-parser,
 * through a resolver that reads sibling files from the same git tree. Remote refs are never fetched.
 */
export async function loadSpec(release: Release, side: Side, path: string, specParts = new SpecParts()): Promise<SpecRead> {
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
      return looksLikeSpec(text)
        ? { failed: `YAML not readable at ${side}: ${(error as Error).message.split('\n')[0]}` }
        : { notSpec: true };
    }
  }
  if (!specVersionOf(raw)) return { notSpec: true };

  let index: KeyLineOf | undefined | null;
  const lineOf = (keys: string[]): number | undefined => {
    // The line of the deepest key of the path that the text has.
    if (index === undefined) index = keyLines(text) ?? null;
    let line: number | undefined;
    for (let depth = 1; index && depth <= keys.length; depth++) {
      const found = index(keys.slice(0, depth));
      if (found === undefined) return line;
      line = found;
    }
    return line;
  };

  const unresolved: LoadedSpec['unresolved'] = [];
  const parts = new Set<string>();
  // Without a single `$ref` there is nothing to resolve: the value is the document.
  if (!hasRef(raw)) return { spec: { path, side, doc: raw as Record<string, unknown>, lineOf, unresolved, parts: [] } };
  const { default: $RefParser, getJsonSchemaRefParserDefaultOptions } = await import('@apidevtools/json-schema-ref-parser');
  const root = `/${path}`;
  const parser = new $RefParser();
  let doc: unknown;
  try {
    doc = await parser.dereference(root, structuredClone(raw) as object, {
      continueOnError: true,
      parse: specParts.parsers(getJsonSchemaRefParserDefaultOptions().parse as unknown as Record<string, ParsePlugin>),
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
        reason:
          REMOTE.test(ref) && !ref.startsWith('file://')
            ? 'remote $ref not fetched (specs come from the repository, never from the network)'
            : e.message,
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
