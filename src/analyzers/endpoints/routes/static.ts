import { Node, SyntaxKind } from '../../../parse/typescript/morph.js';
import type { ExportDeclaration, Expression, ImportDeclaration, SourceFile, ts } from 'ts-morph';
import { excerpt as printable } from '../../../util/sanitize.js';
import { unwrapSyntaxTypes, unwrapTypes } from './unwrap.js';
import { typescript } from '../../../parse/typescript/compiler.js';
import { wrap } from '../../../parse/typescript/wrapped.js';
import { bindsImport } from './bindings.js';

// What an expression always evaluates to, when that is knowable without running the code: string literals,
// templates and `+` of constants, constants of the file or imported from another module (once that module is
// loaded), conditionals (both branches), arrays (each element), loop variables over constant arrays, and
// properties of constant objects and enums. Environment reads with a default take the default, and say so.

/** Several values at most: a route built in nested loops over constant arrays stays bounded. */
const MAX_VALUES = 64;
const MAX_DEPTH = 12;

/** Constants of other modules, looked up synchronously once the caller has loaded those modules. */
export interface ImportedValues {
  /** The initializer an import binding named `name` in `source` refers to, when its module is loaded. */
  lookup(source: SourceFile, name: string): Expression | undefined;
  /** Import bindings asked for whose modules are not loaded yet (the caller loads them and asks again). */
  missing: Set<string>;
}

export interface Evaluation {
  values: string[];
  /** Environment variables whose default was taken. */
  fromEnv: string[];
}

interface Ctx {
  imported?: ImportedValues;
  fromEnv: Set<string>;
  depth: number;
}

function product(parts: string[][]): string[] | undefined {
  let out = [''];
  for (const options of parts) {
    const next: string[] = [];
    for (const head of out) for (const option of options) next.push(head + option);
    if (next.length > MAX_VALUES) return undefined;
    out = next;
  }
  return out;
}

/** `process.env.X` or `process.env['X']`: the variable's name. */
function envName(node: Node): string | undefined {
  const n = unwrapTypes(node);
  if (Node.isPropertyAccessExpression(n) && n.getExpression().getText() === 'process.env') return n.getName();
  if (Node.isElementAccessExpression(n) && n.getExpression().getText() === 'process.env') {
    const arg = n.getArgumentExpression();
    return arg && Node.isStringLiteral(arg) ? arg.getLiteralValue() : undefined;
  }
  return undefined;
}

