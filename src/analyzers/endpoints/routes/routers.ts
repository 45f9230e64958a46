import { Node } from '../../../parse/typescript/morph.js';
import type { CallExpression, SourceFile, ts, VariableDeclaration } from 'ts-morph';
import { creationOf, frameworkOfModule, ROUTE_METHODS, type Creation, type FrameworkBinding } from './frameworks.js';
import { Scopes, type Declaration } from './scope.js';
import { excerpt, importsOf, staticValues, type ImportedValues, lineOf } from './static.js';
import { unwrap, unwrapSyntax } from './unwrap.js';
import { descendantsWhere } from '../../../parse/typescript/wrapped.js';
import { typescript } from '../../../parse/typescript/compiler.js';

// The routes and mounts one file registers on its routers, whichever of Express, Koa Router, Fastify or Hono it
// uses: `app.get('/x', h)`, `router.get('name', '/x', h)`, `router.route('/x').get(h)`, `fastify.route({ method,
// url })`, `app.on(['GET'], '/x', h)`, `app.use('/api', router)`, `app.route('/x', sub)`, `register(plugin,
// { prefix })`, and routers handed to a function (`usersRoutes(router)`). Paths stay relative to their router.

/** A router (or app) routes are registered on, as this file sees it. */
export interface Receiver {
  /** Unique in the file. */
  id: string;
  name: string;
  /** Where the router comes from: a variable, a parameter of a function, an import. */
  decl: Declaration;
  /** An identifier that names it (for prefix resolution). */
  node: Node;
  creation?: Creation;
  /** Koa Router `router.prefix('/x')`. */
  prefixCall?: Node;
}

export interface FileRoute {
  receiver: Receiver;
  /** Upper-case HTTP methods or `ALL`; empty when the method is not static. */
  methods: string[];
  /** Paths relative to the router (several for an array or a loop); undefined when not static. */
  paths?: string[];
  /** The path as written (for a route that is not static, and to find it in older versions). */
  pathText: string;
  /** The handler: its name, or `inline`. */
  handler: string;
  line: number;
  code: string;
  fromEnv: string[];
}

/** Something mounted on a router of this file (a router, an app, a plugin, a registering function). */
export interface FileMount {
  receiver: Receiver;
  target: Node;
  line: number;
  /** The mounting call as written, without spaces: the same at both sides when nothing about the mount changed. */
  code: string;
}

export interface FileRoutes {
  /** The framework the file imports, if any. */
  framework?: string;
  routes: FileRoute[];
  mounts: FileMount[];
  scopes: Scopes;
}

const isInlineFunction = (n: Node) => Node.isArrowFunction(n) || Node.isFunctionExpression(n);
const TYPED_ROUTER = /Router|Express|Application|Koa|Hono|Fastify|Instance|App\b/;
const ROUTER_NAME = /^(router|app|api|server|fastify|instance|r)$|Router$/i;

/** Framework imports of a file: local name → framework. */
export function frameworkBindings(source: SourceFile): Map<string, FrameworkBinding> {
  const map = new Map<string, FrameworkBinding>();
  for (const [local, imported] of importsOf(source)) {
    const framework = frameworkOfModule(imported.module);
    if (framework) map.set(local, { framework, module: imported.module, name: imported.name });
  }
  return map;
}

const mountCode = (call: Node) => call.getText().replace(/\s+/g, '').slice(0, 400);

function handlerName(args: Node[]): string {
  const last = args[args.length - 1];
  if (!last) return 'none';
  const n = unwrap(last);
  if (Node.isIdentifier(n) || Node.isPropertyAccessExpression(n)) return excerpt(n.getText(), 60);
  return 'inline';
}

