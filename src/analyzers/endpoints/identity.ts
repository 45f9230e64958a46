// What makes two endpoints the same: the method and the path template, whatever the parameter names, the
// parameter syntax (`:id`, `{id}`, `[id]`) or the file and framework serving them. And which route answers a
// request: a parameter or wildcard route answers the URLs of a literal or more specific one.

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;
/** A handler that serves every method (Express `all`, Nest `@All`, a Pages Router handler with no method check). */
export const ALL_METHODS = 'ALL';

export interface Endpoint {
  /** Upper-case HTTP method, or `ALL`. */
  method: string;
  /** Full path as served (prefixes applied, parameter names kept), for people. */
  path: string;
  /** `express`, `fastify`, …, or `openapi` for a spec. */
  source: string;
  file: string;
  line: number;
  /** The path as written in the file (relative to its router), to look for it in older versions. */
  literal?: string;
  /** Why part of the prefix is not known: the path holds what is. */
  prefixUnknown?: string[];
  /** A tRPC procedure's key path (`spaces.updateShowBranding`) and type, for endpoints that serve one. */
  procedure?: string;
  procedureType?: 'query' | 'mutation' | 'subscription';
  /** A catch-all registered as a router's fallback (`router.get('*', notFound)`): it answers nothing on purpose. */
  fallback?: boolean;
}

/** Sources whose routes are files: the path picks the file before the method is looked at. */
export const FILE_ROUTED = new Set(['next-app', 'next-pages', 'remix']);

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

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; optional: boolean; pattern?: RegExp }
  | { kind: 'mixed'; pattern: RegExp; canonical: string }
  | { kind: 'wild'; min: 0 | 1 };

const PARAM = /^(?::([A-Za-z0-9_$]+)|\{([^}*]+)\}|\[([^\].]+)\])(?:\(([^)]*)\)|\{([^}]*)\})?(\?)?$/;

/**
 * A route's parameter pattern (`:id(\\d+)`) comes from the repository: a long one, or a quantified group
 * (`(a+)+`), is not compiled, and the parameter then answers nothing it would need to be tested for.
 */
function safeRegExp(source: string): RegExp | undefined {
  if (source.length > 200 || /\([^)]*[+*][^)]*\)\s*[+*{]/.test(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return undefined;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseSegment(segment: string): Segment {
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment) || /^:[A-Za-z0-9_$]+\*$/.test(segment)) return { kind: 'wild', min: 0 };
  if (
    segment === '*' ||
    segment === '(.*)' ||
    /^\*[A-Za-z0-9_$]*$/.test(segment) ||
    /^\[\.\.\.[^\]]+\]$/.test(segment) ||
    /^:[A-Za-z0-9_$]+(\+|\(\.\*\))$/.test(segment) ||
    /^\{\*[^}]*\}$/.test(segment) ||
    /^\{[^}]*\*\}$/.test(segment)
  ) {
    return { kind: 'wild', min: 1 };
  }
  const param = PARAM.exec(segment);
  if (param) {
    const constraint = param[4] ?? param[5];
    const pattern = constraint ? safeRegExp(constraint.replace(/^\^/, '').replace(/\$$/, '')) : undefined;
    return { kind: 'param', optional: param[6] === '?', pattern: constraint && !pattern ? /(?!)/ : pattern };
  }
  if (/[:{[*]/.test(segment) && segment.length <= 200) {
    // A parameter inside a segment: `:id.:format`, `file.{ext}`, `v*`.
    let source = '';
    let canonical = '';
    const re = /:[A-Za-z_$][A-Za-z0-9_$]*|\{[^}]+\}|\[[^\]]+\]|\*/g;
    let last = 0;
    for (const m of segment.matchAll(re)) {
      source += escape(segment.slice(last, m.index)) + (m[0] === '*' ? '.*' : '[^/]+?');
      canonical += segment.slice(last, m.index) + '{}';
      last = m.index! + m[0].length;
    }
    source += escape(segment.slice(last));
    canonical += segment.slice(last);
    return { kind: 'mixed', pattern: new RegExp(`^${source}$`), canonical };
  }
  return { kind: 'literal', text: segment };
}

