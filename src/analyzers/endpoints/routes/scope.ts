import { Node } from '../../../parse/typescript/morph.js';
import type { Identifier, SourceFile, ts } from 'ts-morph';
import { importsOf } from './static.js';
import { Identifiers, wrap } from '../../../parse/typescript/wrapped.js';
import { typescript } from '../../../parse/typescript/compiler.js';

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

/** A declaration found on TypeScript's own tree; wrapped by ts-morph (`Declaration`) only when a name resolves to it. */
type Found =
  | { kind: 'variable'; name: string; node: ts.Node; init?: ts.Node }
  | { kind: 'param'; name: string; node: ts.Node; fn: ts.Node; index: number }
  | { kind: 'function' | 'loop'; name: string; node: ts.Node };

export class Scopes {
  private readonly scopes = new Map<ts.Node, Map<string, Found>>();
  private readonly declarations = new Map<Found, Declaration>();
  private readonly imports: ReadonlyMap<string, { module: string; name: string }>;
  private identifiers?: Identifiers;

  constructor(readonly source: SourceFile) {
    this.imports = importsOf(source);
  }

  importBinding(name: string): { module: string; name: string } | undefined {
    return this.imports.get(name);
  }

  /**
   * The names a scope declares, read on TypeScript's own tree: every scope around every name asked for is read,
   * and wrapping each of its statements, parameters and declarations in ts-morph cost more than the rest.
   */
  private namesOf(scope: ts.Node): Map<string, Found> {
    let names = this.scopes.get(scope);
    if (names) return names;
    const t = typescript();
    const file = this.source.compilerNode;
    const text = (node: ts.Node) => node.getText(file);
    const found = new Map<string, Found>();
    const add = (d: Found) => {
      if (!found.has(d.name)) found.set(d.name, d);
    };
    if (isFunctionScope(scope)) {
      scope.parameters.forEach((p, index) => {
        if (t.isIdentifier(p.name)) add({ kind: 'param', name: text(p.name), node: p, fn: scope, index });
        else if (t.isArrayBindingPattern(p.name)) {
          // (...[router, ctx]: Args): a rest parameter read as a tuple
          const rest = p.dotDotDotToken !== undefined;
          p.name.elements.forEach((el, j) => {
            if (t.isBindingElement(el) && t.isIdentifier(el.name))
              add({ kind: 'param', name: text(el.name), node: el, fn: scope, index: rest ? index + j : index });
          });
        }
      });
      if (t.isFunctionExpression(scope) && scope.name) add({ kind: 'function', name: text(scope.name), node: scope });
    } else if (t.isSourceFile(scope) || t.isBlock(scope) || t.isModuleBlock(scope) || t.isCaseClause(scope) || t.isDefaultClause(scope)) {
      for (const statement of scope.statements) {
        if (t.isVariableStatement(statement)) {
          for (const decl of statement.declarationList.declarations) {
            if (t.isIdentifier(decl.name))
              add({ kind: 'variable', name: text(decl.name), node: decl, ...(decl.initializer ? { init: decl.initializer } : {}) });
            else {
              // `const [router, tenant] = args`, `args` the function's rest parameter: its elements are parameters.
              const rest = t.isArrayBindingPattern(decl.name) ? restParameterOf(scope, decl.initializer) : undefined;
              decl.name.elements.forEach((el, j) => {
                if (!t.isBindingElement(el) || !t.isIdentifier(el.name)) return;
                if (rest) add({ kind: 'param', name: text(el.name), node: el, fn: rest.fn, index: rest.index + j });
                else add({ kind: 'variable', name: text(el.name), node: el });
              });
            }
          }
        } else if (t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement) || t.isEnumDeclaration(statement)) {
          if (statement.name) add({ kind: 'function', name: text(statement.name), node: statement });
        }
      }
    } else if (t.isForOfStatement(scope) || t.isForInStatement(scope) || t.isForStatement(scope)) {
      const init = scope.initializer;
      if (init && t.isVariableDeclarationList(init)) {
        for (const decl of init.declarations) {
          if (t.isIdentifier(decl.name))
            add(
              t.isForStatement(scope)
                ? { kind: 'variable', name: text(decl.name), node: decl, ...(decl.initializer ? { init: decl.initializer } : {}) }
                : { kind: 'loop', name: text(decl.name), node: scope },
            );
        }
      }
    } else if (t.isCatchClause(scope)) {
      const decl = scope.variableDeclaration;
      if (decl && t.isIdentifier(decl.name)) add({ kind: 'variable', name: text(decl.name), node: decl });
    }
    names = found;
    this.scopes.set(scope, names);
    return names;
  }

  /** A declaration found on the tree, wrapped once (the same wrappers each time, so that they compare equal). */
  private declaration(found: Found): Declaration {
    const known = this.declarations.get(found);
    if (known) return known;
    const w = (node: ts.Node) => wrap(this.source, node);
    const decl: Declaration =
      found.kind === 'param'
        ? { kind: 'param', name: found.name, node: w(found.node), fn: w(found.fn), index: found.index }
        : found.kind === 'variable'
          ? { kind: 'variable', name: found.name, node: w(found.node), ...(found.init ? { init: w(found.init) } : {}) }
          : { kind: found.kind, name: found.name, node: w(found.node) };
    this.declarations.set(found, decl);
    return decl;
  }

  /** The declaration a name refers to at `id`, or its import binding; undefined for a global. */
  declarationOf(id: Node): Declaration | undefined {
    const name = id.getText();
    for (let n = id.compilerNode.parent as ts.Node | undefined; n; n = n.parent) {
      const found = this.namesOf(n).get(name);
      if (found) return this.declaration(found);
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

/** The rest parameter (`...args`) that `init` names, when `block` is the body of its function. */
function restParameterOf(block: ts.Node, init: ts.Expression | undefined): { fn: ts.Node; index: number } | undefined {
  const t = typescript();
  const fn = block.parent;
  if (!init || !t.isIdentifier(init) || !t.isBlock(block) || !fn || !isFunctionScope(fn)) return undefined;
  const index = fn.parameters.findIndex((p) => p.dotDotDotToken !== undefined && t.isIdentifier(p.name) && p.name.text === init.text);
  return index >= 0 ? { fn, index } : undefined;
}

/** A function whose parameters are names of its scope, on TypeScript's own tree (`isFunctionLike` on ts-morph's). */
function isFunctionScope(node: ts.Node): node is ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration {
  const t = typescript();
  return t.isFunctionDeclaration(node) || t.isArrowFunction(node) || t.isFunctionExpression(node) || t.isMethodDeclaration(node);
}
