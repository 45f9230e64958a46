// A GitHub GraphQL client on @octokit/graphql: one endpoint, the token in a header only, retries with backoff,
// and every error turned into one scrubbed line (a server may echo the token back; it never reaches the output).
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { UsageError } from '../../util/errors.js';
import { oneLine } from '../../util/sanitize.js';

export const GITHUB_GRAPHQL = 'https://api.github.com/graphql';

export class GitHubError extends UsageError {
  constructor(problem: string, fix?: string) {
    super(problem, fix);
  }
}

export interface ClientOptions {
  token: string;
  /** The GraphQL endpoint, e.g. https://api.github.com/graphql or https://ghe.example.com/api/graphql. */
  endpoint: string;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** Longest wait the client accepts from `retry-after` or a rate-limit reset before giving up. */
  maxWaitSeconds?: number;
  /** First backoff delay; doubles on each retry. */
  backoffMs?: number;
  /** Told before each wait, with the reason. */
  onRetry?: (reason: string, waitMs: number) => void;
}

export type Variables = Record<string, string | number | boolean | null | undefined>;

export interface GitHubClient {
  endpoint: string;
  request<T>(document: string, variables?: Variables): Promise<T>;
}

/** The endpoint: `--api-url`, else GITHUB_GRAPHQL_URL, else GitHub.com. */
export function graphqlEndpoint(apiUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = apiUrl ?? env.GITHUB_GRAPHQL_URL ?? GITHUB_GRAPHQL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`GitHub API URL ${oneLine(raw).slice(0, 100)}: not a URL`, 'pass --api-url like https://ghe.example.com/api/graphql');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`GitHub API URL ${oneLine(raw).slice(0, 100)}: not http(s)`, 'pass --api-url like https://ghe.example.com/api/graphql');
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

/** Removes every form of the token from a text. */
export function scrub(text: string, token: string): string {
  if (token.length === 0) return text;
  let out = text;
  for (const form of new Set([token, encodeURIComponent(token), Buffer.from(token).toString('base64')])) out = out.split(form).join('[token]');
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

interface Failure {
  /** Retry after this many ms, or give up (undefined). */
  waitMs?: number;
  /** Why it failed or waits, in one line (not yet scrubbed). */
  reason: string;
  fix?: string;
}

/** Seconds until GitHub lets us try again, from `retry-after` or the rate-limit headers; undefined when not rate limited. */
function rateLimitWait(headers: Record<string, unknown> | undefined): number | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, (date - Date.now()) / 1000);
  }
  if (header(headers, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    return Number.isFinite(reset) ? Math.max(1, reset - Date.now() / 1000) : 60;
  }
  return undefined;
}

/** @octokit/request's HttpError (a transitive package, so recognised by shape rather than imported). */
interface HttpError extends Error {
  status: number;
  response?: { headers?: Record<string, unknown> };
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number';
}

function classify(error: unknown, attempt: number, options: Required<Pick<ClientOptions, 'backoffMs' | 'maxWaitSeconds'>>, endpoint: string): Failure {
  const backoff = options.backoffMs * 2 ** attempt;
  const rateLimited = (seconds: number, what: string): Failure =>
    seconds <= options.maxWaitSeconds
      ? { waitMs: Math.ceil(seconds * 1000), reason: what }
      : { reason: `${what}; GitHub asks to wait ${Math.ceil(seconds)} s`, fix: 'run again later, or use a token with a higher rate limit' };

  if (error instanceof GraphqlResponseError) {
    const first = (error.errors ?? [])[0] as { type?: string; message?: string } | undefined;
    const type = first?.type ?? '';
    const message = first?.message ?? error.message;
    if (type === 'RATE_LIMITED') {
      return rateLimited(rateLimitWait(error.headers as Record<string, unknown>) ?? backoff / 1000 + 1, 'GitHub rate limit exceeded');
    }
    if (type === 'NOT_FOUND') return { reason: `GitHub: not found: ${message}`, fix: 'check --github-repo and --pr, and that the token can see the repository' };
    if (type === 'FORBIDDEN' || type === 'INSUFFICIENT_SCOPES') {
      return { reason: `GitHub denied the request: ${message}`, fix: 'give the token `pull-requests: write` (and `contents: read`)' };
    }
    return { reason: `GitHub answered with an error: ${message}` };
  }
  if (isHttpError(error)) {
    const headers = error.response?.headers as Record<string, unknown> | undefined;
    const status = error.status;
    if (error.response === undefined) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const reason = `cannot reach GitHub at ${endpoint} (${error.message}${cause})`;
      return attempt < 2 ? { waitMs: backoff, reason } : { reason, fix: 'check the network and --api-url' };
    }
    if (status === 429 || status === 403) {
      const wait = rateLimitWait(headers);
      if (wait !== undefined || /rate limit/i.test(error.message)) return rateLimited(wait ?? backoff / 1000, `GitHub rate limit exceeded (HTTP ${status})`);
    }
    if (status === 401) return { reason: `GitHub refused the token (HTTP 401: ${error.message})`, fix: 'set GITHUB_TOKEN (or GH_TOKEN) to a valid token' };
    if (status === 403) {
      return { reason: `GitHub denied the request (HTTP 403: ${error.message})`, fix: 'give the token `pull-requests: write` (and `contents: read`)' };
    }
    if (status === 404) return { reason: `GitHub API not found at ${endpoint} (HTTP 404)`, fix: 'check --api-url or GITHUB_GRAPHQL_URL' };
    if (status >= 500) {
      const reason = `GitHub failed (HTTP ${status}: ${error.message})`;
      return attempt < 2 ? { waitMs: backoff, reason } : { reason, fix: 'run again later' };
    }
    return { reason: `GitHub rejected the request (HTTP ${status}: ${error.message})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: `GitHub request failed: ${message}` };
}

export function createClient(options: ClientOptions): GitHubClient {
  const attempts = options.attempts ?? 4;
  const limits = { backoffMs: options.backoffMs ?? 1000, maxWaitSeconds: options.maxWaitSeconds ?? 120 };
  const { token, endpoint } = options;
  const base = endpoint.replace(/\/graphql$/, '');
  const client = graphql.defaults({
    baseUrl: base,
    url: endpoint.endsWith('/graphql') ? '/graphql' : endpoint,
    headers: { authorization: `bearer ${token}`, 'user-agent': 'rollback-ready' },
  });
  const clean = (text: string) => oneLine(scrub(text, token)).slice(0, 400);
  return {
    endpoint,
    async request<T>(document: string, variables: Variables = {}): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await client<T>(document, variables);
        } catch (error) {
          const failure = classify(error, attempt, limits, endpoint);
          if (failure.waitMs === undefined || attempt + 1 >= attempts) {
            const tries = attempt > 0 ? ` (gave up after ${attempt + 1} attempts)` : '';
            throw new GitHubError(clean(`${failure.reason}${tries}`), failure.fix);
          }
          options.onRetry?.(clean(`${failure.reason}; retrying in ${Math.ceil(failure.waitMs / 1000)} s`), failure.waitMs);
          await sleep(failure.waitMs);
        }
      }
    },
  };
}
