import { Node, SyntaxKind } from '../../../parse/typescript/morph.js';
import type { SourceFile, ts } from 'ts-morph';
import { HTTP_METHODS, ALL_METHODS } from '../identity.js';
import type { CodeEndpoints } from './resolve.js';
import { exportsOf, staticString, lineOf } from './static.js';
import { descendantsWhere, Identifiers } from '../../../parse/typescript/wrapped.js';
import { nextRoutePath, remixRoutePath } from './detect.js';

export { nextRoutePath, remixRoutePath };

/** `req.method`, `request.method.toUpperCase()`: a read of the request's method. */
const isMethodRead = (n: Node) => /\.method(\s*\.\s*to(Upper|Lower)Case\(\s*\))?$/.test(n.getText());

/** An equality test or a switch, on TypeScript's node: what a handler checks its request method with. */
function isCheck(node: ts.Node): boolean {
  const K = SyntaxKind;
  if (node.kind === K.SwitchStatement) return true;
  if (node.kind !== K.BinaryExpression) return false;
  const operator = (node as ts.BinaryExpression).operatorToken.kind;
  return (
    operator === K.EqualsEqualsEqualsToken ||
    operator === K.EqualsEqualsToken ||
    operator === K.ExclamationEqualsEqualsToken ||
    operator === K.ExclamationEqualsToken
  );
}

/** Methods a handler checks for (`req.method === 'POST'`, `case 'GET':`, `method !== 'POST'`). */
function checkedMethods(within: Node): string[] {
  const methods = new Set<string>();
  // Only equality tests and switches are wrapped (forEachDescendant would wrap every node), in the file's order.
  for (const node of descendantsWhere(within, isCheck)) {
    if (Node.isBinaryExpression(node)) {
      const [a, b] = [node.getLeft(), node.getRight()];
      const value = isMethodRead(a) ? staticString(b) : isMethodRead(b) ? staticString(a) : undefined;
      if (value) methods.add(value.toUpperCase());
    }
    if (Node.isSwitchStatement(node) && isMethodRead(node.getExpression())) {
      for (const clause of node.getCaseBlock().getClauses()) {
        if (Node.isCaseClause(clause)) {
          const value = staticString(clause.getExpression());
          if (value) methods.add(value.toUpperCase());
        }
      }
    }
  }
  return [...methods].filter((m) => (HTTP_METHODS as readonly string[]).includes(m));
}

/** The line of the default export, read from the syntax (no type checker). */
function defaultExportLine(source: SourceFile): number {
  const local = exportsOf(source).get('default');
  for (const statement of source.getStatements()) {
    if (Node.isExportAssignment(statement)) return lineOf(statement);
    if (
      Node.isFunctionDeclaration(statement) &&
      (statement.getName() === local || (statement.hasDefaultKeyword() && statement.hasExportKeyword()))
    )
      return lineOf(statement);
    if (Node.isVariableStatement(statement) && statement.getDeclarations().some((d) => d.getName() === local)) return lineOf(statement);
  }
  return 1;
}

export function nextEndpoints(file: string, source: SourceFile): CodeEndpoints {
  const out: CodeEndpoints = { endpoints: [], unresolved: [], mounted: [] };
  const route = nextRoutePath(file);
  if (!route) return out;
  if (route.router === 'app') {
    const exported = exportsOf(source);
    let identifiers: Identifiers | undefined;
    for (const method of HTTP_METHODS) {
      if (!exported.has(method)) continue;
      const decl = (identifiers ??= new Identifiers(source)).named(method)[0];
      out.endpoints.push({ method, path: route.path, source: 'next-app', file, line: decl ? lineOf(decl) : 1 });
    }
    return out;
  }
  if (!exportsOf(source).has('default')) return out;
  const methods = checkedMethods(source);
  const line = defaultExportLine(source);
  for (const method of methods.length > 0 ? methods : [ALL_METHODS])
    out.endpoints.push({ method, path: route.path, source: 'next-pages', file, line });
  return out;
}

/** The declaration of an exported name (`export const loader = …`, `export async function action`). */
function exportedDeclaration(source: SourceFile, name: string): Node | undefined {
  const local = exportsOf(source).get(name);
  if (!local) return undefined;
  for (const statement of source.getStatements()) {
    if (Node.isFunctionDeclaration(statement) && statement.getName() === local) return statement;
    if (Node.isVariableStatement(statement)) {
      // `export const loader = …`, or `const { action } = createActionApiRoute(…)` exported below
      const decl = statement.getDeclarations().find((d) => {
        const name = d.getNameNode();
        return Node.isObjectBindingPattern(name) ? name.getElements().some((el) => el.getName() === local) : d.getName() === local;
      });
      if (decl) return decl;
    }
  }
  return undefined;
}

/** `createActionApiRoute({ method: ['PATCH', 'DELETE'] }, …)`: methods a route builder is told to accept. */
function builderMethods(decl: Node): string[] {
  const init = Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
  const options = init && Node.isCallExpression(init) ? init.getArguments()[0] : undefined;
  if (!options || !Node.isObjectLiteralExpression(options)) return [];
  const prop = options.getProperty('method');
  const value = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
  const values = value && Node.isArrayLiteralExpression(value) ? value.getElements().map((e) => staticString(e)) : [staticString(value)];
  return values
    .filter((v): v is string => v !== undefined && (HTTP_METHODS as readonly string[]).includes(v.toUpperCase()))
    .map((v) => v.toUpperCase());
}

/**
 * Remix / React Router resource routes (a route module without a default component): `loader` answers GET, and
 * `action` the methods it checks for or is built for, POST (the method forms submit with) when none is readable.
 * Route modules with a component are pages, not API endpoints.
 */
export function remixEndpoints(file: string, source: SourceFile): CodeEndpoints {
  const out: CodeEndpoints = { endpoints: [], unresolved: [], mounted: [] };
  const path = remixRoutePath(file);
  if (path === undefined || exportsOf(source).has('default')) return out;
  const loader = exportedDeclaration(source, 'loader');
  if (loader) out.endpoints.push({ method: 'GET', path, source: 'remix', file, line: lineOf(loader) });
  const action = exportedDeclaration(source, 'action');
  if (action) {
    const checked = [...new Set([...builderMethods(action), ...checkedMethods(action)])].filter((m) => m !== 'GET' && m !== 'HEAD');
    for (const method of checked.length > 0 ? checked : ['POST'])
      out.endpoints.push({ method, path, source: 'remix', file, line: lineOf(action) });
  }
  return out;
}
