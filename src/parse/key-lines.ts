import type { LineCounter, Node } from 'yaml';
import { yaml } from './yaml.js';

/** The line of the key at a path (`['paths', '/users', 'get']`, a number for an item of a sequence), or undefined. */
export type KeyLineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * Where the keys of the first document of a JSON or YAML text are (JSON is read as YAML, which keeps positions);
 * undefined when the text does not parse. The first of duplicate keys wins.
 */
export function keyLines(text: string): KeyLineOf | undefined {
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