/** `{/:id}` (optional group) reads as `/:id?`. */
function parseTemplate(path: string): Segment[] {
  const normal = joinPaths(path.replace(/\{\/(:[A-Za-z0-9_$]+)\}/g, '/$1?'));
  return normal === '/' ? [] : normal.slice(1).split('/').map(parseSegment);
}

function canonicalSegment(s: Segment): string {
  if (s.kind === 'literal') return s.text;
  if (s.kind === 'wild') return s.min === 0 ? '{*?}' : '{*}';
  if (s.kind === 'param') return s.optional ? '{?}' : '{}';
  return s.canonical;
}

/** The path template two endpoints share when they are the same endpoint. */
export function canonicalPath(path: string): string {
  return '/' + parseTemplate(path).map(canonicalSegment).join('/');
}

export function canonicalMethod(method: string): string {
  const m = method.trim().toUpperCase();
  return m === 'ALL' || m === 'ANY' || m === '*' ? ALL_METHODS : m;
}

export function endpointKey(method: string, path: string): string {
  return `${canonicalMethod(method)} ${canonicalPath(path)}`;
}

/** Whether a handler for `served` answers a request for `method`. */
function methodAnswers(served: string, method: string): boolean {
  return served === method || served === ALL_METHODS || (method === 'HEAD' && served === 'GET');
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  param: { segment: Segment & { kind: 'param' }; node: TrieNode }[];
  mixed: { segment: Segment & { kind: 'mixed' }; node: TrieNode }[];
  /** Routes whose template ends in a wildcard starting here. */
  wild: { min: 0 | 1; endpoint: Endpoint }[];
  end: Endpoint[];
}

const node = (): TrieNode => ({ literal: new Map(), param: [], mixed: [], wild: [], end: [] });

/** How specific a template is: literal segments count most, wildcards least (the router prefers the most specific). */
function specificity(path: string): number {
  return parseTemplate(path).reduce((sum, s) => sum + (s.kind === 'literal' ? 4 : s.kind === 'mixed' ? 3 : s.kind === 'param' ? 2 : 0), 0);
}

/** The endpoints of one side, indexed for "is this still served?" and "which route answers it now?". */
export class EndpointSet {
  private readonly byPath = new Map<string, Set<string>>();
  private readonly root = node();

  constructor(endpoints: Iterable<Endpoint> = []) {
    for (const e of endpoints) this.add(e);
  }

  add(e: Endpoint): void {
    const path = canonicalPath(e.path);
    let methods = this.byPath.get(path);
    if (!methods) this.byPath.set(path, (methods = new Set()));
    methods.add(canonicalMethod(e.method));
    if (!e.fallback) this.insert(this.root, parseTemplate(e.path), 0, e);
  }

  private insert(at: TrieNode, segments: Segment[], i: number, e: Endpoint): void {
    if (i === segments.length) {
      at.end.push(e);
      return;
    }
    const s = segments[i]!;
    if (s.kind === 'literal') {
      let next = at.literal.get(s.text);
      if (!next) at.literal.set(s.text, (next = node()));
      this.insert(next, segments, i + 1, e);
    } else if (s.kind === 'wild') {
      at.wild.push({ min: s.min, endpoint: e });
    } else if (s.kind === 'param') {
      // An optional parameter answers with and without its segment.
      if (s.optional) this.insert(at, segments, i + 1, e);
      let entry = at.param.find((p) => p.segment.pattern?.source === s.pattern?.source);
      if (!entry) at.param.push((entry = { segment: s, node: node() }));
      this.insert(entry.node, segments, i + 1, e);
    } else {
      let entry = at.mixed.find((m) => m.segment.canonical === s.canonical);
      if (!entry) at.mixed.push((entry = { segment: s, node: node() }));
      this.insert(entry.node, segments, i + 1, e);
    }
  }

