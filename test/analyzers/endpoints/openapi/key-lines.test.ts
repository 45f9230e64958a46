// Lines of OpenAPI keys come from js-yaml's event stream; they must match yaml's position-keeping parse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { keyLines } from '../../../../src/analyzers/endpoints/openapi/load.js';
import { ROOT } from '../../../support/repo.js';

/** Every key path of the first document and its line, as yaml sees them. */
function reference(text: string): Map<string, number> {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const out = new Map<string, number>();
  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = [...path, String(pair.key.value)];
        const range = (pair.key as { range?: [number, number, number] }).range;
        if (range && !out.has(key.join('\0'))) out.set(key.join('\0'), lines.linePos(range[0]).line);
        visit(pair.value, key);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, String(i)]));
  };
  visit(document.contents, []);
  return out;
}

function dataFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) dataFiles(path, out);
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

describe('key lines of a YAML or JSON spec', () => {
  const files = dataFiles(join(ROOT, 'fixtures'), []).filter((f) => parseDocument(readFileSync(f, 'utf8')).errors.length === 0);

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('match yaml positions in %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(keyLines(text)).toEqual(reference(text));
  });

  it('handle flow style, quoted and numeric keys, sequences and complex keys', () => {
    const text = 'openapi: 3.0.0\npaths:\n  /a:\n    get: {x: 1}\n    post:\n      responses:\n        "200": {description: ok}\n  ? [complex]\n  : {get: 1}\n  \'/b/{id}\':\n    delete: {}\nlist:\n  - {k: 1}\n  - k: 2\n';
    const lines = keyLines(text)!;
    const at = (...keys: string[]) => lines.get(keys.join('\0'));
    expect(at('paths', '/a', 'post', 'responses', '200')).toBe(7);
    expect(at('paths', '/b/{id}', 'delete')).toBe(11);
    expect(at('list', '1', 'k')).toBe(14);
    expect([...lines.keys()].some((k) => k.includes('complex'))).toBe(false);
    expect(lines).toEqual(reference(text));
  });

  it('is null for text js-yaml cannot read', () => {
    expect(keyLines('a: [1, 2\nb: }')).toBeNull();
  });
});
