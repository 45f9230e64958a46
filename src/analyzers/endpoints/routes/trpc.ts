import { Node, SyntaxKind } from '../../../parse/typescript/morph.js';
import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import { isTest } from '../../../parse/kinds.js';
import { joinPaths, type Endpoint } from '../identity.js';
import type { CodeReader } from './code-context.js';
import type { Composer } from './compose.js';
import { evaluateWithImports, type ImportedConstants } from './constants.js';
import { TRPC_ADAPTERS } from '../../greps.js';
import { nextRoutePath } from './detect.js';
import { Scopes } from './scope.js';
import { excerpt, exportsOf, partialValues, staticValues, topLevel, type ImportedValues, lineOf } from './static.js';
import { unwrapTypes } from './unwrap.js';

// tRPC: procedures by router key path (`spaces.updateShowBranding`), and the HTTP paths they are served at: the
// tRPC handler's endpoint (`fetchRequestHandler({ endpoint: '/api/trpc', router })`, a Next.js `[trpc]` route, an
// Express or Fastify mount) plus the key path, queries as GET and mutations as POST; procedures with OpenAPI meta
// (`.meta({ openapi: { method, path } })`) also at the OpenAPI handler's endpoint plus their REST path.

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export type TrpcEntry =
  | { kind: 'procedure'; key: string; type: ProcedureType; file: string; line: number; openapi: { method: string; path: string }[] }
  /** An imported router or procedure, read only when the two sides differ there. */
  | { kind: 'ref'; key: string; file: string; line: number; module: string; exported: string; target?: string }
  | { kind: 'unresolved'; key: string; file: string; line: number; code: string };

/** Where a router is mounted: under which key path of which root router. */
export interface Mounting {
  keyPrefix: string;
  root: string;
}

const ROUTER_CALL = /(^|\.)(router|createTRPCRouter|createRouter|createTRPCRouterWithMeta)$/;
const MERGE_CALL = /(^|\.)mergeRouters$/;
const MAX_DEPTH = 8;

const keyOf = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function prop(object: Node | undefined, name: string): Node | undefined {
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  const p = object.getProperty(name);
  return p && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
}

/** `publicProcedure.input(x).meta(m).mutation(fn)`: its type and the arguments of `.meta()` along the chain. */
function procedureChain(node: Node): { type: ProcedureType; metas: Node[] } | undefined {
  const n = unwrapTypes(node);
  if (!Node.isCallExpression(n)) return undefined;
  const callee = n.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !['query', 'mutation', 'subscription'].includes(callee.getName())) return undefined;
  const metas: Node[] = [];
  for (let c: Node = callee.getExpression(); Node.isCallExpression(c);) {
    const inner = c.getExpression();
    if (!Node.isPropertyAccessExpression(inner)) break;
    if (inner.getName() === 'meta' && c.getArguments()[0]) metas.push(c.getArguments()[0]!);
    c = inner.getExpression();
  }
  return { type: callee.getName() as ProcedureType, metas };
}