  /** Served under the same template: the same endpoint, whatever its parameter names. */
  serves(e: Pick<Endpoint, 'method' | 'path'>): boolean {
    const methods = this.byPath.get(canonicalPath(e.path));
    if (!methods) return false;
    const method = canonicalMethod(e.method);
    // A handler for every method at `from` is still served if anything answers the path at `to`.
    if (method === ALL_METHODS) return methods.size > 0;
    return [...methods].some((served) => methodAnswers(served, method));
  }

  /**
   * A route of another template that answers every request of `e` (a parameter or wildcard route covering a
   * literal or more specific one), the most specific first; fallbacks (catch-all 404 handlers) do not count.
   */
  answering(e: Pick<Endpoint, 'method' | 'path' | 'source'>): Endpoint | undefined {
    const method = canonicalMethod(e.method);
    // File-system routers (Next.js, Remix) pick the file by path first: a file for this very path owns it at the
    // target, whatever methods it answers, and no parameter route gets the request.
    if (FILE_ROUTED.has(e.source) && this.byPath.has(canonicalPath(e.path))) return undefined;
    const found: Endpoint[] = [];
    this.match(this.root, parseTemplate(e.path), 0, found, 0);
    const answers = found.filter((c) =>
      method === ALL_METHODS ? canonicalMethod(c.method) === ALL_METHODS : methodAnswers(canonicalMethod(c.method), method),
    );
    answers.sort((a, b) => specificity(b.path) - specificity(a.path) || a.file.localeCompare(b.file) || a.line - b.line);
    return answers[0];
  }

  private match(at: TrieNode, segments: Segment[], i: number, out: Endpoint[], budget: number): void {
    if (budget > 10_000 || out.length > 64) return;
    const remaining = segments.length - i;
    for (const w of at.wild) {
      // A wildcard at `to` answers what is left of the path, if there is enough of it, unless what is left is
      // itself open-ended in a way the wildcard is not.
      const rest = segments.slice(i);
      const minRest = rest.reduce((n, s) => n + (s.kind === 'wild' ? s.min : s.kind === 'param' && s.optional ? 0 : 1), 0);
      if (minRest >= w.min && remaining >= 0) out.push(w.endpoint);
    }
    if (i === segments.length) {
      out.push(...at.end);
      return;
    }
    const s = segments[i]!;
    if (s.kind === 'literal') {
      const next = at.literal.get(s.text);
      if (next) this.match(next, segments, i + 1, out, budget + 1);
      const testable = s.text.length <= 200;
      for (const p of at.param)
        if (!p.segment.pattern || (testable && p.segment.pattern.test(s.text))) this.match(p.node, segments, i + 1, out, budget + 1);
      for (const m of at.mixed) if (testable && m.segment.pattern.test(s.text)) this.match(m.node, segments, i + 1, out, budget + 1);
    } else if (s.kind === 'param' || s.kind === 'mixed') {
      for (const p of at.param)
        if (!p.segment.pattern || (s.kind === 'param' && p.segment.pattern.source === s.pattern?.source))
          this.match(p.node, segments, i + 1, out, budget + 1);
      if (s.kind === 'mixed')
        for (const m of at.mixed) if (m.segment.canonical === s.canonical) this.match(m.node, segments, i + 1, out, budget + 1);
      if (s.kind === 'param' && s.optional) this.match(at, segments, i + 1, out, budget + 1);
    }
  }
}

/** A route path that catches everything left over in its router (`*`, `(.*)`, `/*path`): a fallback, not a route of its own. */
export function isCatchAll(relative: string): boolean {
  const segments = parseTemplate(relative);
  return segments.length === 1 && segments[0]!.kind === 'wild';
}
