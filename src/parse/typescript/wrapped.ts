import type { Identifier, Node, SourceFile, ts as TsNamespace } from 'ts-morph';
import { typescript } from './compiler.js';

// Nodes found on TypeScript's own tree and wrapped by ts-morph only when an analyzer takes them: ts-morph's walks
// wrap every node they pass, which made them the largest cost of reading route files.

/**
 * The identifiers of a script's code by their text, in the order of the file, found on TypeScript's own tree: each
 * is wrapped by ts-morph only when asked for (`wrap`). ts-morph's `getDescendantsOfKind(Identifier)` lists every
 * token of the file to find them (identifiers are tokens to it) and wraps every one, which made it the largest
 * cost of reading route files. Identifiers inside JSDoc comments are not code and are left out.
 */
export class Identifiers {
  private readonly byText = new Map<string, TsNamespace.Identifier[]>();

  constructor(private readonly source: SourceFile) {
    const ts = typescript();
    const tree = source.compilerNode;
    const visit = (node: TsNamespace.Node): void => {
      if (node.kind === ts.SyntaxKind.Identifier) {
        const text = node.getText(tree);
        const list = this.byText.get(text);
        if (list) list.push(node as TsNamespace.Identifier);
        else this.byText.set(text, [node as TsNamespace.Identifier]);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(tree, visit);
  }

  /** The identifiers spelled `text`, wrapped in the source file's own ts-morph context. */
  named(text: string): Identifier[] {
    return (this.byText.get(text) ?? []).map((node) => wrap(this.source, node) as Identifier);
  }
}

/**
 * The nodes under `root` that pass `test` (asked of TypeScript's own nodes), in the order of the file, each wrapped
 * by ts-morph: a parse-tree walk that wraps only what it returns, where ts-morph's `getDescendantsOfKind` wraps
 * every node of the kind and `forEachDescendant` every node.
 */
export function descendantsWhere<T extends Node>(root: Node, test: (node: TsNamespace.Node) => boolean): T[] {
  const ts = typescript();
  const out: T[] = [];
  const visit = (node: TsNamespace.Node): void => {
    if (test(node)) out.push(wrap(root, node) as T);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root.compilerNode, visit);
  return out;
}

/**
 * ts-morph's wrapper of a node of the tree `source` is in, in the same context (so that wrappers compare equal).
 * ts-morph has no public call for this; every wrapper it hands out is made by this method.
 */
export function wrap<T extends Node = Node>(source: Node, node: TsNamespace.Node): T {
  return (source as unknown as { _getNodeFromCompilerNode(node: TsNamespace.Node): T })._getNodeFromCompilerNode(node);
}
