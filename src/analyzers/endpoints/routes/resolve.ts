import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import { canonicalMethod, joinPaths, type Endpoint } from '../identity.js';
import type { CodeReader } from './code-context.js';
import type { Dialect } from './dialect.js';
import { readRouters, type FileRouters } from './routers.js';
import { moduleCandidates } from './static.js';

export interface Unresolved {
  file: string;
  line: number;
  source: string;
  reason: string;
  code: string;
}

export interface CodeEndpoints {
  endpoints: Endpoint[];
  unresolved: Unresolved[];
}

const MAX_DEPTH = 4;

interface Ctx {
  reader: CodeReader;
  side: Side;
  dialect: Dialect;
  out: CodeEndpoints;
}

function routersOf(source: SourceFile, dialect: Dialect): FileRouters {
  return readRouters(source, dialect);
}

/** Routes under a router of a file, paths relative to it, following local and imported mounts. */
async function routesUnder(ctx: Ctx, file: string, routers: FileRouters, router: string, depth: number, seen: Set<string>): Promise<Endpoint[]> {
  const key = `${file}#${router}`;
  if (depth > MAX_DEPTH || seen.has(key)) return [];
  seen.add(key);
  const own = routers.routers.get(router);
  const out: Endpoint[] = [];
  if (own === undefined && routers.routers.has(router)) {
    ctx.out.unresolved.push({ file, line: routers.routerLines.get(router) ?? 1, source: routers.framework, reason: `the prefix of router "${router}" is not static`, code: router });
  }
  for (const route of routers.routes.filter((r) => r.router === router)) {
    if (route.path === undefined || route.methods.length === 0) {
      ctx.out.unresolved.push({
        file,
        line: route.line,
        source: routers.framework,
        reason: route.methods.length === 0 ? 'the route method is not static' : 'the route path is not static',
        code: route.code,
      });
      continue;
    }
    for (const method of route.methods) out.push({ method: canonicalMethod(method), path: joinPaths(own, route.path), source: routers.framework, file, line: route.line, literal: route.path });
  }
  for (const mount of routers.mounts.filter((m) => m.router === router)) {
    if (mount.prefix === undefined) {
      ctx.out.unresolved.push({ file, line: mount.line, source: routers.framework, reason: 'the mount prefix is not static', code: mount.code });
      continue;
    }
    const below = await mountedRoutes(ctx, file, routers, mount.target, depth, seen);
    for (const e of below) out.push({ ...e, path: joinPaths(own, mount.prefix, e.path) });
  }
  return out;
}

async function mountedRoutes(ctx: Ctx, file: string, routers: FileRouters, target: string, depth: number, seen: Set<string>): Promise<Endpoint[]> {
  if (routers.routers.has(target)) return routesUnder(ctx, file, routers, target, depth + 1, seen);
  const imported = routers.imports.get(target);
  if (!imported) return [];
  const found = await ctx.reader.firstExisting(ctx.side, moduleCandidates(file, imported.module));
  if (!found) return [];
  const theirs = routersOf(found.source, ctx.dialect);
  const local = theirs.exports.get(imported.name);
  return local ? routesUnder(ctx, found.path, theirs, local, depth + 1, seen) : [];
}

/** Prefixes under which another file mounts `exportName` of `file`: importers searched next to it and above. */
async function importerPrefixes(ctx: Ctx, file: string, exportName: string, depth: number): Promise<string[] | undefined> {
  if (depth > 2) return undefined;
  const dirs: string[] = [];
  let dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  for (let i = 0; i < 3; i++) {
    dirs.push(dir);
    if (!dir) break;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
  const prefixes: string[] = [];
  for (const d of dirs) {
    for (const candidate of await ctx.reader.list(ctx.side, d)) {
      if (candidate === file) continue;
      const source = await ctx.reader.source(ctx.side, candidate);
      if (!source) continue;
      const theirs = routersOf(source, ctx.dialect);
      for (const [local, imported] of theirs.imports) {
        if (imported.name !== exportName || !moduleCandidates(candidate, imported.module).includes(file)) continue;
        for (const mount of theirs.mounts.filter((m) => m.target === local && m.prefix !== undefined)) {
          const above = await routerPrefixes(ctx, candidate, theirs, mount.router, depth + 1);
          for (const p of above ?? ['']) prefixes.push(joinPaths(p, theirs.routers.get(mount.router), mount.prefix));
        }
      }
    }
  }
  return prefixes.length > 0 ? prefixes : undefined;
}

/** Full prefixes of a router that is not mounted in its own file. */
async function routerPrefixes(ctx: Ctx, file: string, routers: FileRouters, router: string, depth: number): Promise<string[] | undefined> {
  const exportName = [...routers.exports].find(([, local]) => local === router)?.[0];
  if (!exportName) return undefined;
  return importerPrefixes(ctx, file, exportName, depth);
}

/** Every endpoint a file serves at one side, with prefixes from the routers that mount it. */
export async function endpointsOfFile(reader: CodeReader, side: Side, file: string, source: SourceFile, dialect: Dialect): Promise<CodeEndpoints> {
  const out: CodeEndpoints = { endpoints: [], unresolved: [] };
  const ctx: Ctx = { reader, side, dialect, out };
  const routers = routersOf(source, dialect);
  const mountedHere = new Set(routers.mounts.map((m) => m.target));
  for (const router of routers.routers.keys()) {
    if (mountedHere.has(router)) continue;
    const relative = await routesUnder(ctx, file, routers, router, 0, new Set());
    if (relative.length === 0) continue;
    const prefixes = (await routerPrefixes(ctx, file, routers, router, 0)) ?? [''];
    for (const prefix of prefixes) for (const e of relative) out.endpoints.push({ ...e, path: joinPaths(prefix, e.path) });
  }
  return out;
}
