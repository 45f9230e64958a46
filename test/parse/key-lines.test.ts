// Lines of keys in JSON and YAML: what the OpenAPI, dependency and config-trust readers point findings at.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { jsonKeyLines, keyLines, yamlKeyLines } from '../../src/parse/key-lines.js';
import { ROOT } from '../support/repo.js';

function dataFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) dataFiles(path, out);
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

/** The line of every `key:` or `"key":` that starts a line, found by reading the text, for block-style files. */
function firstKeyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^\s*"?([A-Za-z_][\w-]*)"?\s*:/.exec(line);
    if (m && !out.has(m[1]!)) out.set(m[1]!, i + 1);
  });
  return out;
}

function parses(file: string, text: string): boolean {
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch {
      return false;
    }
  }
  return parseDocument(text).errors.length === 0;
}

describe('keyLines', () => {
  // JSON with comments (tsconfig.json) is no JSON, and as YAML a comment line is a key: those files are left out.
  const files = dataFiles(join(ROOT, 'fixtures'), []).filter((f) => parses(f, readFileSync(f, 'utf8')));

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('finds every top-level key of %s on its line', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const lineOf = keyLines(text)!;
    const doc = parseDocument(text).toJS() as unknown;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return;
    const seen = firstKeyLines(text);
    for (const key of Object.keys(doc)) {
      const line = lineOf([key]);
      expect(line).toBeGreaterThan(0);
      expect(text.split('\n')[line! - 1]).toContain(key);
      if (seen.has(key) && !/^\s*[{[]/.test(text)) expect(line).toBe(seen.get(key));
    }
  });

  it('handles flow style, quoted and numeric keys, sequences and complex keys', () => {
    const text =
      'openapi: 3.0.0\npaths:\n  /a:\n    get: {x: 1}\n    post:\n      responses:\n        "200": {description: ok}\n  ? [complex]\n  : {get: 1}\n  \'/b/{id}\':\n    delete: {}\nlist:\n  - {k: 1}\n  - k: 2\n';
    const lineOf = keyLines(text)!;
    expect(lineOf(['paths', '/a', 'post', 'responses', '200'])).toBe(7);
    expect(lineOf(['paths', '/a', 'get', 'x'])).toBe(4);
    expect(lineOf(['paths', '/b/{id}', 'delete'])).toBe(11);
    expect(lineOf(['list', 1, 'k'])).toBe(14);
    expect(lineOf(['list', 0, 'k'])).toBe(13);
    expect(lineOf(['paths', '/missing'])).toBeUndefined();
  });

  it('reads JSON, the first of duplicate keys winning', () => {
    const lineOf = keyLines('{\n  "dependencies": {\n    "a": "1"\n  },\n  "devDependencies": {\n    "a": "2",\n    "a": "3"\n  }\n}\n')!;
    expect(lineOf(['dependencies', 'a'])).toBe(3);
    expect(lineOf(['devDependencies', 'a'])).toBe(6);
  });

  it('is undefined for text that does not parse', () => {
    expect(keyLines('a: [1, 2\nb: }')).toBeUndefined();
  });
});

/** Every path to a key or an array item in a JSON value, up to `limit` of them. */
function pathsOf(value: unknown, limit = 3000, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length >= limit) return out;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, inner] of entries) {
    out.push([...prefix, key]);
    pathsOf(inner, limit, [...prefix, key], out);
  }
  return out;
}

describe('key lines of strict JSON, scanned without the YAML library', () => {
  const cases: Record<string, string> = {
    nested: '{\n  "a": {\n    "b": [1, {"c": 2},\n      [3]\n    ]\n  },\n  "d": "x"\n}\n',
    duplicates: '{\n"k": 1,\n"k": 2\n}',
    escapes: '{\n  "a\\"b": 1,\n  "\\u0063": {"x\\\\": [\n"s,]}"\n]}\n}',
    crlf: '{\r\n  "a": 1,\r\n  "b": [\r\n    true,\r\n    null\r\n  ]\r\n}\r\n',
    empty: '{ "a": {}, "b": [], "c": {\n} }',
    array: '[\n  {"a": 1},\n  2\n]',
  };
  it.each(Object.entries(cases))('gives the lines the YAML reading gives: %s', (_name, text) => {
    const json = keyLines(text)!;
    const reference = yamlKeyLines(text)!;
    expect(jsonKeyLines(text)).toBeDefined();
    for (const path of [...pathsOf(JSON.parse(text)), ['missing'], [0], ['a', 'missing', 1]])
      expect(json(path), JSON.stringify(path)).toBe(reference(path));
  });

  it('gives the lines the YAML reading gives on every package.json of the dependencies', () => {
    const files: string[] = [];
    const walk = (dir: string, depth: number) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (entry === 'package.json') files.push(path);
        else if (depth < 3 && statSync(path).isDirectory()) walk(path, depth + 1);
      }
    };
    walk(join(ROOT, 'node_modules'), 0);
    let compared = 0;
    const differing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const json = jsonKeyLines(text);
      const reference = yamlKeyLines(text);
      if (!json || !reference) continue;
      for (const path of pathsOf(JSON.parse(text))) {
        compared++;
        if (json(path) !== reference(path)) {
          differing.push(`${file} ${JSON.stringify(path)}`);
          break;
        }
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(10000);
  });

  it('leaves what is not strict JSON to the YAML reading', () => {
    expect(jsonKeyLines('a: 1\n')).toBeUndefined();
    expect(jsonKeyLines('{ "a": 1, // comment\n}')).toBeUndefined();
    expect(keyLines('a:\n  b: 1\n')!(['a', 'b'])).toBe(2);
  });
});