function evaluate(expr: Node | undefined, ctx: Ctx): string[] | undefined {
  if (!expr || ctx.depth > MAX_DEPTH) return undefined;
  const inner: Ctx = { ...ctx, depth: ctx.depth + 1 };
  const n = unwrapTypes(expr);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return [n.getLiteralValue()];
  if (Node.isNumericLiteral(n)) return [n.getLiteralText()];
  if (Node.isTemplateExpression(n)) {
    const parts: string[][] = [[n.getHead().getLiteralText()]];
    for (const span of n.getTemplateSpans()) {
      const value = evaluate(span.getExpression(), inner);
      if (value === undefined) return undefined;
      parts.push(value, [span.getLiteral().getLiteralText()]);
    }
    return product(parts);
  }
  if (Node.isBinaryExpression(n)) {
    const op = n.getOperatorToken().getKind();
    if (op === SyntaxKind.PlusToken) {
      const left = evaluate(n.getLeft(), inner);
      const right = left && evaluate(n.getRight(), inner);
      return left && right ? product([left, right]) : undefined;
    }
    if (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) {
      const env = envName(n.getLeft());
      if (env !== undefined) {
        ctx.fromEnv.add(env);
        return evaluate(n.getRight(), inner);
      }
    }
    return undefined;
  }
  if (Node.isConditionalExpression(n)) {
    const a = evaluate(n.getWhenTrue(), inner);
    const b = a && evaluate(n.getWhenFalse(), inner);
    return a && b ? [...new Set([...a, ...b])] : undefined;
  }
  if (Node.isArrayLiteralExpression(n)) {
    const all: string[] = [];
    for (const element of n.getElements()) {
      const value = Node.isSpreadElement(element) ? evaluate(element.getExpression(), inner) : evaluate(element, inner);
      if (value === undefined) return undefined;
      all.push(...value);
    }
    return all.length <= MAX_VALUES ? all : undefined;
  }
  if (Node.isIdentifier(n)) return evaluateIdentifier(n, inner);
  if (Node.isPropertyAccessExpression(n)) {
    const owner = unwrapTypes(n.getExpression());
    const target = Node.isIdentifier(owner) ? definitionOf(owner, inner) : undefined;
    if (target && Node.isObjectLiteralExpression(target)) {
      const prop = target.getProperty(n.getName());
      if (prop && Node.isPropertyAssignment(prop)) return evaluate(prop.getInitializer(), inner);
    }
    if (target && Node.isEnumDeclaration(target)) {
      const member = target.getMember(n.getName());
      const init = member?.getInitializer();
      return init ? evaluate(init, inner) : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** What an identifier is bound to: a const's initializer, an enum, or the constant array a loop walks. */
function definitionOf(id: Node, ctx: Ctx): Node | undefined {
  const name = id.getText();
  for (const ancestor of id.getAncestors()) {
    // for (const p of ['/a', '/b']) …
    if (Node.isForOfStatement(ancestor)) {
      const init = ancestor.getInitializer();
      if (Node.isVariableDeclarationList(init) && init.getDeclarations().some((d) => d.getName() === name)) return ancestor;
    }
    // ['/a', '/b'].forEach((p) => …)
    if ((Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor)) && ancestor.getParameters()[0]?.getName() === name) {
      const call = ancestor.getParent();
      if (call && Node.isCallExpression(call)) {
        const callee = call.getExpression();
        if (
          Node.isPropertyAccessExpression(callee) &&
          ['forEach', 'map', 'flatMap'].includes(callee.getName()) &&
          call.getArguments()[0] === ancestor
        )
          return callee;
      }
      return undefined;
    }
    if (Node.isFunctionLikeDeclaration(ancestor) && ancestor.getParameters().some((p) => p.getName() === name)) return undefined;
    if (Node.isBlock(ancestor) || Node.isSourceFile(ancestor) || Node.isModuleBlock(ancestor)) {
      for (const statement of ancestor.getStatements()) {
        if (Node.isVariableStatement(statement) && statement.getDeclarationKind() === 'const') {
          const decl = statement.getDeclarations().find((d) => d.getName() === name);
          if (decl) return decl.getInitializer();
        }
        if (Node.isEnumDeclaration(statement) && statement.getName() === name) return statement;
      }
    }
  }
  const imported = ctx.imported?.lookup(id.getSourceFile(), name);
  return imported;
}

function evaluateIdentifier(id: Node, ctx: Ctx): string[] | undefined {
  if (id.getText() === 'undefined') return undefined;
  const target = definitionOf(id, ctx);
  if (!target) return undefined;
  if (Node.isForOfStatement(target)) return evaluate(target.getExpression(), ctx);
  if (Node.isPropertyAccessExpression(target)) return evaluate(target.getExpression(), ctx);
  if (Node.isEnumDeclaration(target)) return undefined;
  return evaluate(target, ctx);
}

/** Every value the expression can take, or undefined when one of them is not static. */
export function staticValues(expr: Node | undefined, imported?: ImportedValues): Evaluation | undefined {
  const fromEnv = new Set<string>();
  const values = evaluate(expr, { imported, fromEnv, depth: 0 });
  return values ? { values: [...new Set(values)], fromEnv: [...fromEnv] } : undefined;
}

/** The single value of a static expression (the first when it can take several). */
export function staticString(expr: Node | undefined, imported?: ImportedValues): string | undefined {
  return staticValues(expr, imported)?.values[0];
}

/**
 * A prefix read as far as it goes: the static pieces of a `+` chain or template, and the text of each piece that
 * is not static (taken as empty, and said on every finding under it). Several values when a piece can take several.
 */
export function partialValues(expr: Node, imported?: ImportedValues): { values: string[]; unknown: string[]; fromEnv: string[] } {
  const whole = staticValues(expr, imported);
  if (whole) return { values: whole.values, unknown: [], fromEnv: whole.fromEnv };
  const n = unwrapTypes(expr);
  const pieces: Node[] = [];
  const heads: string[] = [];
  if (Node.isTemplateExpression(n)) {
    heads.push(n.getHead().getLiteralText());
    for (const span of n.getTemplateSpans()) {
      pieces.push(span.getExpression());
      heads.push(span.getLiteral().getLiteralText());
    }
  } else if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = partialValues(n.getLeft(), imported);
    const right = partialValues(n.getRight(), imported);
    return {
      values: product([left.values, right.values]) ?? left.values,
      unknown: [...left.unknown, ...right.unknown],
      fromEnv: [...left.fromEnv, ...right.fromEnv],
    };
  } else {
    return { values: [''], unknown: [excerpt(expr.getText())], fromEnv: [] };
  }
  const parts: string[][] = [[heads[0]!]];
  const unknown: string[] = [];
  const fromEnv: string[] = [];
  pieces.forEach((piece, i) => {
    const value = staticValues(piece, imported);
    if (value) {
      parts.push(value.values);
      fromEnv.push(...value.fromEnv);
    } else unknown.push(excerpt(piece.getText()));
    parts.push([heads[i + 1]!]);
  });
  return { values: product(parts) ?? [''], unknown, fromEnv };
}

/** Code quoted in a finding: on one line (its whitespace collapsed), printable, at most `max` characters. */
export function excerpt(code: string, max = 80): string {
  return printable(code.replace(/\s+/g, ' '), max);
}

/**
 * The line a node starts on, from the compiler's line map (a binary search). ts-morph's `getStartLineNumber()`
 * counts newlines from the start of the file on every call: quadratic over a file of many routes.
 */
export function lineOf(node: Node): number {
  return node.getSourceFile().compilerNode.getLineAndCharacterOfPosition(node.getStart()).line + 1;
}

/**
 * `read(source)` once per file: the route readers ask a file's imports and exports many times (each export a
 * framework looks for, each module that imports it), and the file does not change. The answer is read-only.
 */
function perFile<T>(read: (source: SourceFile) => T): (source: SourceFile) => T {
  const known = new WeakMap<SourceFile, T>();
  return (source) => {
    let value = known.get(source);
    if (value === undefined) known.set(source, (value = read(source)));
    return value;
  };
}

/** Import bindings of a file: local name → module specifier and imported name (`default`, or `*` for a namespace). */
export const importsOf: (source: SourceFile) => ReadonlyMap<string, { module: string; name: string }> = perFile(readImports);

function readImports(source: SourceFile): Map<string, { module: string; name: string }> {
  // On TypeScript's own tree: a file's imports are read for every file the route readers open, and ts-morph would
  // wrap each declaration, clause and specifier to give back their names.
  const ts = typescript();
  const file = source.compilerNode;
  const text = (node: ts.Node) => node.getText(file);
  // ts-morph's `getName()` of a specifier: a quoted name (`import { "a-b" as c }`) by its value.
  const nameOf = (node: ts.Node) => (ts.isStringLiteral(node) ? node.text : text(node));
  const map = new Map<string, { module: string; name: string }>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    // Not a string (a parse error): ts-morph's own reading says so.
    const module = ts.isStringLiteral(statement.moduleSpecifier)
      ? statement.moduleSpecifier.text
      : wrap<ImportDeclaration>(source, statement).getModuleSpecifierValue();
    const clause = statement.importClause;
    if (clause?.name) map.set(text(clause.name), { module, name: 'default' });
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) map.set(text(bindings.name), { module, name: '*' });
    else if (bindings)
      for (const named of bindings.elements) {
        map.set(named.propertyName ? text(named.name) : nameOf(named.name), { module, name: nameOf(named.propertyName ?? named.name) });
      }
  }
  // CommonJS: const x = require('./x'), const { a } = require('./x')
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer;
      if (!init || !ts.isCallExpression(init) || text(init.expression) !== 'require') continue;
      const arg = init.arguments[0];
      const module = staticString(arg && wrap<Node>(source, arg));
      if (module === undefined) continue;
      if (ts.isIdentifier(decl.name)) map.set(text(decl.name), { module, name: 'default' });
      else if (ts.isObjectBindingPattern(decl.name)) {
        for (const el of decl.name.elements) map.set(text(el.name), { module, name: text(el.propertyName ?? el.name) });
      }
    }
  }
  return map;
}

