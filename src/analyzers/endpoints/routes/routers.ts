import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { calledMethod, ROUTE_METHODS, type Dialect } from './dialect.js';
import { exportsOf, importsOf, staticString } from './static.js';

// The routers of one file: which variables (or plugin functions) are routers, the routes on each,
// and which routers are mounted on which, with what prefix. Paths stay relative to their router.

export interface LocalRoute {
  router: string;
  methods: string[];
  /** Path relative to the router, or undefined when it is not static. */
  path?: string;
  code: string;
  line: number;
}

export interface LocalMount {
  router: string;
  /** Prefix, '' for none, undefined when it is not static. */
  prefix?: string;
  /** Local name of the mounted router or plugin (maybe an import). */
  target: string;
  code: string;
  line: number;
}

export interface FileRouters {
  framework: string;
  /** Router → its own prefix (Koa `prefix`, Hono `basePath`); undefined when not static. */
  routers: Map<string, string | undefined>;
  /** Where each router is declared (or its prefix set). */
  routerLines: Map<string, number>;
  routes: LocalRoute[];
  mounts: LocalMount[];
  imports: Map<string, { module: string; name: string }>;
  exports: Map<string, string>;
}

type FunctionLike = Node & { getParameters(): { getName(): string }[] };

function isFunctionLike(node: Node): node is FunctionLike {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node);
}

/** A name for a plugin function: its own name, its variable's, `default`, or its line. */
function functionId(fn: Node): string {
  if (Node.isFunctionDeclaration(fn)) return fn.getName() ?? 'default';
  const parent = fn.getParent();
  if (parent && Node.isVariableDeclaration(parent)) return parent.getName();
  if (parent && Node.isExportAssignment(parent)) return 'default';
  return `<function at line ${fn.getStartLineNumber()}>`;
}

export function readRouters(source: SourceFile, dialect: Dialect): FileRouters {
  const routers = new Map<string, string | undefined>();
  const routerLines = new Map<string, number>();
  const result: FileRouters = { framework: dialect.name, routers, routerLines, routes: [], mounts: [], imports: importsOf(source), exports: exportsOf(source) };
  for (const decl of source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = decl.getInitializer();
    const router = init && dialect.routerFrom(init);
    if (router) {
      routers.set(decl.getName(), router.prefix ? staticString(router.prefix) : '');
      routerLines.set(decl.getName(), decl.getStartLineNumber());
    }
  }

  /** Which router a receiver expression denotes, and the sub-path when it is `router.route('/x')`. */
  const routerOf = (node: Node): { router: string; sub?: Node } | undefined => {
    if (Node.isIdentifier(node)) {
      const name = node.getText();
      if (dialect.pluginParams) {
        for (const fn of node.getAncestors().filter(isFunctionLike)) {
          if (fn.getParameters()[0]?.getName() === name) {
            const id = functionId(fn);
            if (!routers.has(id)) routers.set(id, '');
            return { router: id };
          }
        }
      }
      return routers.has(name) ? { router: name } : undefined;
    }
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) return undefined;
      const inner = routerOf(callee.getExpression());
      if (!inner) return undefined;
      const method = callee.getName();
      const sub = dialect.subRouteCall?.(method, node);
      if (sub) return { router: inner.router, sub };
      if (inner.sub ? ROUTE_METHODS.includes(method) : dialect.routeCall(method, node)) return inner; // chained routes: app.get(...).post(...)
    }
    return undefined;
  };

  for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const method = calledMethod(call);
    if (!method) continue;
    const receiver = routerOf((call.getExpression() as unknown as { getExpression(): Node }).getExpression());
    if (!receiver) continue;
    const line = call.getStartLineNumber();
    const code = call.getText().split('\n')[0]!.slice(0, 160);
    const prefixNode = dialect.prefixCall?.(method, call);
    if (prefixNode) {
      routers.set(receiver.router, staticString(prefixNode));
      routerLines.set(receiver.router, line);
      continue;
    }
    const mount = dialect.mountCall(method, call);
    if (mount) {
      const prefix = mount.prefix ? staticString(mount.prefix) : '';
      for (const target of mount.targets) {
        if (Node.isIdentifier(target)) result.mounts.push({ router: receiver.router, prefix, target: target.getText(), code, line });
        else if (isFunctionLike(target)) result.mounts.push({ router: receiver.router, prefix, target: functionId(target), code, line });
      }
      continue;
    }
    if (receiver.sub) {
      // router.route('/x').get(handler): the path is on the sub-route
      if (ROUTE_METHODS.includes(method)) result.routes.push({ router: receiver.router, methods: [method === 'del' ? 'delete' : method], path: staticString(receiver.sub), code, line });
      continue;
    }
    const route = dialect.routeCall(method, call);
    if (!route) continue;
    if (route.dynamicMethod) {
      result.routes.push({ router: receiver.router, methods: [], path: undefined, code, line });
      continue;
    }
    result.routes.push({ router: receiver.router, methods: route.methods, path: route.path ? staticString(route.path) : undefined, code, line });
  }
  return result;
}
