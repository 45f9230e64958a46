import { globMatcher } from '../../../util/glob.js';
import type { Release } from '../../analyzer.js';
import { pathAt } from '../../analyzer.js';
import type { Fact } from '../../../model/facts.js';
import type { Side } from '../../../model/report.js';
import { canonicalMethod, canonicalPath, type Endpoint } from '../identity.js';
import { loadSpec, looksLikeSpec, SpecParts, type LoadedSpec } from './load.js';
import { collisionsOf, operationsOf, webhooksOf, type Operation } from './operations.js';
import { narrowing } from './narrowing.js';
import type { CodeReader } from '../routes/code-context.js';
import { excerpt } from '../../../util/sanitize.js';

const DATA_FILE = /\.(ya?ml|json)$/i;
const CONVENTION = /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$|(^|\/)(openapi|api-docs)\/.*\.(ya?ml|json)$/i;

export interface SpecSide {
  endpoints: (Endpoint & { deprecated: boolean })[];
  operations: Map<string, Operation & { file: string }>;
  webhooks: Map<string, { file: string; line?: number; name: string; method: string }>;
}

/** Data files that are never OpenAPI fragments (lockfiles, tool configs, CI). */
const NOT_FRAGMENT = /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|composer\.(json|lock)|pnpm-lock\.yaml|\.[^/]+)$|(^|\/)\.github\//;
const ROOT_NAME = /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$/i;
/** Specs kept with the documentation (a docs site, files served as static assets) describe the API; they are not it. */
export const DOCUMENTATION = /(^|\/)(docs?|documentation|website|public|static)\//i;

/** Root specs to read at each side: changed specs, and the roots next to (or above) a changed fragment. */
async function specRoots(release: Release, reader: CodeReader): Promise<Record<Side, Set<string>> & { documentation: Set<string> }> {
  const roots = { from: new Set<string>(), to: new Set<string>(), documentation: new Set<string>() };
  const globs = release.config.api.specs;
  const configured = globs.length > 0 ? globMatcher(globs, { dot: true }) : undefined;
  const changedData = release.files.filter((f) => DATA_FILE.test(f.path) || DATA_FILE.test(f.oldPath ?? ''));
  if (changedData.length === 0) return roots;
  const isApi = (path: string) => configured?.(path) === true || !DOCUMENTATION.test(path);
  for (const side of ['from', 'to'] as const) {
    for (const file of changedData) {
      const path = pathAt(file, side);
      const text = release.content(file, side).text;
      if (text === undefined) continue;
      if (looksLikeSpec(text) || configured?.(path)) {
        if (isApi(path)) roots[side].add(path);
        else roots.documentation.add(file.path);
        continue;
      }
      if (NOT_FRAGMENT.test(path) && !CONVENTION.test(path)) continue;
      // A fragment: the specs that may reference it sit in its folder or above.
      let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      for (let i = 0; i < 4; i++) {
        for (const p of await reader.list(side, dir)) if (ROOT_NAME.test(p) && isApi(p)) roots[side].add(p);
        if (!dir) break;
        dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
      }
    }
    if (configured) for (const p of await reader.files(side)) if (configured(p)) roots[side].add(p);
  }
  return roots;
}

/** Templates named in one "ambiguous endpoint" fact; the rest are counted. */
const MAX_TEMPLATES = 5;

function emptySide(): SpecSide {
  return { endpoints: [], operations: new Map(), webhooks: new Map() };
}

/** Reads the specs of both sides; narrowing, webhook and collision facts are added to `facts`. */
export async function specEndpoints(
  release: Release,
  reader: CodeReader,
  facts: Fact[],
): Promise<{ from: SpecSide; to: SpecSide; files: Set<string>; documentation: Set<string> }> {
  const roots = await specRoots(release, reader);
  const sides: Record<Side, SpecSide> = { from: emptySide(), to: emptySide() };
  const files = new Set<string>();
  const parts = new SpecParts();
  for (const side of ['from', 'to'] as const) {
    for (const path of [...roots[side]].sort()) {
      const read = await loadSpec(release, side, path, parts);
      if ('notSpec' in read) continue;
      files.add(path);
      if ('spec' in read) for (const part of read.spec.parts) files.add(part);
      if ('failed' in read) {
        facts.push({ kind: 'file.unreadable', path, line: read.line, side, reason: `OpenAPI spec not read: ${read.failed}` });
        continue;
      }
      addSpec(read.spec, sides[side], facts);
    }
  }
  for (const [key, op] of sides.from.operations) {
    const kept = sides.to.operations.get(key);
    if (!kept) continue;
    const { changes, beyond } = narrowing(op, kept);
    if (changes.length > 0)
      facts.push({
        kind: 'endpoint.narrowed',
        path: op.file,
        line: op.line(),
        method: op.method,
        route: op.route,
        change: changes.join('; '),
      });
    if (beyond.length > 0) {
      facts.push({
        kind: 'file.unreadable',
        path: op.file,
        line: op.line(),
        side: 'from',
        reason: `the schemas of ${op.method} ${excerpt(op.route, 120)} nest deeper than the comparison reads (${beyond.length > 3 ? `${beyond.slice(0, 3).join(', ')} and ${beyond.length - 3} more` : beyond.join(', ')}): what changed there is not known`,
      });
    }
  }
  for (const [key, hook] of sides.from.webhooks) {
    if (!sides.to.webhooks.has(key))
      facts.push({ kind: 'webhook.removed', path: hook.file, line: hook.line, name: hook.name, method: hook.method });
  }
  return { from: sides.from, to: sides.to, files, documentation: roots.documentation };
}

function addSpec(spec: LoadedSpec, side: SpecSide, facts: Fact[]): void {
  for (const u of spec.unresolved) {
    facts.push({
      kind: 'file.unreadable',
      path: spec.path,
      line: u.line,
      side: spec.side,
      reason: `unresolved $ref: ${u.reason}`,
      evidence: u.ref,
    });
  }
  const ops = operationsOf(spec);
  if (spec.side === 'from') {
    for (const c of collisionsOf(ops))
      facts.push({
        kind: 'endpoint.ambiguous',
        path: spec.path,
        line: c.line,
        method: c.method,
        templates: c.templates.slice(0, MAX_TEMPLATES),
        ...(c.templates.length > MAX_TEMPLATES ? { more: c.templates.length - MAX_TEMPLATES } : {}),
      });
  }
  for (const op of ops) {
    // The line is read only for an endpoint that is reported: most are served at both sides.
    side.endpoints.push({
      method: op.method,
      path: op.route,
      source: 'openapi',
      file: spec.path,
      get line() {
        return op.line() ?? 1;
      },
      literal: op.template,
      deprecated: op.deprecated,
    });
    side.operations.set(`${canonicalMethod(op.method)} ${canonicalPath(op.route)}`, { ...op, file: spec.path });
  }
  for (const hook of webhooksOf(spec)) side.webhooks.set(`${hook.method} ${hook.name}`, { ...hook, file: spec.path });
}
