// A GitHub GraphQL client on @octokit/graphql: one endpoint, the token in a header only, retries with backoff
// for what may pass, and every error turned into one line. A server may echo the token back, in any form and in
// any field: it is taken out of every error and every string of every answer, so it never reaches the output.
// A server may also never answer, trickle, ask to wait for minutes, send a gigabyte or send garbage: all the
// requests of one client share one time limit, an answer is read up to a size limit, and an answer without the
// shape the query asks for is an error of one line.
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import type { z } from 'zod';
import { UsageError } from '../../util/errors.js';
import { excerpt, oneLine, redactSecret, stripInvisible } from '../../util/sanitize.js';

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
  /** Seconds all the requests of this client may take together, waits included (`--timeout`). */
  timeoutSeconds?: number;
  /** The largest answer read, in bytes; a larger one is an error. */
  maxResponseBytes?: number;
}

/** `--timeout`'s default. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** GitHub's answers to these queries are a few hundred kilobytes at most (100 comments of up to 64 KiB). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type Variables = Record<string, string | number | boolean | null | undefined>;

export interface GitHubClient {
  endpoint: string;
  /** Sends a query; its answer's `data` must have `shape` (a GitHubError says where it does not). */
  request<T>(document: string, variables: Variables, shape: z.ZodType<T>): Promise<T>;
}

/** The endpoint: `--api-url`, else GITHUB_GRAPHQL_URL, else GitHub.com. Never one with credentials in it. */
export function graphqlEndpoint(apiUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = apiUrl ?? env.GITHUB_GRAPHQL_URL ?? GITHUB_GRAPHQL;
  const source = apiUrl !== undefined ? '--api-url' : 'GITHUB_GRAPHQL_URL';
  const fix = 'pass --api-url like https://ghe.example.com/api/graphql';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Shown only when nothing in it can be a credential.
    const shown = raw.includes('@') ? '' : ` ${excerpt(raw, 100)}`;
    throw new UsageError(`${source}${shown}: not a URL`, fix);
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    throw new UsageError(
      `GitHub API URL ${excerpt(url.toString(), 200)} has a user name or password in it (${source})`,
      'remove them from the URL: the token goes in GITHUB_TOKEN (or GH_TOKEN) only',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`GitHub API URL ${excerpt(raw, 100)}: not http(s)`, fix);
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

/** Removes every form of the token from a text (see redactSecret). */
export function scrub(text: string, token: string): string {
  return redactSecret(text, token);
}

/** Every string in an answer, with the token taken out. */
function scrubDeep<T>(value: T, token: string): T {
  if (typeof value === 'string') return scrub(value, token) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => scrubDeep(item, token)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, token)])) as T;
  }
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An answer over the size limit, found while reading it. */
class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
  }
}