/** Which modules a file imports. */
export function importedModules(source: SourceFile): Set<string> {
  return new Set([...importsOf(source).values()].map((i) => i.module));
}

/**
 * Whether `importedModules(source)` holds `module`, without wrapping every import in ts-morph: the import
 * declarations that bind a name are read on TypeScript's own tree, and only a file with a top-level `require`
 * (whose argument may be a constant of the file) is read through `importsOf`.
 */
export function importsModule(source: SourceFile, module: string): boolean {
  const ts = typescript();
  const file = source.compilerNode;
  if (bindsImport(file, module)) return true;
  const requires = file.statements.some(
    (statement) =>
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.some(
        (d) => d.initializer !== undefined && ts.isCallExpression(d.initializer) && d.initializer.expression.getText(file) === 'require',
      ),
  );
  return requires && importedModules(source).has(module);
}

/**
 * Names a file exports, mapped to the local name they export (`default` for an anonymous default export). Read
 * from the syntax alone: ts-morph's `isExported()` asks the type checker, which builds a program of every file.
 */
export const exportsOf: (source: SourceFile) => ReadonlyMap<string, string> = perFile(readExports);

function readExports(source: SourceFile): Map<string, string> {
  // On TypeScript's own tree, as `readImports`: only names come out.
  const ts = typescript();
  const file = source.compilerNode;
  const text = (node: ts.Node) => node.getText(file);
  const nameOf = (node: ts.Node) => (ts.isStringLiteral(node) ? node.text : text(node));
  const has = (statement: ts.Statement, kind: ts.SyntaxKind) =>
    (statement as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers?.some((m) => m.kind === kind) === true;
  const map = new Map<string, string>();
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement)) {
      const e = unwrapSyntaxTypes(statement.expression);
      map.set('default', ts.isIdentifier(e) ? text(e) : 'default');
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier) {
        // Not a string (a parse error): ts-morph's own reading says so.
        if (!ts.isStringLiteral(statement.moduleSpecifier)) wrap<ExportDeclaration>(source, statement).getModuleSpecifier();
        continue;
      }
      const clause = statement.exportClause;
      if (!clause || ts.isNamespaceExport(clause)) continue;
      for (const spec of clause.elements)
        map.set(spec.propertyName ? text(spec.name) : nameOf(spec.name), nameOf(spec.propertyName ?? spec.name));
    } else if (ts.isVariableStatement(statement) && has(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const d of statement.declarationList.declarations) map.set(text(d.name), text(d.name));
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      has(statement, ts.SyntaxKind.ExportKeyword)
    ) {
      const name = statement.name ? text(statement.name) : undefined;
      if (!ts.isEnumDeclaration(statement) && has(statement, ts.SyntaxKind.DefaultKeyword)) map.set('default', name ?? 'default');
      else if (name) map.set(name, name);
    }
  }
  // CommonJS: module.exports = router, exports.router = router
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const bin = statement.expression;
    if (!ts.isBinaryExpression(bin) || bin.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = text(bin.left);
    const right = unwrapSyntaxTypes(bin.right);
    if (left === 'module.exports') map.set('default', ts.isIdentifier(right) ? text(right) : 'default');
    else if (/^(module\.)?exports\.[A-Za-z_$][\w$]*$/.test(left) && ts.isIdentifier(right))
      map.set(left.slice(left.lastIndexOf('.') + 1), text(right));
  }
  return map;
}

/** The top-level declaration of a local name: a variable's initializer, a function or class; undefined if none. */
export function topLevel(source: SourceFile, name: string): Node | undefined {
  for (const statement of source.getStatements()) {
    if (Node.isVariableStatement(statement)) {
      const decl = statement.getDeclarations().find((d) => d.getName() === name);
      if (decl) return decl;
    } else if (
      (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement)) &&
      statement.getName() === name
    )
      return statement;
  }
  return undefined;
}
