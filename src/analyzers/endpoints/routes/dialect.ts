import { Node, type CallExpression } from 'ts-morph';
import { staticString } from './static.js';

export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all'];

/** A route found on a router, or a call whose route cannot be read statically. */
export interface RouteCall {
  methods: string[];
  /** The path node (undefined when the route has no path, like Hono's `app.get(handler)`). */
  path: Node | undefined;
  /** The method could not be read. */
  dynamicMethod?: boolean;
}

export interface MountCall {
  /** Prefix node (undefined: mounted at the router's root). */
  prefix: Node | undefined;
  /** Expressions that may name a router or plugin. */
  targets: Node[];
}

/** What distinguishes one router-style framework (Express, Fastify, Koa Router, Hono) from another. */
export interface Dialect {
  name: string;
  /** Import specifiers that mark a file as using the framework. */
  modules: RegExp;
  /** Whether a variable initializer creates a router, and the prefix it carries. */
  routerFrom(init: Node): { prefix?: Node } | undefined;
  routeCall(method: string, call: CallExpression): RouteCall | undefined;
  mountCall(method: string, call: CallExpression): MountCall | undefined;
  /** Fastify plugins: the first parameter of a function is a router scoped to that function. */
  pluginParams?: boolean;
  /** Koa Router: `router.prefix('/x')`. */
  prefixCall?(method: string, call: CallExpression): Node | undefined;
  /** Express `router.route('/x')`: a call that yields a sub-route at a path. */
  subRouteCall?(method: string, call: CallExpression): Node | undefined;
}

/** The method name of `x.name(...)`, or undefined. */
export function calledMethod(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** Unwraps `a.b(...)` chains to their innermost callee name (`express.Router()` → `express.Router`). */
export function calleeText(node: Node): string | undefined {
  let n: Node = node;
  while (Node.isAwaitExpression(n) || Node.isParenthesizedExpression(n) || Node.isAsExpression(n)) n = n.getExpression();
  return Node.isCallExpression(n) || Node.isNewExpression(n) ? n.getExpression().getText() : undefined;
}

export function simpleRoute(method: string, call: CallExpression): RouteCall | undefined {
  if (!ROUTE_METHODS.includes(method)) return undefined;
  const args = call.getArguments();
  return { methods: [method === 'del' ? 'delete' : method], path: args[0] };
}

export function optionProperty(objectNode: Node | undefined, name: string): Node | undefined {
  if (!objectNode || !Node.isObjectLiteralExpression(objectNode)) return undefined;
  const prop = objectNode.getProperty(name);
  return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
}

/** Methods given as a string or array literal (`'GET'`, `['GET', 'HEAD']`). */
export function methodList(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  if (Node.isArrayLiteralExpression(node)) {
    const values = node.getElements().map((e) => staticString(e));
    return values.every((v): v is string => v !== undefined) ? values : undefined;
  }
  const one = staticString(node);
  return one === undefined ? undefined : [one];
}
