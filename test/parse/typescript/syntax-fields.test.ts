// The syntax comparison reads a node's meaningful fields from a table by kind. This walks thousands of real
// scripts and fails on any plain-valued field the table and the layout list do not account for, so a
// TypeScript upgrade that adds one (and would make two different scripts look the same) cannot slip through.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_FIELDS, MEANINGFUL_FIELDS } from '../../../src/parse/typescript/syntax.js';
import { parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { ROOT } from '../../support/repo.js';

const ts = typescript();

function scripts(dir: string, out: string[], limit: number): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    if (out.length >= limit) return;
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) scripts(path, out, limit);
    else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry) && stat.size < 300_000) out.push(path);
  }
}

describe('meaningful node fields', () => {
  it('account for every plain-valued field of every node in thousands of real scripts', () => {
    const files: string[] = [];
    for (const dir of ['src', 'rules', 'test', 'fixtures', 'node_modules']) scripts(join(ROOT, dir), files, 4000);
    expect(files.length).toBeGreaterThan(1000);
    const unknown = new Map<string, string>();
    let nodes = 0;
    for (const file of files) {
      const visit = (node: import('ts-morph').ts.Node): void => {
        nodes += 1;
        const kind = ts.SyntaxKind[node.kind]!;
        const known =
          Object.entries(MEANINGFUL_FIELDS).find(
            ([name]) => (ts.SyntaxKind as unknown as Record<string, number>)[name] === node.kind,
          )?.[1] ?? [];
        for (const [key, value] of Object.entries(node)) {
          if (!['string', 'number', 'boolean'].includes(typeof value) || LAYOUT_FIELDS.has(key) || known.includes(key)) continue;
          if (kind === 'JsxText' && key === 'text') continue;
          unknown.set(`${kind}.${key}`, file);
        }
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(parseScript(ts, file, readFileSync(file, 'utf8')), visit);
    }
    expect(nodes).toBeGreaterThan(100_000);
    expect(Object.fromEntries(unknown)).toEqual({});
  }, 120_000);
});
