import { Node } from '../../../parse/typescript/morph.js';
import type { SourceFile } from 'ts-morph';
import { canonicalMethod, isCatchAll, joinPaths, type Endpoint } from '../identity.js';
import type { Composer, Prefix } from './compose.js';
import { evaluateWithImports, type ImportedConstants } from './constants.js';
import { readRoutes, type FileRoute } from './routers.js';

/** A route whose path or method is not static: a person checks it. */
export interface Unresolved {
  file: string;
  line: number;
  source: string;
  reason: string;
  /** The path expression (or the code) as written, bounded. */
  code: string;
  method?: string;
  /** What identifies the route between the two sides: file, router, method, path expression, handler. */
  key: string;
}

export interface CodeEndpoints {
  endpoints: Endpoint[];
  unresolved: Unresolved[];
  /** Files whose routers this file mounts (a route there moves with the mount), and the mount as written. */
  mounted: { file: string; code: string }[];
}

import { MAX_ROUTES_PER_FILE } from './limits.js';
import { unwrap } from './unwrap.js';

export interface SideRoutes {
  composer: Composer;
  constants: ImportedConstants;
}

/** Keys that tell apart two unresolved routes of one file, stable when the code around them moves. */
export function unresolvedKey(file: string, parts: string[], seen: Map<string, number>): string {
  const base = [file, ...parts.map((p) => p.replace(/\s+/g, ''))].join('\0');
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return `${base}\0${n}`;
}

/**
 * Every endpoint a router-style file (Express, Koa, Fastify, Hono) serves at one side: each route's path under
 * every prefix its router is served at.
 */
export async function routerEndpoints(ctx: SideRoutes, file: string, source: SourceFile): Promise<CodeEndpoints & { tooMany?: number }> {
  const out: CodeEndpoints = { endpoints: [], unresolved: [], mounted: [] };
  const parsed = await ctx.composer.file(file);
  if (!parsed || parsed.source !== source) return out;
  const routes = await evaluateWithImports(ctx.constants, (imported) => readRoutes(source, parsed.scopes, imported));
  if (routes.routes.length > MAX_ROUTES_PER_FILE) return { ...out, tooMany: routes.routes.length };
  const seen = new Map<string, number>();
  const prefixCache = new Map<FileRoute['receiver'], Prefix[]>();
  for (const route of routes.routes) {
    let prefixes = prefixCache.get(route.receiver);
    if (!prefixes) prefixCache.set(route.receiver, (prefixes = await ctx.composer.prefixesOf(parsed, route.receiver.decl)));
    if (prefixes.length === 0) prefixes = [{ path: '', unknown: [`${route.receiver.name} is mounted only where it mounts itself`] }];
    const source = routes.framework ?? prefixes.find((p) => p.framework)?.framework ?? route.receiver.creation?.framework ?? 'router';
    if (route.paths === undefined || route.methods.length === 0) {
      out.unresolved.push({
        file,
        line: route.line,
        source,
        reason: route.methods.length === 0 ? 'the route method is not static' : 'the route path is not static',
        code: route.methods.length === 0 ? route.code : route.pathText,
        ...(route.methods.length === 1 ? { method: canonicalMethod(route.methods[0]!) } : {}),
        key: unresolvedKey(file, [route.receiver.name, route.methods.join(','), route.pathText, route.handler], seen),
      });
      continue;
    }
    for (const prefix of prefixes) {
      for (const path of route.paths) {
        for (const method of route.methods) {
          const uncertain = [
            ...prefix.unknown,
            ...route.fromEnv.map((env) => `the path reads environment variable ${env} (its default is shown)`),
          ];
          out.endpoints.push({
            method: canonicalMethod(method),
            path: joinPaths(prefix.path, path),
            source,
            file,
            line: route.line,
            literal: path,
            ...(uncertain.length > 0 ? { prefixUnknown: uncertain } : {}),
            ...(isCatchAll(path) ? { fallback: true } : {}),
          });
        }
      }
    }
  }
  for (const mount of routes.mounts) {
    const target = await mountedFile(ctx, parsed.scopes, file, mount.target);
    if (target && target !== file) out.mounted.push({ file: target, code: `${file}\0${mount.code}` });
  }
  return out;
}

/** The module a mounted expression comes from (`users`, `users.routes()`, `mount('/x', api)`, `initApis(t)`). */
async function mountedFile(ctx: SideRoutes, scopes: import('./scope.js').Scopes, file: string, target: Node): Promise<string | undefined> {
  let n = unwrap(target);
  for (let i = 0; i < 4 && Node.isCallExpression(n); i++) {
    const callee = n.getExpression();
    if (Node.isPropertyAccessExpression(callee)) n = unwrap(callee.getExpression());
    else if (
      Node.isIdentifier(callee) &&
      scopes.declarationOf(callee)?.kind === 'import' &&
      /^koa-mount$/.test((scopes.declarationOf(callee) as { module: string }).module)
    )
      n = unwrap(n.getArguments()[n.getArguments().length - 1] ?? callee);
    else n = unwrap(callee);
  }
  if (!Node.isIdentifier(n)) return undefined;
  const decl = scopes.declarationOf(n);
  if (decl?.kind !== 'import') return undefined;
  return ctx.composer.resolveModule(file, decl.module);
}
