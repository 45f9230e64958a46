import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { HTTP_METHODS, ANY_METHOD } from '../identity.js';
import type { CodeEndpoints } from './resolve.js';
import { exportsOf, staticString } from './static.js';
import { nextRoutePath } from './detect.js';

export { nextRoutePath };

/** Methods a Pages Router handler checks for (`req.method === 'POST'`, `case 'GET':`); none means every method. */
function checkedMethods(source: SourceFile): string[] {
  const methods = new Set<string>();
  const isMethodRead = (n: Node) => /\.method$/.test(n.getText());
  source.forEachDescendant((node) => {
    if (Node.isBinaryExpression(node) && ['===', '==', '!==', '!='].includes(node.getOperatorToken().getText())) {
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
  });
  return [...methods].filter((m) => (HTTP_METHODS as readonly string[]).includes(m));
}

export function nextEndpoints(file: string, source: SourceFile): CodeEndpoints {
  const out: CodeEndpoints = { endpoints: [], unresolved: [] };
  const route = nextRoutePath(file);
  if (!route) return out;
  if (route.router === 'app') {
    const exported = exportsOf(source);
    for (const method of HTTP_METHODS) {
      if (!exported.has(method)) continue;
      const decl = source.getDescendantsOfKind(SyntaxKind.Identifier).find((id) => id.getText() === method);
      out.endpoints.push({ method, path: route.path, source: 'next-app', file, line: decl?.getStartLineNumber() ?? 1 });
    }
    return out;
  }
  if (!exportsOf(source).has('default')) return out;
  const methods = checkedMethods(source);
  const line = source.getDefaultExportSymbol()?.getDeclarations()[0]?.getStartLineNumber() ?? 1;
  for (const method of methods.length > 0 ? methods : [ANY_METHOD]) out.endpoints.push({ method, path: route.path, source: 'next-pages', file, line });
  return out;
}
