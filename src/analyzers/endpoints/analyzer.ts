import { globMatcher } from '../../util/glob.js';
import { pathAt, type Analyzer, type ChangedScript, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { RouteRef } from '../../model/facts/endpoints.js';
import { isScript, isTest } from '../../parse/kinds.js';
import type { ChangedFile, Side } from '../../model/report.js';
import { canonicalMethod, canonicalPath, EndpointSet, FILE_ROUTED, type Endpoint } from './identity.js';
import { DOCUMENTATION, specEndpoints } from './openapi/specs.js';
import { CodeReader } from './routes/code-context.js';
import { mayHaveRoutes, nestWithoutController, routeCallCount } from './routes/detect.js';
import { bindsImport } from './routes/bindings.js';
import { MAX_ROUTES_PER_FILE } from './routes/limits.js';
import type { FileEndpoints, SideReader, TrpcEntry, Unresolved } from './routes/index.js';
import { ServedSince } from './since.js';

type Routes = typeof import('./routes/index.js');

interface SideRoutes {
  endpoints: Endpoint[];
  unresolved: Unresolved[];
  /** Folders of the route files read, where a moved route would most likely land. */
  dirs: Set<string>;
  /** tRPC entries by root router and key path. */
  trpc: Map<string, { root: string; entry: TrpcEntry }>;
  /** Files with too many routes to compare, and how many. */
  tooMany: Map<string, number>;
  read: Set<string>;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
/** How deep the analysis follows routers that a changed file mounts (`app.use('/x', users)`). */
const MOUNT_DEPTH = 3;

function emptySide(): SideRoutes {
  return { endpoints: [], unresolved: [], dirs: new Set(), trpc: new Map(), tooMany: new Map(), read: new Set() };
}

function addFile(out: SideRoutes, file: string, found: FileEndpoints): void {
  out.read.add(file);
  out.endpoints.push(...found.endpoints);
  out.unresolved.push(...found.unresolved);
  if (found.tooMany !== undefined) out.tooMany.set(file, found.tooMany);
  for (const { root, entry } of found.trpc?.entries ?? []) out.trpc.set(`${root}\0${entry.key}`, { root, entry });
  if (found.endpoints.some((e) => !FILE_ROUTED.has(e.source))) out.dirs.add(dirOf(file));
}

/** The last literal segment of a path (`/api/users/:id/emails` → `emails`): what a file serving it must quote. */
function lastLiteral(path: string): string | undefined {
  return path
    .split('/')
    .filter((s) => s && !/[{}:[\]*$]/.test(s))
    .pop();
}

/** What the analyzer keeps of a changed script while the engine holds its trees: the sides where it imports Nest. */
type NestImports = Partial<Record<Side, true>>;

function readScript({ from, to }: ChangedScript): NestImports | undefined {
  const reading: NestImports = {};
  if (from?.syntax && bindsImport(from.syntax, '@nestjs/common')) reading.from = true;
  if (to?.syntax && bindsImport(to.syntax, '@nestjs/common')) reading.to = true;
  return reading.from || reading.to ? reading : undefined;
}

/** Endpoints of the changed route files at one side, and the mounts they make. */
async function changedRoutes(
  release: Release,
  side: SideReader,
  nest: ReadonlyMap<ChangedFile, NestImports>,
): Promise<SideRoutes & { mounts: Map<string, Set<string>> }> {
  const out = { ...emptySide(), mounts: new Map<string, Set<string>>() };
  for (const file of release.files) {
    const path = pathAt(file, side.side);
    if (!isScript(path) || isTest(path) || (side.side === 'from' ? !file.fromBlob : !file.toBlob)) continue;
    const text = release.content(file, side.side).text;
    if (text === undefined || !mayHaveRoutes(path, text)) continue;
    // A generated (or hostile) file of tens of thousands of routes is not parsed for routes: a person reviews it.
    const calls = routeCallCount(text);
    if (calls > MAX_ROUTES_PER_FILE) {
      out.tooMany.set(path, calls);
      continue;
    }
    // A Nest script with no controller (a service, a use case) is read as serving nothing, without parsing it again:
    // the same as reading it, down to the Nest configuration a Nest script has read first.
    if (nest.get(file)?.[side.side] && nestWithoutController(path, text)) {
      await side.nestConfig();
      out.read.add(path);
      continue;
    }
    // Through the reader, which hands out one tree per file: the composition of routers across files matches
    // files and declarations by identity, and the release's cache may have let an earlier tree of this file go.
    const source = await side.reader.source(side.side, path);
    if (!source) continue;
    const found = await side.endpoints(path, source);
    addFile(out, path, found);
    addMounts(out.mounts, found);
  }
  return out;
}

function addMounts(mounts: Map<string, Set<string>>, found: FileEndpoints): void {
  for (const m of found.mounted) {
    const set = mounts.get(m.file);
    if (set) set.add(m.code);
    else mounts.set(m.file, new Set([m.code]));
  }
}

const sameSet = (a: Set<string> | undefined, b: Set<string> | undefined) =>
  (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((x) => b?.has(x));

/**
 * Routers that changed files mount, read at both sides where a mount differs between them (added, removed, another
 * prefix), and below those: their routes move with the mount. Below a mount written the same at both sides nothing
 * moves, and nothing is read.
 */
async function mountedRoutes(
  reader: CodeReader,
  sides: Record<Side, SideReader>,
  state: Record<Side, SideRoutes & { mounts: Map<string, Set<string>> }>,
): Promise<void> {
  let dirty = new Set<string>();
  for (const file of new Set([...state.from.mounts.keys(), ...state.to.mounts.keys()])) {
    if (!sameSet(state.from.mounts.get(file), state.to.mounts.get(file)) || reader.isChanged('from', file) || reader.isChanged('to', file))
      dirty.add(file);
  }
  for (let depth = 0; depth < MOUNT_DEPTH && dirty.size > 0; depth++) {
    const next = new Set<string>();
    for (const path of [...dirty].sort()) {
      for (const side of ['from', 'to'] as const) {
        const out = state[side];
        if (out.read.has(path) || isTest(path)) continue;
        const source = await reader.source(side, path);
        if (!source) continue;
        const found = await sides[side].endpoints(path, source);
        addFile(out, path, found);
        // Everything below a moved router moves with it.
        for (const m of found.mounted) next.add(m.file);
      }
    }
    dirty = next;
  }
}

/**
 * GraphQL operations and output fields a code-first schema (@nestjs/graphql, type-graphql) declares in the changed
 * files at `from` and not at `to`: the same contract as a schema file's, judged by graphql-schema-narrowed.
 */
async function codeFirstSchema(release: Release, routes: Routes): Promise<Fact[]> {
  const elements: Record<Side, Map<string, import('./routes/graphql.js').SchemaElement>> = { from: new Map(), to: new Map() };
  for (const file of release.files) {
    for (const side of ['from', 'to'] as const) {
      const path = pathAt(file, side);
      if (!isScript(path) || isTest(path) || (side === 'from' ? !file.fromBlob : !file.toBlob)) continue;
      const text = release.content(file, side).text;
      if (text === undefined || !/['"](@nestjs\/graphql|type-graphql)['"]/.test(text)) continue;
      const source = (await release.tree(side, path))?.morph();
      if (!source || !routes.isCodeFirstSchema(source)) continue;
      for (const element of routes.schemaElements(path, source))
        if (!elements[side].has(element.symbol)) elements[side].set(element.symbol, element);
    }
  }
  const facts: Fact[] = [];
  for (const [symbol, e] of elements.from) {
    if (elements.to.has(symbol)) continue;
    // A type the target does not have is one finding: its fields go with it.
    if (e.owner && elements.from.has(e.owner) && !elements.to.has(e.owner)) continue;
    const what = e.kind === 'field' || e.kind === 'type' ? `${e.kind} ${symbol}` : `${e.kind} ${symbol.slice(symbol.indexOf('.') + 1)}`;
    facts.push({
      kind: 'contract.change',
      path: e.file,
      line: e.line,
      surface: 'public',
      entry: 'the GraphQL API',
      symbol,
      aspect: 'graphql',
      change: 'removed',
      detail: `${what} removed`,
      before: e.text,
      fromAt: `${e.file}:${e.line}`,
    });
  }
  return facts;
}

const CONTROLLER = /\.controller\.[cm]?[jt]s$/;

/**
 * A Nest bootstrap changed by the release (global prefix, URI versioning, RouterModule paths) moves every
 * controller, changed or not: then the unchanged controllers are read at both sides (within the read budget).
 */
async function movedControllers(
  release: Release,
  reader: CodeReader,
  sides: Record<Side, SideReader>,
  read: Record<Side, Set<string>>,
): Promise<Record<Side, FileEndpoints[]>> {
  const out: Record<Side, FileEndpoints[]> = { from: [], to: [] };
  const touchesNest = release.files.some(
    (f) =>
      /(^|\/)(main|bootstrap|app\.module|[\w.-]+\.module)\.[cm]?[jt]s$/.test(f.path) ||
      /(^|\/)(main|bootstrap)\.[cm]?[jt]s$/.test(f.oldPath ?? ''),
  );
  if (!touchesNest) return out;
  if ((await sides.from.nestSignature()) === (await sides.to.nestSignature())) return out;
  for (const side of ['from', 'to'] as const) {
    for (const path of (await reader.files(side)).filter((p) => CONTROLLER.test(p) && !read[side].has(p) && !isTest(p))) {
      const source = await reader.source(side, path);
      if (source) out[side].push(await sides[side].endpoints(path, source));
    }
  }
  return out;
}

/**
 * Unchanged route files at `to` beside the changed ones, and those matching `api.routeRoots`:
 * a route moved there is still served.
 */
async function neighbourEndpoints(
  release: Release,
  reader: CodeReader,
  side: SideReader,
  dirs: Set<string>,
  read: Set<string>,
  removed: Endpoint[],
): Promise<Endpoint[]> {
  const out: Endpoint[] = [];
  // Only a file that quotes a piece of a removed path can serve it: the others are not parsed.
  const pieces = removed.map((e) => lastLiteral(e.literal ?? e.path));
  const needles = pieces.every((n) => n !== undefined) ? [...new Set(pieces as string[])] : [];
  const candidates: string[] = [];
  for (const dir of [...dirs].sort()) candidates.push(...(await reader.list('to', dir)));
  const roots = release.config.api.routeRoots;
  if (roots.length > 0) {
    const matches = globMatcher(roots, { dot: true });
    candidates.push(...(await reader.files('to')).filter((p) => matches(p)));
  }
  for (const path of [...new Set(candidates)]) {
    if (read.has(path) || !isScript(path) || isTest(path)) continue;
    const text = await reader.text('to', path);
    if (text === undefined || !mayHaveRoutes(path, text) || (needles.length > 0 && !needles.some((n) => text.includes(n)))) continue;
    const source = await reader.source('to', path);
    if (source) out.push(...(await side.endpoints(path, source)).endpoints);
  }
  return out;
}

/**
 * Route files at `to` that may serve spec operations: scripts that quote one of the operations' last literal path
 * segments and look like route code (one grep for all of them).
 */
async function routeCodeFor(reader: CodeReader, side: SideReader, operations: Endpoint[], read: Set<string>): Promise<Endpoint[]> {
  const literals = [...new Set(operations.map((e) => lastLiteral(e.path)).filter((l): l is string => l !== undefined))];
  if (literals.length === 0) return [];
  const hits = await reader.grep(
    'to',
    literals.flatMap((l) => [`/${l}`, `'${l}`, `"${l}`, `\`${l}`]),
  );
  const out: Endpoint[] = [];
  for (const path of [...new Set(hits.map((h) => h.path))].sort().slice(0, 60)) {
    if (read.has(path) || isTest(path)) continue;
    const source = await reader.source('to', path);
    if (!source || !mayHaveRoutes(path, source.getFullText())) continue;
    out.push(...(await side.endpoints(path, source)).endpoints);
  }
  return out;
}

const ref = (e: Endpoint): RouteRef => ({ method: e.method, route: e.path, source: e.source, path: e.file, line: e.line });

/** tRPC entries compared key by key: an imported router or procedure is read only where the sides differ. */
async function trpcEndpoints(
  routes: Routes,
  sides: Record<Side, SideReader>,
  from: SideRoutes,
  to: SideRoutes,
): Promise<Record<Side, Endpoint[]>> {
  const out: Record<Side, Endpoint[]> = { from: [], to: [] };
  if (from.trpc.size === 0 && to.trpc.size === 0) return out;
  const pending: Record<Side, Map<string, { root: string; entry: TrpcEntry }>> = { from: new Map(from.trpc), to: new Map(to.trpc) };
  const handlers = { from: await sides.from.trpcHandlers(), to: await sides.to.trpcHandlers() };
  for (let round = 0; round < 6 && (pending.from.size > 0 || pending.to.size > 0); round++) {
    const next: Record<Side, Map<string, { root: string; entry: TrpcEntry }>> = { from: new Map(), to: new Map() };
    for (const key of new Set([...pending.from.keys(), ...pending.to.keys()])) {
      const a = pending.from.get(key);
      const b = pending.to.get(key);
      // The same module's export at both sides, unchanged by the release: the same procedures.
      if (
        a?.entry.kind === 'ref' &&
        b?.entry.kind === 'ref' &&
        a.entry.module === b.entry.module &&
        a.entry.exported === b.entry.exported
      ) {
        const fromTarget = await sides.from.reader.resolve('from', a.entry.file, a.entry.module);
        const toTarget = await sides.to.reader.resolve('to', b.entry.file, b.entry.module);
        if (
          fromTarget &&
          fromTarget === toTarget &&
          !sides.from.reader.isChanged('from', fromTarget) &&
          !sides.to.reader.isChanged('to', toTarget)
        )
          continue;
      }
      for (const [side, item] of [
        ['from', a],
        ['to', b],
      ] as const) {
        if (!item) continue;
        if (item.entry.kind === 'procedure') out[side].push(...routes.procedureEndpoints(item.root, item.entry, handlers[side]));
        else if (item.entry.kind === 'ref')
          for (const entry of await routes.expandRef(sides[side], item.entry))
            next[side].set(`${item.root}\0${entry.key}`, { root: item.root, entry });
        else if (item.entry.kind === 'unresolved')
          (side === 'from' ? from : to).unresolved.push({
            file: item.entry.file,
            line: item.entry.line,
            source: 'trpc',
            reason: `procedure or router "${item.entry.key}" not found statically`,
            code: item.entry.code,
            key: `trpc\0${item.root}\0${item.entry.key}`,
          });
      }
    }
    pending.from = next.from;
    pending.to = next.to;
  }
  return out;
}

/**
 * Endpoints served at `from` and not at `to`, from OpenAPI specs and from route code, compared over everything
 * read, whatever file or framework serves them; an endpoint another route at `to` answers is rerouted, not removed.
 */
export const endpointsAnalyzer: Analyzer<NestImports> = {
  name: 'endpoints',
  readScript,
  async analyze(release: Release, readings: ReadonlyMap<ChangedFile, NestImports>): Promise<Fact[]> {
    const facts: Fact[] = [];
    const reader = new CodeReader(release);
    const specs = await specEndpoints(release, reader, facts);
    const mayRoute = release.files.some((f) => isScript(f.path) || isScript(f.oldPath ?? ''));
    const routes: Routes | undefined = mayRoute || specs.from.endpoints.length > 0 ? await import('./routes/index.js') : undefined;
    const sides = routes ? { from: routes.newSideReader(reader, 'from'), to: routes.newSideReader(reader, 'to') } : undefined;
    let from: SideRoutes = emptySide();
    let to: SideRoutes = emptySide();
    if (routes && sides && mayRoute) {
      const read = { from: await changedRoutes(release, sides.from, readings), to: await changedRoutes(release, sides.to, readings) };
      await mountedRoutes(reader, sides, read);
      from = read.from;
      to = read.to;
      const controllers = await movedControllers(release, reader, sides, { from: from.read, to: to.read });
      for (const found of controllers.from) from.endpoints.push(...found.endpoints);
      for (const found of controllers.to) to.endpoints.push(...found.endpoints);
      const trpc = await trpcEndpoints(routes, sides, from, to);
      from.endpoints.push(...trpc.from);
      to.endpoints.push(...trpc.to);
      facts.push(...(await codeFirstSchema(release, routes)));
    }

    // A spec operation gone from the target's spec is confirmed against the target's route code: when the code
    // serves it, the spec and the code disagree, and nothing is removed.
    const mismatched = new Set<Endpoint>();
    const specServed = new EndpointSet(specs.to.endpoints);
    const goneFromSpec = specs.from.endpoints.filter((e) => !specServed.serves(e));
    if (sides && goneFromSpec.length > 0) {
      const code = [...to.endpoints, ...(await routeCodeFor(reader, sides.to, goneFromSpec, to.read))];
      const set = new EndpointSet(code);
      for (const e of goneFromSpec) {
        const by = set.serves(e) ? code.find((c) => canonicalPath(c.path) === canonicalPath(e.path)) : set.answering(e);
        if (!by) continue;
        mismatched.add(e);
        facts.push({ kind: 'endpoint.spec-mismatch', path: e.file, line: e.line, method: e.method, route: e.path, servedBy: ref(by) });
      }
    }

    const served = new EndpointSet([...to.endpoints, ...specs.to.endpoints]);
    let removed = [...from.endpoints, ...goneFromSpec.filter((e) => !mismatched.has(e))].filter((e) => !served.serves(e));
    if (sides && removed.some((e) => e.source !== 'openapi')) {
      for (const e of await neighbourEndpoints(
        release,
        reader,
        sides.to,
        new Set([...from.dirs, ...to.dirs]),
        to.read,
        removed.filter((r) => r.source !== 'openapi'),
      ))
        served.add(e);
      removed = removed.filter((e) => !served.serves(e));
    }

    const since = new ServedSince(release);
    const seen = new Set<string>();
    const removedFiles = new Set<string>();
    for (const e of removed) {
      const key = `${canonicalMethod(e.method)} ${canonicalPath(e.path)} ${e.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const common = {
        path: e.file,
        line: e.line,
        method: e.method,
        route: e.path,
        ...(await since.of(e)),
        ...(e.prefixUnknown && e.prefixUnknown.length > 0 ? { prefixUnknown: [...new Set(e.prefixUnknown)] } : {}),
      };
      const answer = e.source === 'openapi' ? undefined : served.answering(e);
      if (answer) {
        facts.push({ kind: 'endpoint.rerouted', ...common, source: e.source, answeredBy: ref(answer) });
        continue;
      }
      removedFiles.add(e.file);
      if (e.source === 'trpc' && e.procedure && e.procedureType) {
        facts.push({ kind: 'procedure.removed', ...common, procedure: e.procedure, type: e.procedureType });
        continue;
      }
      facts.push({
        kind: 'endpoint.removed',
        ...common,
        source: e.source,
        ...('deprecated' in e && e.deprecated === true ? { deprecated: true } : {}),
        ...(e.procedure ? { procedure: e.procedure } : {}),
      });
    }

    // A route that cannot be read is reported where the running release has it, unless `to` has the same route.
    const stillDynamic = new Set(to.unresolved.map((u) => u.key));
    for (const u of from.unresolved) {
      if (stillDynamic.has(u.key)) continue;
      facts.push({
        kind: 'endpoint.unresolved',
        path: u.file,
        line: u.line,
        source: u.source,
        reason: u.reason,
        evidence: u.code,
        ...(u.method ? { method: u.method } : {}),
      });
    }
    for (const [file, count] of from.tooMany) {
      facts.push({
        kind: 'file.unreadable',
        path: file,
        side: 'from',
        reason: `${count.toLocaleString('en-US')} route registrations in one file: more than the analysis compares route by route (${MAX_ROUTES_PER_FILE.toLocaleString('en-US')})`,
      });
    }

    for (const file of specs.files) {
      const changed = release.files.find((f) => f.path === file || f.oldPath === file);
      if (!changed) continue;
      const touched = facts.some((f) => f.path === changed.path && (f.kind === 'endpoint.narrowed' || f.kind === 'webhook.removed'));
      const category = removedFiles.has(changed.path) ? 'endpoint-removal' : touched ? 'contract-change' : 'docs';
      facts.push({ kind: 'file.classified', path: changed.path, category, reason: 'OpenAPI spec or a part of one' });
    }
    for (const path of specs.documentation)
      facts.push({
        kind: 'file.classified',
        path,
        category: 'docs',
        reason: `an OpenAPI spec kept with the documentation (${DOCUMENTATION.exec(path)?.[2] ?? 'docs'}/): not read as the API unless api.specs names it`,
      });
    for (const path of removedFiles)
      if (!specs.files.has(path))
        facts.push({ kind: 'file.classified', path, category: 'endpoint-removal', reason: 'serves an endpoint the rollback removes' });
    facts.push({ kind: 'stat', path: '.', name: 'endpointsCompared', value: from.endpoints.length + specs.from.endpoints.length });
    facts.push({ kind: 'stat', path: '.', name: 'routeFilesRead', value: reader.reads });
    return facts;
  },
};
