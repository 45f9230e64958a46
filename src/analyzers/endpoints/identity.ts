// What makes two endpoints the same: the method and the path template, whatever the parameter
// names, the parameter syntax (`:id`, `{id}`, `[id]`) or the file and framework serving them.

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;
/** A handler that serves every method (Express `all`, a Pages Router handler with no method check). */
export const ANY_METHOD = '*';

export interface Endpoint {
  /** Upper-case HTTP method, or `*` for every method. */
  method: string;
  /** Full path as written (prefixes applied, parameter names kept), for people. */
  path: string;
  /** `express`, `fastify`, …, or `openapi` for a spec. */
  source: string;
  file: string;
  line: number;
  /** The path as written in the file (relative to its router), to look for it in older versions. */
  literal?: string;
}

/** Joins path pieces with single slashes; no trailing slash except for the root. */
export function joinPaths(...parts: (string | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.trim())
    .join('/')
    .replace(/\/{2,}/g, '/');
  const withRoot = joined.startsWith('/') ? joined : `/${joined}`;
  return withRoot.length > 1 ? withRoot.replace(/\/+$/, '') : withRoot;
}

/** One path segment in canonical form: parameters become `{}`, catch-alls `{*}`. */
function canonicalSegment(segment: string): string {
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment)) return '{*?}';
  if (/^\[\.\.\.[^\]]+\]$/.test(segment) || segment === '*' || /^:[^/]*[*+]$/.test(segment) || /^\{[^}]*\*\}$/.test(segment)) return '{*}';
  if (/^:[A-Za-z0-9_$]+(\([^)]*\))?\?$/.test(segment)) return '{?}';
  if (/^:[A-Za-z0-9_$]+(\([^)]*\))?$/.test(segment) || /^\{[^}]+\}$/.test(segment) || /^\[[^\]]+\]$/.test(segment)) return '{}';
  // A parameter inside a segment (`file.{ext}`, `:from-:to`) keeps the literal parts.
  return segment.replace(/\{[^}]+\}/g, '{}').replace(/:[A-Za-z_$][A-Za-z0-9_$]*/g, '{}');
}

/** The path template two endpoints share when they are the same endpoint. */
export function canonicalPath(path: string): string {
  const joined = joinPaths(path);
  if (joined === '/') return '/';
  return '/' + joined.slice(1).split('/').map(canonicalSegment).join('/');
}

export function canonicalMethod(method: string): string {
  const m = method.trim().toUpperCase();
  return m === 'ALL' || m === 'ANY' || m === '*' ? ANY_METHOD : m;
}

export function endpointKey(method: string, path: string): string {
  return `${canonicalMethod(method)} ${canonicalPath(path)}`;
}

/** The endpoints of one side, indexed for "is this still served?". */
export class EndpointSet {
  private readonly byPath = new Map<string, Set<string>>();

  constructor(endpoints: Iterable<Pick<Endpoint, 'method' | 'path'>> = []) {
    for (const e of endpoints) this.add(e);
  }

  add(e: Pick<Endpoint, 'method' | 'path'>): void {
    const path = canonicalPath(e.path);
    let methods = this.byPath.get(path);
    if (!methods) this.byPath.set(path, (methods = new Set()));
    methods.add(canonicalMethod(e.method));
  }

  /** A handler for every method at `from` is still served if anything answers the path at `to`. */
  serves(e: Pick<Endpoint, 'method' | 'path'>): boolean {
    const methods = this.byPath.get(canonicalPath(e.path));
    if (!methods) return false;
    const method = canonicalMethod(e.method);
    if (method === ANY_METHOD) return methods.size > 0;
    return methods.has(method) || methods.has(ANY_METHOD) || (method === 'HEAD' && methods.has('GET'));
  }
}
