import type { RouteRef } from '../src/model/facts/endpoints.js';
import type { EndpointEvidence } from '../src/model/report.js';
import { clip, excerpt } from '../src/util/sanitize.js';

// Shared by the endpoint rules: how an endpoint reads in a message and in a finding's `endpoint` object.

interface Located {
  path: string;
  line?: number;
  method: string;
  route: string;
  source?: string;
  since?: string;
  sinceUnknown?: string;
  prefixUnknown?: string[];
  procedure?: string;
}

/** `GET /api/users/:id`: the method and the path, bounded (a path comes from the repository). */
export const endpointName = (method: string, route: string) => `${method} ${excerpt(route, 200)}`;

/** ` (prefix unknown: mounted at src/app.ts:40 by a computed value \`base\`)`, or nothing. */
export function prefixNote(fact: Pick<Located, 'prefixUnknown'>): string {
  const reasons = fact.prefixUnknown ?? [];
  if (reasons.length === 0) return '';
  const shown = reasons.slice(0, 2).map((r) => excerpt(r, 160));
  return ` (prefix unknown: ${shown.join('; ')}${reasons.length > 2 ? `; ${reasons.length - 2} more` : ''})`;
}

export const at = (r: { path: string; line?: number }) => `${r.path}${r.line ? `:${r.line}` : ''}`;

/** The longest path and reason an endpoint object quotes: both come from the repository. */
const MAX_PATH = 1000;
const MAX_REASONS = 5;

/** The endpoint object of a finding, its repository text bounded like the message's. */
export function endpointEvidence(fact: Located, extra: { answeredBy?: RouteRef } = {}): EndpointEvidence {
  const reasons = (fact.prefixUnknown ?? []).slice(0, MAX_REASONS).map((r) => clip(r, 300));
  return {
    method: fact.method,
    path: clip(fact.route, MAX_PATH),
    source: fact.source ?? 'openapi',
    file: fact.path,
    line: fact.line ?? 1,
    ...(fact.since ? { since: clip(fact.since, 200) } : {}),
    ...(fact.procedure ? { procedure: clip(fact.procedure, 300) } : {}),
    ...(reasons.length > 0 ? { prefixUnknown: reasons } : {}),
    ...(extra.answeredBy
      ? {
          answeredBy: {
            method: extra.answeredBy.method,
            path: clip(extra.answeredBy.route, MAX_PATH),
            source: extra.answeredBy.source,
            file: extra.answeredBy.path,
            line: extra.answeredBy.line,
          },
        }
      : {}),
  };
}

/** `GET /x (express) at src/app.ts:4; served since v1.1.0`: the prose evidence. */
export function evidenceText(fact: Located): string {
  const since = fact.since
    ? `served since ${fact.since}`
    : fact.sinceUnknown
      ? `served since: not known (${excerpt(fact.sinceUnknown, 200)})`
      : 'in no release tag of the range yet';
  return `${endpointName(fact.method, fact.route)} (${fact.source ?? 'openapi'}) at ${at(fact)}; ${since}`;
}