/** `{ openapi: { method: 'POST', path: '/envelope/cancel' } }`, inline or a constant (imported or not). */
function openapiOf(metas: Node[], scopes: Scopes, imported: ImportedValues): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  for (const meta of metas) {
    let object: Node | undefined = unwrapTypes(meta);
    if (Node.isIdentifier(object)) {
      const decl = scopes.declarationOf(object);
      object = decl?.kind === 'variable' ? decl.init : decl?.kind === 'import' ? imported.lookup(scopes.source, decl.name) : undefined;
      object = object ? unwrapTypes(object) : undefined;
    }
    const openapi = prop(object, 'openapi');
    const method = staticValues(prop(openapi ? unwrapTypes(openapi) : undefined, 'method'), imported)?.values[0];
    const path = staticValues(prop(openapi ? unwrapTypes(openapi) : undefined, 'path'), imported)?.values[0];
    if (method && path !== undefined) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

function isRouterCall(node: Node): node is Node & { getArguments(): Node[] } {
  return (
    Node.isCallExpression(node) && (ROUTER_CALL.test(node.getExpression().getText()) || MERGE_CALL.test(node.getExpression().getText()))
  );
}

/** Where a walk over router values is (its file and scopes, the imported constants) and what it found. */
interface Walk {
  file: string;
  scopes: Scopes;
  imported: ImportedValues;
  out: TrpcEntry[];
}

/** The entries under a router value: `router({...})`, `mergeRouters(a, b)`, a plain object of procedures. */
function entriesOf(value: Node, prefix: string, depth: number, walk: Walk): boolean {
  if (depth > MAX_DEPTH) return false;
  const n = unwrapTypes(value);
  if (Node.isCallExpression(n) && MERGE_CALL.test(n.getExpression().getText())) {
    for (const arg of n.getArguments()) entriesOf(arg, prefix, depth + 1, walk);
    return true;
  }
  const object = Node.isCallExpression(n) && ROUTER_CALL.test(n.getExpression().getText()) ? unwrapTypes(n.getArguments()[0] ?? n) : n;
  if (!Node.isObjectLiteralExpression(object)) {
    if (Node.isIdentifier(n)) return entryOfIdentifier(n, prefix, depth, walk);
    return false;
  }
  for (const property of object.getProperties()) {
    if (Node.isSpreadAssignment(property)) {
      entriesOf(property.getExpression(), prefix, depth + 1, walk);
      continue;
    }
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) continue;
    const key = keyOf(prefix, property.getName().replace(/^['"]|['"]$/g, ''));
    const init = Node.isPropertyAssignment(property) ? property.getInitializer() : property.getNameNode();
    if (!init) continue;
    if (!entryOfValue(init, key, depth + 1, walk)) {
      walk.out.push({ kind: 'unresolved', key, file: walk.file, line: lineOf(property), code: excerpt(property.getText(), 120) });
    }
  }
  return true;
}

function entryOfValue(value: Node, key: string, depth: number, walk: Walk): boolean {
  const chain = procedureChain(value);
  if (chain) {
    const openapi = openapiOf(chain.metas, walk.scopes, walk.imported);
    walk.out.push({ kind: 'procedure', key, type: chain.type, file: walk.file, line: lineOf(value), openapi });
    return true;
  }
  const n = unwrapTypes(value);
  if (Node.isIdentifier(n)) return entryOfIdentifier(n, key, depth, walk);
  return entriesOf(n, key, depth, walk);
}

function entryOfIdentifier(id: Node, key: string, depth: number, walk: Walk): boolean {
  const { file, scopes, out } = walk;
  const decl = scopes.declarationOf(id);
  if (decl?.kind === 'variable' && decl.init) return entryOfValue(decl.init, key, depth + 1, walk);
  if (decl?.kind === 'import' && decl.imported !== '*') {
    out.push({ kind: 'ref', key, file, line: lineOf(id), module: decl.module, exported: decl.imported });
    return true;
  }
  return false;
}

/** Router values of a file: each `router(...)`/`mergeRouters(...)` call not nested in another. */
function routerValues(source: SourceFile): Node[] {
  const values: Node[] = [];
  for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (!isRouterCall(call) || call.getFirstAncestor((a) => isRouterCall(a)) !== undefined) continue;
    const arg = call.getArguments()[0];
    if (ROUTER_CALL.test(call.getExpression().getText()) && (!arg || !Node.isObjectLiteralExpression(unwrapTypes(arg)))) continue;
    values.push(call);
  }
  return values;
}

/** The variable a router value is assigned to (`export const appRouter = router({...})`). */
function declaredName(value: Node): string | undefined {
  let n: Node | undefined = value.getParent();
  while (n && (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n))) n = n.getParent();
  return n && Node.isVariableDeclaration(n) ? n.getName() : undefined;
}

export interface TrpcSide {
  reader: CodeReader;
  side: Side;
  constants: ImportedConstants;
  composer: Composer;
}

export interface TrpcFile {
  /** Entries by full key path, with the root router they belong to (`file#name`). */
  entries: { root: string; entry: TrpcEntry }[];
}

/** The tRPC procedures one file declares at one side, with their key paths from the root router. */
export async function trpcFile(ctx: TrpcSide, file: string, source: SourceFile): Promise<TrpcFile> {
  const scopes = new Scopes(source);
  const out: TrpcFile = { entries: [] };
  for (const value of routerValues(source)) {
    const entries = await evaluateWithImports(ctx.constants, (imported) => {
      const found: TrpcEntry[] = [];
      entriesOf(value, '', 0, { file, scopes, imported, out: found });
      return found;
    });
    const name = declaredName(value);
    const mountings = name ? await mountingsOf(ctx, file, source, name, 0) : [];
    for (const m of mountings.length > 0 ? mountings : [{ keyPrefix: '', root: `${file}#${name ?? 'router'}` }]) {
      for (const entry of entries) out.entries.push({ root: m.root, entry: { ...entry, key: keyOf(m.keyPrefix, entry.key) } });
    }
  }
  // A procedure declared in a module of its own (`export const cancelRoute = authedProcedure.mutation(…)`): its key
  // is where a router mounts it.
  for (const statement of source.getStatements()) {
    if (!Node.isVariableStatement(statement) || !statement.hasExportKeyword()) continue;
    for (const decl of statement.getDeclarations()) {
      const init = decl.getInitializer();
      if (!init || !procedureChain(init)) continue;
      const entries = await evaluateWithImports(ctx.constants, (imported) => {
        const found: TrpcEntry[] = [];
        entryOfValue(init, '', 0, { file, scopes, imported, out: found });
        return found;
      });
      for (const m of await mountingsOf(ctx, file, source, decl.getName(), 0)) {
        if (m.keyPrefix) for (const entry of entries) out.entries.push({ root: m.root, entry: { ...entry, key: m.keyPrefix } });
      }
    }
  }
  return out;
}

/** The key paths a router (`file`'s const `name`) is mounted under in other routers, up to the roots. */
async function mountingsOf(ctx: TrpcSide, file: string, source: SourceFile, name: string, depth: number): Promise<Mounting[]> {
  if (depth > MAX_DEPTH) return [];
  const exported = [...exportsOf(source)].filter(([, local]) => local === name).map(([e]) => e);
  const out: Mounting[] = [];
  // Mounted by another router of the same file.
  const local = mountedIn(source, new Set([name]));
  for (const m of local) {
    const above = m.router ? await mountingsOf(ctx, file, source, m.router, depth + 1) : [];
    for (const a of above.length > 0 ? above : [{ keyPrefix: '', root: `${file}#${m.router ?? 'router'}` }])
      out.push({ keyPrefix: keyOf(a.keyPrefix, m.key), root: a.root });
  }
  if (exported.length === 0) return out;
  for (const importer of await ctx.reader.importers(ctx.side, file)) {
    if (isTest(importer.path)) continue;
    const theirs = await ctx.reader.source(ctx.side, importer.path);
    if (!theirs) continue;
    const names = new Set<string>();
    for (const imp of theirs.getImportDeclarations()) {
      if (imp.getModuleSpecifierValue() !== importer.specifier) continue;
      const def = imp.getDefaultImport();
      if (def && exported.includes('default')) names.add(def.getText());
      for (const named of imp.getNamedImports())
        if (exported.includes(named.getName())) names.add(named.getAliasNode()?.getText() ?? named.getName());
    }
    for (const m of mountedIn(theirs, names)) {
      const above = m.router ? await mountingsOf(ctx, importer.path, theirs, m.router, depth + 1) : [];
      for (const a of above.length > 0 ? above : [{ keyPrefix: '', root: `${importer.path}#${m.router ?? 'router'}` }])
        out.push({ keyPrefix: keyOf(a.keyPrefix, m.key), root: a.root });
    }
  }
  return out;
}

/** Where identifiers `names` appear as values of router objects in a file: the key path there and the router's name. */
function mountedIn(source: SourceFile, names: Set<string>): { key: string; router?: string }[] {
  const out: { key: string; router?: string }[] = [];
  if (names.size === 0) return out;
  for (const value of routerValues(source)) {
    const visit = (node: Node, prefix: string, depth: number) => {
      if (depth > MAX_DEPTH) return;
      const n = unwrapTypes(node);
      if (Node.isCallExpression(n) && MERGE_CALL.test(n.getExpression().getText())) {
        for (const arg of n.getArguments()) {
          const a = unwrapTypes(arg);
          if (Node.isIdentifier(a) && names.has(a.getText())) out.push({ key: prefix, router: declaredName(value) });
          else visit(a, prefix, depth + 1);
        }
        return;
      }
      const object = Node.isCallExpression(n) && ROUTER_CALL.test(n.getExpression().getText()) ? unwrapTypes(n.getArguments()[0] ?? n) : n;
      if (!Node.isObjectLiteralExpression(object)) return;
      for (const property of object.getProperties()) {
        if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) continue;
        const key = keyOf(prefix, property.getName().replace(/^['"]|['"]$/g, ''));
        const init = Node.isPropertyAssignment(property) ? unwrapTypes(property.getInitializer() ?? property) : property.getNameNode();
        if (Node.isIdentifier(init) && names.has(init.getText())) out.push({ key, router: declaredName(value) });
        else visit(init, key, depth + 1);
      }
    };
    visit(value, '', 0);
  }
  return out.filter((m) => m.key !== '' || m.router !== undefined);
}

/** Expands an imported entry: the router or procedure its module exports. */
export async function expandRef(ctx: TrpcSide, ref: TrpcEntry & { kind: 'ref' }): Promise<TrpcEntry[]> {
  const target = await ctx.reader.resolve(ctx.side, ref.file, ref.module);
  const source = target ? await ctx.reader.source(ctx.side, target) : undefined;
  if (!target || !source)
    return [{ kind: 'unresolved', key: ref.key, file: ref.file, line: ref.line, code: `${ref.exported} from ${excerpt(ref.module, 80)}` }];
  const local = exportsOf(source).get(ref.exported);
  const decl = local ? topLevel(source, local) : undefined;
  const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
  if (!init)
    return [{ kind: 'unresolved', key: ref.key, file: ref.file, line: ref.line, code: `${ref.exported} from ${excerpt(ref.module, 80)}` }];
  const scopes = new Scopes(source);
  return evaluateWithImports(ctx.constants, (imported) => {
    const found: TrpcEntry[] = [];
    if (!entryOfValue(init, ref.key, 0, { file: target, scopes, imported, out: found }))
      found.push({ kind: 'unresolved', key: ref.key, file: target, line: lineOf(init), code: excerpt(init.getText(), 120) });
    return found;
  });
}

/** Where the routers of one side are served over HTTP: tRPC endpoints and OpenAPI endpoints, by root router. */
export interface TrpcHandlers {
  trpc: Map<string, { path: string; unknown: string[] }[]>;
  openapi: Map<string, { path: string; unknown: string[] }[]>;
}

export async function trpcHandlers(ctx: TrpcSide): Promise<TrpcHandlers> {
  const handlers: TrpcHandlers = { trpc: new Map(), openapi: new Map() };
  const hits = await ctx.reader.grep(ctx.side, TRPC_ADAPTERS);
  for (const path of [...new Set(hits.map((h) => h.path))].sort()) {
    if (isTest(path)) continue;
    const parsed = await ctx.composer.file(path);
    if (!parsed) continue;
    for (const call of parsed.source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const name = call.getExpression().getText().split('.').pop()!;
      if (!TRPC_ADAPTERS.includes(name)) continue;
      const openapi = /OpenApi/.test(name);
      let options = unwrapTypes(call.getArguments()[0] ?? call);
      // fastify.register(fastifyTRPCPlugin, { prefix, trpcOptions: { router } })
      let registeredPrefix: Node | undefined;
      if (name === 'fastifyTRPCPlugin' || name === 'createOpenApiFastifyPlugin') {
        const register = call.getParent();
        if (!register || !Node.isCallExpression(register)) continue;
        options = unwrapTypes(register.getArguments()[1] ?? register);
        registeredPrefix = prop(options, 'prefix');
        options = unwrapTypes(prop(options, 'trpcOptions') ?? options);
      }
      const routerNode = prop(options, 'router');
      const root = routerNode ? await rootOf(ctx, path, parsed.scopes, routerNode) : undefined;
      if (!root) continue;
      const endpointNode = prop(options, 'endpoint') ?? registeredPrefix;
      let prefixes: { path: string; unknown: string[] }[];
      if (endpointNode) {
        const value = await evaluateWithImports(ctx.constants, (imported) => partialValues(endpointNode, imported));
        prefixes = value.values.map((v) => ({
          path: v,
          unknown: value.unknown.map((u) => `tRPC endpoint set at ${path}:${lineOf(call)} by a computed value \`${u}\``),
        }));
      } else if (name === 'createNextApiHandler' || name === 'createOpenApiNextHandler') {
        const route = nextRoutePath(path);
        prefixes = [
          {
            path: route ? route.path.replace(/\/\[{1,2}(\.\.\.)?[^/]*\]{1,2}$/, '') : '',
            unknown: route ? [] : [`tRPC handler at ${path} is not a Next.js API route`],
          },
        ];
      } else if (name === 'trpcServer') {
        prefixes = [{ path: '/trpc', unknown: [] }];
      } else {
        // An Express or HTTP adapter: served where its middleware is mounted.
        prefixes = (await ctx.composer.expressionPrefixes(parsed, call)).map((p) => ({ path: p.path, unknown: p.unknown }));
      }
      const map = openapi ? handlers.openapi : handlers.trpc;
      map.set(root, [...(map.get(root) ?? []), ...prefixes]);
    }
  }
  return handlers;
}

/** The root router an adapter's `router:` option names, as `file#local`. */
async function rootOf(ctx: TrpcSide, file: string, scopes: Scopes, node: Node): Promise<string | undefined> {
  const n = unwrapTypes(node);
  if (!Node.isIdentifier(n)) return undefined;
  const decl = scopes.declarationOf(n);
  if (decl?.kind === 'variable') return `${file}#${decl.name}`;
  if (decl?.kind !== 'import') return undefined;
  const target = await ctx.reader.resolve(ctx.side, file, decl.module);
  const source = target ? await ctx.reader.source(ctx.side, target) : undefined;
  const local = source ? exportsOf(source).get(decl.imported) : undefined;
  if (!target || !source || !local) return undefined;
  // A module that re-exports the router under another name (`export { appRouter as router }`) is followed once.
  return topLevel(source, local) ? `${target}#${local}` : undefined;
}

/** The HTTP endpoints of a procedure: its tRPC path, and its REST path when it has OpenAPI meta. */
export function procedureEndpoints(root: string, entry: TrpcEntry & { kind: 'procedure' }, handlers: TrpcHandlers): Endpoint[] {
  const out: Endpoint[] = [];
  const base = {
    procedure: entry.key,
    procedureType: entry.type,
    file: entry.file,
    line: entry.line,
    literal: entry.key.slice(entry.key.lastIndexOf('.') + 1),
  };
  const trpc = handlers.trpc.get(root) ?? [{ path: '', unknown: [`no tRPC HTTP handler found for the router ${root.replace('#', ' ')}`] }];
  for (const prefix of trpc) {
    out.push({
      ...base,
      method: entry.type === 'mutation' ? 'POST' : 'GET',
      path: joinPaths(prefix.path, entry.key),
      source: 'trpc',
      ...(prefix.unknown.length > 0 ? { prefixUnknown: prefix.unknown } : {}),
    });
  }
  if (entry.openapi.length > 0) {
    const rest = handlers.openapi.get(root) ?? [
      { path: '', unknown: [`no OpenAPI handler found for the router ${root.replace('#', ' ')}`] },
    ];
    for (const meta of entry.openapi) {
      for (const prefix of rest)
        out.push({
          ...base,
          method: meta.method,
          path: joinPaths(prefix.path, meta.path),
          source: 'trpc-openapi',
          ...(prefix.unknown.length > 0 ? { prefixUnknown: prefix.unknown } : {}),
        });
    }
  }
  return out;
}
