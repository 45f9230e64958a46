// Lines of keys in JSON and YAML: what the OpenAPI, dependency and config-trust readers point findings at.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { keyLines } from '../../src/parse/key-lines.js';
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
