// Facts about HTTP endpoints. `path`/`line` locate the endpoint at `from` (where clients reach it today).

/** An endpoint served at `from` that nothing serves at `to`. */
export interface EndpointRemovedFact {
  kind: 'endpoint.removed';
  path: string;
  line?: number;
  method: string;
  /** Full path with prefixes, as written. */
  route: string;
  /** Framework or `openapi` (with the spec file). */
  source: string;
  /** The oldest release tag in the range that already serves it. */
  since?: string;
  deprecated?: boolean;
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
  /** The code as written. */
  evidence: string;
}

/** Several templates of one spec collapse to the same endpoint: which one a client hits is not guessed. */
export interface EndpointAmbiguousFact {
  kind: 'endpoint.ambiguous';
  path: string;
  line?: number;
  method: string;
  templates: string[];
}

export type EndpointFact = EndpointRemovedFact | EndpointNarrowedFact | WebhookRemovedFact | RouteUnresolvedFact | EndpointAmbiguousFact;
