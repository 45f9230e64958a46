// Trees parsed without parent links, linked on demand: the links must be exactly those TypeScript sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ts as TsNamespace } from 'ts-morph';
import { readModuleApi } from '../../../src/parse/typescript/api.js';
import { digestChange } from '../../../src/parse/scripts/digest.js';
import { linkParents, parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { PACKAGE_ROOT } from '../../../src/util/version.js';

const ts = typescript();
type Node = TsNamespace.Node;

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const fixtureScripts = scriptsUnder(join(PACKAGE_ROOT, 'fixtures'));

// JSDoc on declarations, members and parameters; a JS file, where JSDoc carries types.
const documented = [
  '/** The user. */',
  'export interface User {',
  '  /** Its id. @deprecated use key */',
  '  id: number;',
  '}',
  '/**',
  ' * @param {string} name',
  ' * @returns {Promise<User>}',
  ' */',
  "export async function load(name = 'x', kind: 'a' | \"b\" = 'a'): Promise<User> { return { id: name.length }; }",
  'export const big = 0x1_0000n, label = `t${1}`;',
  "export class C<T extends string = 'k'> { /** m */ m(@dec() p?: T): void {} }",
  '',
].join('\n');

/** Every node in a fixed order (children, then the JSDoc comments a node carries), and its parent's index. */
function parentIndexes(tree: TsNamespace.SourceFile): number[] {
  const order: Node[] = [];
  const visit = (node: Node) => {
    order.push(node);
    for (const doc of (node as { jsDoc?: Node[] }).jsDoc ?? []) visit(doc);
    ts.forEachChild(node, visit, (nodes) => nodes.forEach(visit));
  };
  visit(tree);
  const index = new Map(order.map((node, i) => [node, i]));
  return order.map((node) => (node.parent === undefined ? -1 : (index.get(node.parent) ?? -2)));
}

describe('parent links set on demand', () => {
  it('finds the fixture scripts to compare', () => {
    expect(fixtureScripts.length).toBeGreaterThan(50);
  });

  it.each([
    ...fixtureScripts.map((path) => [relative(PACKAGE_ROOT, path), readFileSync(path, 'utf8')]),
    ['documented.ts', documented],
    ['documented.js', documented.replace(/: [A-Za-z<>'"| ]+(?=[,)=;{])/g, '')],
  ])('are the links TypeScript sets, for %s', (path, text) => {
    const bare = parseScript(ts, path, text, { parents: false });
    expect(bare.statements.every((s) => s.parent === undefined) || bare.statements.length === 0).toBe(true);
    linkParents(ts, bare);
    const expected = parentIndexes(parseScript(ts, path, text));
    expect(parentIndexes(bare)).toEqual(expected);
    expect(expected.filter((p) => p === -1)).toHaveLength(1);
  });

  it('make the exported API read from a tree parsed without them the same as from a tree parsed with them', () => {
    // The API reader links a bare tree itself.
    const api = readModuleApi(ts, parseScript(ts, 'm.ts', documented, { parents: false }));
    expect(api).toEqual(readModuleApi(ts, parseScript(ts, 'm.ts', documented)));
    const texts = (a: typeof api) => JSON.stringify([...a.locals.values()]);
    expect(texts(api)).toContain("kind: 'a' | \\\"b\\\" = 'a'");
    // What the links are for: without them TypeScript's printer rewrites literals (single quotes become double).
    const bare = parseScript(ts, 'm.ts', documented, { parents: false });
    const load = bare.statements.find(ts.isFunctionDeclaration)!;
    const printed = (tree: TsNamespace.SourceFile) => ts.createPrinter().printNode(ts.EmitHint.Unspecified, load.parameters[1]!, tree);
    expect(printed(bare)).not.toContain("'a'");
    linkParents(ts, bare);
    expect(printed(bare)).toContain("'a'");
  });

  it('reach every node of a tree too deep for a recursive walk, and leave a linked tree as it is', () => {
    const deep = parseScript(ts, 'deep.ts', `export const sum = ${Array.from({ length: 30_000 }, (_, i) => `v${i}`).join(' + ')};\n`, {
      parents: false,
    });
    linkParents(ts, deep);
    const statement = deep.statements[0] as TsNamespace.VariableStatement;
    let node: Node = statement.declarationList.declarations[0]!.initializer!;
    let depth = 0;
    // `v0 + v1 + …` nests to the left: the first term lies 30,000 levels down.
    while (ts.isBinaryExpression(node)) {
      expect(node.left.parent).toBe(node);
      expect(node.right.parent).toBe(node);
      node = node.left;
      depth++;
    }
    expect(depth).toBe(29_999);
    expect(statement.parent).toBe(deep);
    // A tree with its links is not walked again: a link changed by hand stays as it is.
    const linked = parseScript(ts, 'a.ts', documented);
    const first = linked.statements[0]!;
    (first as { parent: Node }).parent = statement;
    linkParents(ts, linked);
    expect(first.parent).toBe(statement);
  });

  it('are set before a digest reads the API, so it matches the one read from a tree with links', () => {
    const after = documented.replace("kind: 'a' | \"b\" = 'a'", "kind: 'a' | \"b\" | 'c' = 'a'");
    const digest = digestChange(ts, { from: { path: 'm.ts', text: after }, to: { path: 'm.ts', text: documented }, compareStyle: true });
    expect(digest.sameContract).toBe(false);
    expect(digest.from?.api).toEqual(readModuleApi(ts, parseScript(ts, 'm.ts', after)));
    expect(digest.to?.api).toEqual(readModuleApi(ts, parseScript(ts, 'm.ts', documented)));
  });
});