export function readRoutes(source: SourceFile, scopes = new Scopes(source), imported?: ImportedValues): FileRoutes {
  const bindings = frameworkBindings(source);
  const framework = [...bindings.values()][0]?.framework;
  const result: FileRoutes = { framework, routes: [], mounts: [], scopes };
  const receivers = new Map<Node, Receiver>();

  const receiverFor = (id: Node, decl: Declaration): Receiver => {
    let r = receivers.get(decl.node);
    if (!r) {
      const init = decl.kind === 'variable' ? decl.init : undefined;
      const creation = init ? creationOf(init, bindings) : undefined;
      r = { id: `${decl.kind}:${decl.name}:${decl.node.getStart()}`, name: decl.name, decl, node: id, creation };
      receivers.set(decl.node, r);
    }
    return r;
  };

  /** Whether routes on this receiver are routes: a framework's router, or a parameter typed or used as one. */
  const trusted = (r: Receiver): boolean => {
    if (r.creation || framework) return true;
    if (r.decl.kind === 'param') {
      const typeText = (r.decl.node as unknown as { getTypeNode?(): Node | undefined }).getTypeNode?.()?.getText() ?? '';
      return TYPED_ROUTER.test(typeText);
    }
    if (r.decl.kind === 'variable' && r.decl.init) {
      const init = unwrap(r.decl.init);
      return Node.isCallExpression(init) && /(^|\.)(Router|basePath)$/.test(init.getExpression().getText());
    }
    return false;
  };

  const receiverOf = (expr: Node): { receiver: Receiver; sub?: Node } | undefined => {
    const n = unwrap(expr);
    if (Node.isIdentifier(n)) {
      const decl = scopes.declarationOf(n);
      if (!decl || decl.kind === 'function' || decl.kind === 'loop') return undefined;
      if (decl.kind === 'import' && frameworkOfModule(decl.module)) return undefined; // `express.static(…)`
      return { receiver: receiverFor(n, decl) };
    }
    if (Node.isCallExpression(n)) {
      const callee = n.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) return undefined;
      const inner = receiverOf(callee.getExpression());
      if (!inner) return undefined;
      const method = callee.getName();
      // router.route('/x').get(h): the path is on the sub-route
      if (method === 'route' && n.getArguments().length === 1 && !Node.isObjectLiteralExpression(n.getArguments()[0]!))
        return { receiver: inner.receiver, sub: n.getArguments()[0] };
      // chained registrations: app.get(...).post(...)
      if (ROUTE_METHODS.has(method.toLowerCase()) || method === 'use' || method === 'on') return inner;
    }
    return undefined;
  };

  const addRoute = (receiver: Receiver, methods: string[], pathNode: Node | undefined, args: Node[], call: CallExpression) => {
    const evaluated = pathNode ? staticValues(pathNode, imported) : undefined;
    result.routes.push({
      receiver,
      methods,
      paths: evaluated?.values,
      pathText: pathNode ? excerpt(pathNode.getText(), 120) : '',
      handler: handlerName(args),
      line: lineOf(call),
      code: excerpt(call.getText(), 160),
      fromEnv: evaluated?.fromEnv ?? [],
    });
  };

  // Every router the file creates is a receiver, whether or not it registers routes itself (a declaration whose
  // value is a call or a `new` may create one: only those are wrapped).
  const creating = (node: ts.Node) => {
    const t = typescript();
    if (!t.isVariableDeclaration(node)) return false;
    const { initializer, name } = node;
    const init = initializer && unwrapSyntax(initializer);
    return t.isIdentifier(name) && init !== undefined && (t.isCallExpression(init) || t.isNewExpression(init));
  };
  for (const decl of descendantsWhere<VariableDeclaration>(source, creating)) {
    const init = decl.getInitializer();
    const nameNode = decl.getNameNode();
    if (!init || !Node.isIdentifier(nameNode) || !creationOf(init, bindings)) continue;
    const found = scopes.declarationOf(nameNode);
    if (found && found.node === decl) receiverFor(nameNode, found);
  }

  // Only the calls either loop below can use are wrapped: a method call by one of the names a router takes, or a
  // call with a plain name among its arguments (a router handed to a function).
  const calls = descendantsWhere<CallExpression>(source, mayRegister);
  for (const call of calls) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const method = callee.getName();
    const lower = method.toLowerCase();
    if (!ROUTE_METHODS.has(lower) && !['route', 'on', 'use', 'register', 'prefix'].includes(method)) continue;
    const found = receiverOf(callee.getExpression());
    if (!found) continue;
    const { receiver, sub } = found;
    const args = call.getArguments();
    if (sub) {
      if (ROUTE_METHODS.has(lower) && trusted(receiver))
        addRoute(receiver, [lower === 'all' ? 'ALL' : lower === 'del' ? 'DELETE' : method.toUpperCase()], sub, args, call);
      continue;
    }
    if (ROUTE_METHODS.has(lower)) {
      const [first, second] = args;
      if (!first || args.length < 2) continue;
      // Koa Router's named routes: router.get('user', '/users/:id', handler)
      const named = args.length >= 3 && framework === 'koa' && staticValues(first, imported) && staticValues(second, imported);
      const pathNode = named ? second : first;
      if (!trusted(receiver)) {
        // An untyped object's `.get('/x', …)`: a route only with a path and an inline handler (not an HTTP client call).
        const path = staticValues(pathNode, imported)?.values[0];
        if (path === undefined || !path.startsWith('/') || !args.slice(1).some((a) => isInlineFunction(unwrap(a)))) continue;
      }
      addRoute(receiver, [lower === 'all' ? 'ALL' : lower === 'del' ? 'DELETE' : lower.toUpperCase()], pathNode, args, call);
      continue;
    }
    if (!trusted(receiver)) continue;
    if (method === 'route' && args.length === 1 && Node.isObjectLiteralExpression(args[0]!)) {
      // fastify.route({ method: ['GET', 'HEAD'], url: '/x', handler })
      const options = args[0];
      const prop = (name: string) => {
        const p = options.getProperty(name);
        return p && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
      };
      const methods = staticValues(prop('method'), imported)?.values;
      addRoute(receiver, methods ? methods.map((m) => m.toUpperCase()) : [], prop('url') ?? prop('path'), [options], call);
      continue;
    }
    if (method === 'on' && args.length >= 3) {
      // app.on('PURGE', '/cache', h), app.on(['PUT', 'DELETE'], '/post', h)
      const methods = staticValues(args[0], imported)?.values;
      addRoute(receiver, methods ? methods.map((m) => m.toUpperCase()) : [], args[1], args, call);
      continue;
    }
    if (method === 'prefix' && args.length === 1) {
      receiver.prefixCall = args[0];
      continue;
    }
    if (method === 'use' || method === 'register' || (method === 'route' && args.length >= 2)) {
      for (const target of method === 'route' ? args.slice(1, 2) : method === 'register' ? args.slice(0, 1) : args)
        result.mounts.push({ receiver, target, line: lineOf(call), code: mountCode(call) });
    }
  }

  // Routers handed to a function that registers routes on them: usersRoutes(router), fastify.register(…) aside.
  for (const call of calls) {
    const callee = unwrap(call.getExpression());
    if (!Node.isIdentifier(callee)) continue;
    const args = call.getArguments();
    for (const arg of args) {
      const n = unwrap(arg);
      if (!Node.isIdentifier(n)) continue;
      const decl = scopes.declarationOf(n);
      if (!decl) continue;
      // A router of this file, or a parameter that stands for one (`function all(router) { users(router) }`).
      const isRouter = receivers.has(decl.node) || (decl.kind === 'param' && ROUTER_NAME.test(decl.name));
      if (!isRouter) continue;
      result.mounts.push({ receiver: receiverFor(n, decl), target: callee, line: lineOf(call), code: mountCode(call) });
      break;
    }
  }
  return result;
}

/** The names of the router methods the first loop of `readRoutes` reads (ROUTE_METHODS by their lower case). */
const REGISTERING = new Set(['route', 'on', 'use', 'register', 'prefix']);

/** Whether `readRoutes` can take anything from a call, read on TypeScript's node (no wrapper made for it). */
function mayRegister(call: ts.Node): boolean {
  const t = typescript();
  if (!t.isCallExpression(call)) return false;
  const callee = call.expression;
  if (t.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    if (ROUTE_METHODS.has(name.toLowerCase()) || REGISTERING.has(name)) return true;
  }
  return call.arguments.some((arg) => t.isIdentifier(unwrapSyntax(arg)));
}
