import { globMatcher } from '../../util/glob.js';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { isScript, isTest } from '../../parse/kinds.js';
import type { Side } from '../../model/report.js';
import { canonicalMethod, canonicalPath, EndpointSet, type Endpoint } from './identity.js';
import { specEndpoints } from './openapi/specs.js';
import { CodeReader } from './routes/code-context.js';
import { mayHaveRoutes, NEST_BOOTSTRAP } from './routes/detect.js';
import type { Unresolved } from './routes/resolve.js';
import { firstServedIn } from './since.js';

interface SideRoutes {
  endpoints: Endpoint[];
  unresolved: Unresolved[];
  /** Folders of the route files read, where a moved route would most likely land. */
  dirs: Set<string>;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

async function changedRoutes(release: Release, reader: CodeReader, side: Side): Promise<SideRoutes> {
  const out: SideRoutes = { endpoints: [], unresolved: [], dirs: new Set() };
  for (const file of release.files) {
    const path = pathAt(file, side);
    if (!isScript(path) || isTest(path) || (side === 'from' ? !file.fromBlob : !file.toBlob)) continue;
    const text = release.content(file, side).text;
    if (text === undefined || !mayHaveRoutes(path, text)) continue;
    const { codeEndpoints } = await import('./routes/index.js');
    const found = await codeEndpoints(reader, side, path, release.sourceFile(side, path, text));
    out.endpoints.push(...found.endpoints);
    out.unresolved.push(...found.unresolved);
    out.dirs.add(dirOf(path));
  }
  return out;
}

const CONTROLLER = /\.controller\.[cm]?[jt]s$/;

/**
 * A NestJS global prefix changed by the release moves every controller, changed or not:
 * then the unchanged controllers are read at both sides (within the read budget).
 */
async function movedControllers(release: Release, reader: CodeReader): Promise<Record<Side, Endpoint[]>> {
  const out: Record<Side, Endpoint[]> = { from: [], to: [] };
  if (!release.files.some((f) => NEST_BOOTSTRAP.includes(f.path) || NEST_BOOTSTRAP.includes(f.oldPath ?? ''))) return out;
  // The route readers load ts-morph: only when a bootstrap file changed.
  const { nestPrefix, codeEndpoints } = await import('./routes/index.js');
  if ((await nestPrefix(reader, 'from')) === (await nestPrefix(reader, 'to'))) return out;
  const changed = new Set(release.files.flatMap((f) => [f.path, f.oldPath ?? f.path]));
  for (const side of ['from', 'to'] as const) {
    for (const path of (await release.listFiles(side, '')).filter((p) => CONTROLLER.test(p) && !changed.has(p) && !isTest(p))) {
      const source = await reader.source(side, path);
      if (source) out[side].push(...(await codeEndpoints(reader, side, path, source)).endpoints);
    }
  }
  return out;
}

/**
 * Unchanged route files at `to` beside the changed ones, and those matching `api.routeRoots`:
 * a route moved there is still served.
 */
async function neighbourEndpoints(release: Release, reader: CodeReader, dirs: Set<string>): Promise<Endpoint[]> {
  const changed = new Set(release.files.map((f) => pathAt(f, 'to')));
  const out: Endpoint[] = [];
  const candidates: string[] = [];
  for (const dir of [...dirs].sort()) candidates.push(...(await reader.list('to', dir)));
  const roots = release.config.api.routeRoots;
  if (roots.length > 0) {
    const matches = globMatcher(roots, { dot: true });
    candidates.push(...(await release.listFiles('to', '')).filter((p) => matches(p)));
  }
  for (const path of [...new Set(candidates)]) {
    if (changed.has(path) || !isScript(path) || isTest(path)) continue;
    const source = await reader.source('to', path);
    if (!source || !mayHaveRoutes(path, source.getFullText())) continue;
    const { codeEndpoints } = await import('./routes/index.js');
    out.push(...(await codeEndpoints(reader, 'to', path, source)).endpoints);
  }
  return out;
}

/**
 * Endpoints served at `from` and not at `to`, from OpenAPI specs and from route code, compared as
 * sets of (method, path template) over everything read, whatever file or framework serves them.
 */
export const endpointsAnalyzer: Analyzer = {
  name: 'endpoints',
  async analyze(release: Release): Promise<Fact[]> {
    const facts: Fact[] = [];
    const reader = new CodeReader(release);
    const specs = await specEndpoints(release, facts);
    const from = await changedRoutes(release, reader, 'from');
    const to = await changedRoutes(release, reader, 'to');
    const controllers = await movedControllers(release, reader);
    from.endpoints.push(...controllers.from);
    to.endpoints.push(...controllers.to);

    const served = new EndpointSet([...to.endpoints, ...specs.to.endpoints]);
    let removed = [...from.endpoints, ...specs.from.endpoints].filter((e) => !served.serves(e));
    if (removed.some((e) => e.source !== 'openapi')) {
      for (const e of await neighbourEndpoints(release, reader, new Set([...from.dirs, ...to.dirs]))) served.add(e);
      removed = removed.filter((e) => !served.serves(e));
    }

    const seen = new Set<string>();
    const removedFiles = new Set<string>();
    for (const e of removed) {
      const key = `${canonicalMethod(e.method)} ${canonicalPath(e.path)} ${e.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      removedFiles.add(e.file);
      const since = await firstServedIn(release, e);
      facts.push({
        kind: 'endpoint.removed',
        path: e.file,
        line: e.line,
        method: e.method,
        route: e.path,
        source: e.source,
        ...(since ? { since } : {}),
        ...('deprecated' in e && e.deprecated === true ? { deprecated: true } : {}),
      });
    }

    // A dynamic route is reported where the running release has it, unless `to` has the same code.
    const stillDynamic = new Set(to.unresolved.map((u) => `${u.reason}\0${u.code}`));
    for (const u of from.unresolved) {
      if (stillDynamic.has(`${u.reason}\0${u.code}`)) continue;
      facts.push({ kind: 'endpoint.unresolved', path: u.file, line: u.line, source: u.source, reason: u.reason, evidence: u.code });
    }

    for (const file of specs.files) {
      const changed = release.files.find((f) => f.path === file || f.oldPath === file);
      if (!changed) continue;
      const touched = facts.some((f) => f.path === changed.path && (f.kind === 'endpoint.narrowed' || f.kind === 'webhook.removed'));
      const category = removedFiles.has(changed.path) ? 'endpoint-removal' : touched ? 'contract-change' : 'docs';
      facts.push({ kind: 'file.classified', path: changed.path, category, reason: 'OpenAPI spec or a part of one' });
    }
    for (const path of removedFiles) if (!specs.files.has(path)) facts.push({ kind: 'file.classified', path, category: 'endpoint-removal', reason: 'serves an endpoint the rollback removes' });
    facts.push({ kind: 'stat', path: '.', name: 'endpointsCompared', value: from.endpoints.length + specs.from.endpoints.length });
    facts.push({ kind: 'stat', path: '.', name: 'routeFilesRead', value: reader.reads });
    return facts;
  },
};
