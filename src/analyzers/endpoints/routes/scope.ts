import { Node } from '../../../parse/typescript/morph.js';
import type { Identifier, SourceFile } from 'ts-morph';
import { importsOf } from './static.js';
import { Identifiers } from '../../../parse/typescript/wrapped.js';

// Which declaration a name in a file refers to, and where that declaration is used: enough scoping for route
// code (block and function scopes, parameters with array patterns, loop variables, imports). Each scope's
// names are read once: a file with 45,000 routes on one `app` costs one pass, not one per route.

export type Declaration =
  | { kind: 'variable'; name: string; node: Node; init?: Node }
  | { kind: 'param'; name: string; node: Node; fn: Node; index: number }
  | { kind: 'function'; name: string; node: Node }
  | { kind: 'loop'; name: string; node: Node }
  | { kind: 'import'; name: string; node: Node; module: string; imported: string };

export type FunctionLike = Node & { getParameters(): Node[] };

export function isFunctionLike(node: Node): node is FunctionLike {
  return (
    Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node)
  );
}

export class Scopes {
  private readonly scopes = new Map<Node, Map<string, Declaration>>();
  private readonly imports: ReadonlyMap<string, { module: string; name: string }>;
  private identifiers?: Identifiers;

  constructor(readonly source: SourceFile) {
    this.imports = importsOf(source);
  }

  importBinding(name: string): { module: string; name: string } | undefined {
    return this.imports.get(name);
  }

  private namesOf(scope: Node): Map<string, Declaration> {
    let names = this.scopes.get(scope);
    if (names) return names;
    names = new Map();
    const add = (d: Declaration) => {
      if (!names!.has(d.name)) names!.set(d.name, d);
    };
    if (isFunctionLike(scope)) {
      scope.getParameters().forEach((p, index) => {
        const nameNode = (p as unknown as { getNameNode(): Node }).getNameNode();
        if (Node.isIdentifier(nameNode)) add({ kind: 'param', name: nameNode.getText(), node: p, fn: scope, index });
        else if (Node.isArrayBindingPattern(nameNode)) {
          // (...[router, ctx]: Args): a rest parameter read as a tuple
          const rest = (p as unknown as { isRestParameter(): boolean }).isRestParameter();
          nameNode.getElements().forEach((el, j) => {
            if (Node.isBindingElement(el) && Node.isIdentifier(el.getNameNode()))
              add({ kind: 'param', name: el.getName(), node: el, fn: scope, index: rest ? index + j : index });
          });
        }
      });
      if (Node.isFunctionExpression(scope)) {
        const name = scope.getName();
        if (name) add({ kind: 'function', name, node: scope });
      }
    } else if (
      Node.isSourceFile(scope) ||
      Node.isBlock(scope) ||
      Node.isModuleBlock(scope) ||
      Node.isCaseClause(scope) ||
      Node.isDefaultClause(scope)
    ) {
      for (const statement of scope.getStatements()) {
        if (Node.isVariableStatement(statement)) {
          for (const decl of statement.getDeclarations()) {
            const nameNode = decl.getNameNode();
            if (Node.isIdentifier(nameNode)) add({ kind: 'variable', name: nameNode.getText(), node: decl, init: decl.getInitializer() });
            else if (Node.isArrayBindingPattern(nameNode) || Node.isObjectBindingPattern(nameNode)) {
              for (const el of nameNode.getElements())
                if (Node.isBindingElement(el) && Node.isIdentifier(el.getNameNode()))
                  add({ kind: 'variable', name: el.getName(), node: el });
            }
          }
        } else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement)) {
          const name = statement.getName();
          if (name) add({ kind: 'function', name, node: statement });
        }
      }
    } else if (Node.isForOfStatement(scope) || Node.isForInStatement(scope) || Node.isForStatement(scope)) {
      const init = scope.getInitializer();
      if (init && Node.isVariableDeclarationList(init)) {
        for (const decl of init.getDeclarations()) {
          if (Node.isIdentifier(decl.getNameNode()))
            add(
              Node.isForStatement(scope)
                ? { kind: 'variable', name: decl.getName(), node: decl, init: decl.getInitializer() }
                : { kind: 'loop', name: decl.getName(), node: scope },
            );
        }
      }
    } else if (Node.isCatchClause(scope)) {
      const decl = scope.getVariableDeclaration();
      if (decl && Node.isIdentifier(decl.getNameNode())) add({ kind: 'variable', name: decl.getName(), node: decl });
    }
    this.scopes.set(scope, names);
    return names;
  }

  /** The declaration a name refers to at `id`, or its import binding; undefined for a global. */
  declarationOf(id: Node): Declaration | undefined {
    const name = id.getText();
    for (let n = id.getParent(); n; n = n.getParent()) {
      const found = this.namesOf(n).get(name);
      if (found) return found;
    }
    const imported = this.imports.get(name);
    if (imported) return { kind: 'import', name, node: this.source, module: imported.module, imported: imported.name };
    return undefined;
  }

  /** Uses of a declaration: identifiers with its name that refer to it (not the declaring name itself). */
  references(decl: Declaration): Identifier[] {
    this.identifiers ??= new Identifiers(this.source);
    return this.identifiers.named(decl.name).filter((id) => {
      const parent = id.getParent();
      // The declaring name, a property name (`x.name`, `{ name: … }`), an import specifier.
      if (
        parent &&
        (Node.isVariableDeclaration(parent) ||
          Node.isParameterDeclaration(parent) ||
          Node.isBindingElement(parent) ||
          Node.isFunctionDeclaration(parent) ||
          Node.isClassDeclaration(parent)) &&
        parent.getNameNode() === id
      )
        return false;
      if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
      if (parent && Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return false;
      if (
        parent &&
        (Node.isImportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent) || Node.isExportSpecifier(parent))
      )
        return false;
      const found = this.declarationOf(id);
      return found !== undefined && (found.node === decl.node || (found.kind === 'import' && decl.kind === 'import'));
    });
  }
}

/** The function a function-like node is known by in its file: its own name, or the variable it is assigned to. */
export function functionName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn)) return fn.getName();
  const parent = fn.getParent();
  if (parent && Node.isVariableDeclaration(parent) && parent.getInitializer() === fn) return parent.getName();
  return undefined;
}
