import { Node, type SourceFile } from 'ts-morph';
import type { CodeEndpoints } from './resolve.js';
import { constInitializer } from './static.js';

const PROCEDURE_KINDS: Record<string, string> = { query: 'QUERY', mutation: 'MUTATION', subscription: 'SUBSCRIPTION' };

/** `router({...})`, `t.router({...})`, `createTRPCRouter({...})`: the object literal of procedures. */
function routerObject(node: Node | undefined): Node | undefined {
  if (!node || !Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression().getText();
  if (!/(^|\.)(router|createTRPCRouter|createRouter)$/.test(callee)) return undefined;
  const arg = node.getArguments()[0];
  return arg && Node.isObjectLiteralExpression(arg) ? arg : undefined;
}

/** The procedure kind at the end of a builder chain: `publicProcedure.input(x).query(fn)`. */
function procedureKind(node: Node): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  return Node.isPropertyAccessExpression(callee) ? PROCEDURE_KINDS[callee.getName()] : undefined;
}

/** tRPC procedures by router key path (`users.byId`); served at `/<path>` under the adapter's prefix. */
export function trpcEndpoints(file: string, source: SourceFile): CodeEndpoints {
  const out: CodeEndpoints = { endpoints: [], unresolved: [] };
  const nested = new Set<Node>();
  const walk = (obj: Node, prefix: string, depth: number) => {
    if (depth > 8 || !Node.isObjectLiteralExpression(obj)) return;
    for (const prop of obj.getProperties()) {
      if (!Node.isPropertyAssignment(prop) && !Node.isShorthandPropertyAssignment(prop)) continue;
      const key = prop.getName().replace(/^['"]|['"]$/g, '');
      const path = prefix ? `${prefix}.${key}` : key;
      let value: Node | undefined = Node.isPropertyAssignment(prop) ? prop.getInitializer() : prop.getNameNode();
      if (value && Node.isIdentifier(value)) value = constInitializer(source, value.getText()) ?? value;
      if (!value) continue;
      const kind = procedureKind(value);
      if (kind) {
        out.endpoints.push({ method: kind, path: `/${path}`, source: 'trpc', file, line: prop.getStartLineNumber(), literal: key });
        continue;
      }
      const inner = routerObject(value);
      if (inner) {
        nested.add(inner);
        walk(inner, path, depth + 1);
      }
    }
  };
  const roots: Node[] = [];
  source.forEachDescendant((node) => {
    const obj = routerObject(node);
    if (obj) roots.push(obj);
  });
  // Walk outermost routers first so nested ones get their key path.
  for (const root of roots) walk(root, '', 0);
  out.endpoints.length = 0;
  for (const root of roots) if (!nested.has(root)) walk(root, '', 0);
  return out;
}
