import { Node } from '../../../parse/typescript/morph.js';
import { unwrap } from './unwrap.js';

// The router-style frameworks (Express, Koa, Fastify, Hono): which module each comes from, and which calls create
// an application (served as is when nothing mounts it) or a router (served only where something mounts it).

export const FRAMEWORK_MODULES: readonly [name: string, module: RegExp][] = [
  ['express', /^express$/],
  ['koa', /^(koa|@koa\/router|koa-router|koa-tree-router)$/],
  ['fastify', /^fastify$/],
  ['hono', /^hono(\/.*)?$/],
];

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

export function frameworkOfModule(module: string): string | undefined {
  return FRAMEWORK_MODULES.find(([, re]) => re.test(module))?.[0];
}

/** A local name bound to an import of a framework module. */
export interface FrameworkBinding {
  framework: string;
  module: string;
  /** The imported name (`default`, `Router`, `*`). */
  name: string;
}

export interface Creation {
  framework: string;
  /** An application: served at the root when nothing mounts it. A router needs a mount. */
  app: boolean;
  /** Koa Router `{ prefix }`, Hono `.basePath()`. */
  prefix?: Node;
}

/**
 * Whether an initializer creates an app or a router, given the local names bound to each framework module
 * (`express` → `express`, `Router` → `koa`): `express()`, `express.Router()`, `new Koa()`, `new Router({ prefix })`,
 * `Fastify()`, `new Hono()`, `new Hono().basePath('/api')`.
 */
export function creationOf(init: Node, bindings: ReadonlyMap<string, FrameworkBinding>): Creation | undefined {
  let n = unwrap(init);
  let prefix: Node | undefined;
  if (Node.isCallExpression(n)) {
    const callee = n.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'basePath') {
      prefix = n.getArguments()[0];
      n = unwrap(callee.getExpression());
    }
  }
  if (!Node.isCallExpression(n) && !Node.isNewExpression(n)) return undefined;
  const callee = n.getExpression().getText();
  const head = callee.split('.')[0]!;
  const bound = bindings.get(head);
  const options = n.getArguments()[0];
  const optionPrefix = (): Node | undefined => {
    if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
    const prop = options.getProperty('prefix');
    return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
  };
  const framework = bound?.framework ?? guessFramework(callee);
  if (!framework) return undefined;
  if (framework === 'express') {
    if (/(^|\.)Router$/.test(callee)) return { framework, app: false };
    if (callee === head || callee === `${head}.default`) return { framework, app: true };
    return undefined;
  }
  if (framework === 'koa') {
    if (bound ? bound.module === 'koa' && bound.name !== 'Router' : /^Koa$/.test(callee)) return { framework, app: true };
    return { framework, app: false, prefix: optionPrefix() };
  }
  if (framework === 'fastify') return { framework, app: true };
  if (framework === 'hono') return /^(Hono|OpenAPIHono)$/.test(callee) || bound ? { framework, app: true, prefix } : undefined;
  return undefined;
}

/** Constructors known by name when the file does not import the framework itself (a re-exporting module). */
function guessFramework(callee: string): string | undefined {
  if (/^(express|express\.Router)$/.test(callee)) return 'express';
  if (/^(Hono|OpenAPIHono)$/.test(callee)) return 'hono';
  if (/^(Koa|KoaRouter)$/.test(callee)) return 'koa';
  if (/^(Fastify|fastify)$/.test(callee)) return 'fastify';
  return undefined;
}