/** fetch, with the body read here up to `maxBytes` (then dropped, and the connection closed). */
function boundedFetch(maxBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new TooLarge(maxBytes);
    }
    if (!response.body) return response;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new TooLarge(maxBytes);
      }
      chunks.push(value);
    }
    return new Response(Buffer.concat(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

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

/** A request that failed on its way (refused, reset, timed out, name not resolved), not one that could not be made. */
function networkFailure(error: Error): boolean {
  // @octokit/request wraps fetch's TypeError, whose cause is the system error (with a code) when the network failed.
  const fetchError = error.cause;
  const cause = fetchError instanceof Error ? fetchError.cause : undefined;
  return typeof (cause as { code?: unknown } | undefined)?.code === 'string';
}

/** Text a server supplied (may hold the token), as a message may quote it: printable, bounded, in quotes. */
type Quote = (serverText: string) => string;

function classify(
  error: unknown,
  attempt: number,
  options: Required<Pick<ClientOptions, 'backoffMs' | 'maxWaitSeconds'>>,
  endpoint: string,
  quoted: Quote,
): Failure {
  const backoff = options.backoffMs * 2 ** attempt;
  const rateLimited = (seconds: number, what: string): Failure =>
    seconds <= options.maxWaitSeconds
      ? { waitMs: Math.ceil(seconds * 1000), reason: what }
      : { reason: `${what}; GitHub asks to wait ${Math.ceil(seconds)} s`, fix: 'run again later, or use a token with a higher rate limit' };

  if (error instanceof GraphqlResponseError) {
    const first = (error.errors ?? [])[0] as { type?: string; message?: string } | undefined;
    const type = first?.type ?? '';
    const message = quoted(String(first?.message ?? error.message));
    if (type === 'RATE_LIMITED') {
      return rateLimited(rateLimitWait(error.headers as Record<string, unknown>) ?? backoff / 1000 + 1, 'GitHub rate limit exceeded');
    }
    if (type === 'NOT_FOUND')
      return { reason: `GitHub: not found: ${message}`, fix: 'check --github-repo and --pr, and that the token can see the repository' };
    if (type === 'FORBIDDEN' || type === 'INSUFFICIENT_SCOPES') {
      return { reason: `GitHub denied the request: ${message}`, fix: 'give the token `pull-requests: write` (and `contents: read`)' };
    }
    return { reason: `GitHub answered with an error: ${message}` };
  }
  if (isHttpError(error)) {
    const headers = error.response?.headers as Record<string, unknown> | undefined;
    const status = error.status;
    if (error.response === undefined) {
      const reason = `cannot reach GitHub at ${endpoint} (${quoted(error.message)})`;
      // Only a network failure may pass on a second try; a request that could not even be made will not.
      return attempt < 2 && networkFailure(error) ? { waitMs: backoff, reason } : { reason, fix: 'check the network and --api-url' };
    }
    const message = quoted(error.message);
    if (status === 429 || status === 403) {
      const wait = rateLimitWait(headers);
      if (wait !== undefined || /rate limit/i.test(error.message))
        return rateLimited(wait ?? backoff / 1000, `GitHub rate limit exceeded (HTTP ${status})`);
    }
    if (status === 401)
      return { reason: `GitHub refused the token (HTTP 401: ${message})`, fix: 'set GITHUB_TOKEN (or GH_TOKEN) to a valid token' };
    if (status === 403) {
      return {
        reason: `GitHub denied the request (HTTP 403: ${message})`,
        fix: 'give the token `pull-requests: write` (and `contents: read`)',
      };
    }
    if (status === 404) return { reason: `GitHub API not found at ${endpoint} (HTTP 404)`, fix: 'check --api-url or GITHUB_GRAPHQL_URL' };
    if (status >= 500) {
      const reason = `GitHub failed (HTTP ${status}: ${message})`;
      return attempt < 2 ? { waitMs: backoff, reason } : { reason, fix: 'run again later' };
    }
    return { reason: `GitHub rejected the request (HTTP ${status}: ${message})` };
  }
  return { reason: `GitHub request failed: ${quoted(error instanceof Error ? error.message : String(error))}` };
}

export function createClient(options: ClientOptions): GitHubClient {
  const attempts = options.attempts ?? 4;
  const limits = { backoffMs: options.backoffMs ?? 1000, maxWaitSeconds: options.maxWaitSeconds ?? 120 };
  const { token, endpoint } = options;
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  // Time spent in requests and waits so far: the analysis between two requests does not count.
  let spentMs = 0;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const base = endpoint.replace(/\/graphql$/, '');
  const client = graphql.defaults({
    baseUrl: base,
    url: endpoint.endsWith('/graphql') ? '/graphql' : endpoint,
    headers: { authorization: `bearer ${token}`, 'user-agent': 'rollback-ready' },
    request: { fetch: boundedFetch(maxBytes) },
  });
  const outOfTime = () =>
    new GitHubError(
      `GitHub did not answer within ${timeoutSeconds} s (--timeout), at ${endpoint}`,
      'run again later, or allow more time with --timeout',
    );
  // Control and format characters go first (a token with a BEL inside is whole once it is gone), then the token
  // in all its forms; only then is a text cut to length (a token cut in two would not be recognised).
  const printable = (text: string) => scrub(stripInvisible(text), token);
  const quote: Quote = (serverText) => `"${excerpt(printable(serverText), 160)}"`;
  const clean = (text: string) => oneLine(printable(text)).slice(0, 400);
  return {
    endpoint,
    async request<T>(document: string, variables: Variables, shape: z.ZodType<T>): Promise<T> {
      const started = Date.now();
      try {
        return await send(document, variables, shape, started + timeoutSeconds * 1000 - spentMs);
      } finally {
        spentMs += Date.now() - started;
      }
    },
  };

  /** One request, attempted until it passes, cannot pass, or `deadline` comes. */
  async function send<T>(document: string, variables: Variables, shape: z.ZodType<T>, deadline: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) throw outOfTime();
      let data: unknown;
      try {
        data = await client<unknown>(document, { ...variables, request: { signal: AbortSignal.timeout(left) } });
      } catch (error) {
        if (Date.now() >= deadline) throw outOfTime();
        if (error instanceof Error && error.cause instanceof TooLarge) {
          throw new GitHubError(
            `GitHub's answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, at ${endpoint}`,
            'check --api-url: GitHub answers these queries in a few hundred kilobytes',
          );
        }
        const failure = classify(error, attempt, limits, endpoint, quote);
        const waitMs = failure.waitMs;
        if (waitMs === undefined || attempt + 1 >= attempts || Date.now() + waitMs >= deadline) {
          const tries = attempt > 0 ? ` (gave up after ${attempt + 1} attempts)` : '';
          const late =
            waitMs !== undefined && attempt + 1 < attempts
              ? `; waiting ${Math.ceil(waitMs / 1000)} s would pass the ${timeoutSeconds} s of --timeout`
              : '';
          throw new GitHubError(
            clean(`${failure.reason}${tries}${late}`),
            failure.fix ?? (late ? 'run again later, or allow more time with --timeout' : undefined),
          );
        }
        options.onRetry?.(clean(`${failure.reason}; retrying in ${Math.ceil(waitMs / 1000)} s`), waitMs);
        await sleep(waitMs);
        continue;
      }
      const parsed = shape.safeParse(scrubDeep(data, token));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'data';
        throw new GitHubError(
          clean(`GitHub's answer at ${endpoint} is not what the query asks for (${where}: ${issue?.message ?? 'unexpected'})`),
          'check --api-url; if it is GitHub, run again later',
        );
      }
      return parsed.data;
    }
  }
}
