import type { LineCounter, Node } from 'yaml';
import { yaml } from './yaml.js';

/** The line of the key at a path (`['paths', '/users', 'get']`, a number for an item of a sequence), or undefined. */
export type KeyLineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * Where the keys of the first document of a JSON or YAML text are; undefined when the text does not parse. The
 * first of duplicate keys wins. Strict JSON is scanned by `jsonKeyLines`; anything else is read as YAML, which
 * keeps positions (and reads JSON too, at many times the cost: a release changes dozens of package.json files).
 */
export function keyLines(text: string): KeyLineOf | undefined {
  return jsonKeyLines(text) ?? yamlKeyLines(text);
}

/** A key's line and what is under it. */
interface Entry {
  line: number;
  under: Map<string, Entry> | Entry[] | undefined;
}

/**
 * `keyLines` of a strict JSON text, from one scan of it (undefined when it is not JSON): the line of each key, and of
 * each item of an array, as the YAML reading gives it.
 */
export function jsonKeyLines(text: string): KeyLineOf | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  // Valid JSON from here: no line break inside a string, so lines are counted in the space between tokens.
  let at = 0;
  let line = 1;
  const space = () => {
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
    }
  };
  const string = (): string => {
    const start = at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): Entry['under'] => {
    space();
    const c = text[at];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      const under: Map<string, Entry> | Entry[] = c === '{' ? new Map() : [];
      at++;
      space();
      if (text[at] === close) {
        at++;
        return under;
      }
      for (;;) {
        space();
        const entryLine = line;
        if (under instanceof Map) {
          const key = string();
          space();
          at++; // the colon
          const inner = value();
          if (!under.has(key)) under.set(key, { line: entryLine, under: inner });
        } else under.push({ line: entryLine, under: value() });
        space();
        if (text[at++] !== ',') return under;
      }
    }
    if (c === '"') string();
    else while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    return undefined;
  };
  const root = value();
  return (path) => {
    let under = root;
    let line: number | undefined;
    for (const key of path) {
      const entry =
        under instanceof Map ? under.get(String(key)) : Array.isArray(under) && typeof key === 'number' ? under[key] : undefined;
      if (!entry) return undefined;
      line = entry.line;
      under = entry.under;
    }
    return line;
  };
}

/** `keyLines` read as YAML (JSON included), with the YAML library's positions. */
export function yamlKeyLines(text: string): KeyLineOf | undefined {
  const { LineCounter, parseDocument } = yaml();
  const lines: LineCounter = new LineCounter();
  let contents: Node | null;
  try {
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
    if (document.errors.length > 0) return undefined;
    contents = document.contents;
  } catch {
    return undefined;
  }
  const { isMap, isScalar, isSeq } = yaml();
  return (path) => {
    let node: unknown = contents;
    let line: number | undefined;
    for (const key of path) {
      let mark: { range?: readonly number[] | null } | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) return undefined;
        mark = pair.key as typeof mark;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        mark = node as typeof mark;
      } else return undefined;
      if (!mark?.range) return undefined;
      line = lines.linePos(mark.range[0]!).line;
    }
    return line;
  };
}
