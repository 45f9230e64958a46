// Facts about HTTP endpoints. `path`/`line` locate the endpoint at `from` (where clients reach it today).

/** A route of the other side named in a fact: the one that answers instead, or serves what a spec dropped. */
export interface RouteRef {
  method: string;
  route: string;
  source: string;
  path: string;
  line: number;
}

/** An endpoint served at `from` that nothing serves at `to`. */
export interface EndpointRemovedFact {
  kind: 'endpoint.removed';
  path: string;
  line?: number;
  /** An HTTP method or `ALL`. */
  method: string;
  /** Full path with prefixes, as written. */
  route: string;
  /** Framework or `openapi` (with the spec file). */
  source: string;
  /** The oldest release tag in the range that already serves it. */
  since?: string;
  /** Why the release tags could not be looked through for `since` (absent: they were, and `since` is the answer). */
  sinceUnknown?: string;
  deprecated?: boolean;
  /** Why part of the path is not known (a mount prefix the tool could not read): the route holds what is. */
  prefixUnknown?: string[];
  /** The tRPC procedure that serves it (a procedure with OpenAPI meta). */
  procedure?: string;
}

/** A tRPC procedure served at `from` and not at `to`, with the HTTP path its handler serves it at. */
export interface ProcedureRemovedFact {
  kind: 'procedure.removed';
  path: string;
  line?: number;
  /** Key path from the root router (`spaces.updateShowBranding`). */
  procedure: string;
  type: 'query' | 'mutation' | 'subscription';
  method: string;
  route: string;
  since?: string;
  sinceUnknown?: string;
  prefixUnknown?: string[];
}

/**
 * An endpoint whose own route is gone at `to`, where another route (a parameter or wildcard one) answers its
 * requests: still served, by other code.
 */
export interface EndpointReroutedFact {
  kind: 'endpoint.rerouted';
  path: string;
  line?: number;
  method: string;
  route: string;
  source: string;
  answeredBy: RouteRef;
  since?: string;
  sinceUnknown?: string;
  prefixUnknown?: string[];
}

/** An operation the target's spec lacks while the target's route code serves it: spec and code disagree. */
export interface SpecCodeMismatchFact {
  kind: 'endpoint.spec-mismatch';
  path: string;
  line?: number;
  method: string;
  route: string;
  servedBy: RouteRef;
}

/** An operation kept by the rollback but narrowed: clients of `from` may send or expect what `to` refuses. */
export interface EndpointNarrowedFact {
  kind: 'endpoint.narrowed';
  path: string;
  line?: number;
  method: string;
  route: string;
  /** What narrows, in one phrase (`query parameter "limit" becomes required`). */
  change: string;
}

/** An OpenAPI 3.1 webhook (a call the app makes to its clients) present at `from` and gone at `to`. */
export interface WebhookRemovedFact {
  kind: 'webhook.removed';
  path: string;
  line?: number;
  name: string;
  method: string;
}

/** A route whose method or path is not a literal the tool can read: a person must check it. */
export interface RouteUnresolvedFact {
  kind: 'endpoint.unresolved';
  path: string;
  line?: number;
  source: string;
  reason: string;
  /** The path expression (or code) as written, bounded. */
  evidence: string;
  /** The method, when it is static. */
  method?: string;
}

/** Several templates of one spec collapse to the same endpoint: which one a client hits is not guessed. */
export interface EndpointAmbiguousFact {
  kind: 'endpoint.ambiguous';
  path: string;
  line?: number;
  method: string;
  /** The first templates (each as written); `more` counts the others. */
  templates: string[];
  more?: number;
}

export type EndpointFact =
  | EndpointRemovedFact
  | ProcedureRemovedFact
  | EndpointReroutedFact
  | SpecCodeMismatchFact
  | EndpointNarrowedFact
  | WebhookRemovedFact
  | RouteUnresolvedFact
  | EndpointAmbiguousFact;
