import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ts as TsNamespace } from 'ts-morph';
import { parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { FIXTURES, ROOT } from '../../support/repo.js';

const ts = typescript();

/** Every node under `root` with where its parent link points: `kind@pos-end <- kind@pos-end`. */
function links(root: TsNamespace.Node): string[] {
  const out: string[] = [];
  const at = (n: TsNamespace.Node | undefined) => (n ? `${n.kind}@${n.pos}-${n.end}` : 'none');
  const walk = (node: TsNamespace.Node) => {
    out.push(`${at(node)} <- ${at(node.parent)}`);
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
  return out;
}

/** TypeScript's own parent links, for comparison. */
const reference = (path: string, text: string) =>
  ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);

function scripts(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) scripts(path, out);
    else if (/\.(c|m)?[jt]sx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('parent links', () => {
  it('point where TypeScript points them, on every script of the fixtures and the sources', () => {
    const files = [...scripts(FIXTURES), ...scripts(join(ROOT, 'src'))];
    expect(files.length).toBeGreaterThan(300);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const ours = parseScript(ts, path, text);
      expect(links(ours), path).toEqual(links(reference(path, text)));
      expect(ours.statements.every((s) => s.parent === ours)).toBe(true);
    }
  });

  it('are set on a tree nested deeper than a recursive walk can go', () => {
    const text = `export const s = ${Array.from({ length: 60_000 }, (_, i) => `'${i}'`).join(' + ')};\n`;
    const file = parseScript(ts, 'deep.ts', text);
    const deepest = (file.statements[0] as TsNamespace.VariableStatement).declarationList.declarations[0]!.initializer!;
    let left: TsNamespace.Expression = deepest;
    let levels = 0;
    while (ts.isBinaryExpression(left)) {
      expect(left.left.parent).toBe(left);
      left = left.left;
      levels += 1;
    }
    expect(levels).toBe(59_999);
  });
});
