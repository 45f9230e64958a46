// A local GitHub: an HTTP server on 127.0.0.1 that validates every query against GitHub's published schema
// and executes it with graphql's `execute`, with resolvers for the fields rollback-ready uses. It records
// every request and mutation, and can be told to fail the next requests (HTTP status, headers, body), to hang,
// to trickle, to send a huge body, or to hand out the same page of comments forever.
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { schema as published } from '@octokit/graphql-schema';
import { afterEach } from 'vitest';
import { buildClientSchema, execute, GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { BIN, ROOT, type CliResult } from './repo.js';

let cached: GraphQLSchema | undefined;
export function githubSchema(): GraphQLSchema {
  cached ??= buildClientSchema(published.json as never);
  return cached;
}

export interface FakeComment {
  id: string;
  body: string;
  author: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  baseRefName: string;
  headRefName: string;
  baseRefOid: string;
  headRefOid: string;
  comments: FakeComment[];
}

export interface FakeCommit {
  oid: string;
  pullRequests: { number: number; title: string; labels: string[]; merged?: boolean }[];
}

export interface FakeRepo {
  owner: string;
  name: string;
  pullRequests: FakePullRequest[];
  /** History of the default commit walk, newest first. */
  commits: FakeCommit[];
}

export interface CannedFailure {
  status: number;
  headers?: Record<string, string>;
  /**
   * Response body; `{token}` is replaced by the token the request carried (a server that echoes it). A function
   * gets that token and echoes it in whatever form it likes (with control characters inside, encoded ...).
   */
  body: string | ((token: string) => string);
  /**
   * How the body is sent: `hang` sends nothing at all, ever; `trickle` sends the headers and then one byte of
   * the body every 200 ms; `huge` sends the body and then this many more bytes of spaces, as fast as the client
   * reads them. Each stops when the client goes (or the server stops), and the last two after 10 minutes.
   */
  delivery?: 'hang' | 'trickle' | { huge: number };
}

/** Longest a trickled or huge answer goes on when nobody stops it: every loop of the server is bounded. */
const MAX_DELIVERY_MS = 10 * 60 * 1000;

export interface RecordedRequest {
  authorization?: string;
  query: string;
  variables: Record<string, unknown>;
  status: number;
  /** Bytes of the body sent before the answer ended or the client went. */
  sent?: number;
}

export interface Mutation {
  name: 'addComment' | 'updateIssueComment' | 'deleteIssueComment';
  input: Record<string, unknown>;
}

class TypedError extends GraphQLError {
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly mutations: Mutation[] = [];
  readonly failures: CannedFailure[] = [];
  viewer = 'rollback-bot';
  /** Every page of comments says there is a next one, behind the same cursor (a server that loops). */
  loopComments = false;
  private server?: Server;
  private nextId = 1;

  constructor(readonly repo: FakeRepo) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/graphql`;
  }

  pullRequest(number: number): FakePullRequest {
    const pr = this.repo.pullRequests.find((p) => p.number === number);
    if (!pr) throw new Error(`no pull request ${number}`);
    return pr;
  }

  async start(): Promise<this> {
    githubSchema();
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, headers, body, delivery, record } = this.answer(req.headers, Buffer.concat(chunks).toString('utf8'));
        if (delivery === 'hang') return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        if (delivery === undefined) {
          res.end(body);
          return;
        }
        deliver(res, body, delivery, (sent) => (record.sent = sent));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    // Hanging and trickling answers keep their connections open: closed here, or close() would wait for them.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(
    headers: IncomingHttpHeaders,
    raw: string,
  ): { status: number; headers?: Record<string, string>; body: string; delivery?: CannedFailure['delivery']; record: RecordedRequest } {
    const authorization = headers.authorization;
    const token = authorization?.replace(/^(bearer|token)\s+/i, '') ?? '';
    let payload: { query?: string; variables?: Record<string, unknown> } = {};
    try {
      payload = JSON.parse(raw);
    } catch {
      payload = {};
    }
    const record: RecordedRequest = { authorization, query: payload.query ?? '', variables: payload.variables ?? {}, status: 200 };
    this.requests.push(record);
    const failure = this.failures.shift();
    if (failure) {
      record.status = failure.status;
      const body = typeof failure.body === 'function' ? failure.body(token) : failure.body.split('{token}').join(token);
      return { status: failure.status, headers: failure.headers, body, delivery: failure.delivery, record };
    }
    if (!authorization) {
      record.status = 401;
      return { status: 401, body: JSON.stringify({ message: 'Requires authentication' }), record };
    }
    let document;
    try {
      document = parse(record.query);
    } catch (error) {
      record.status = 400;
      return { status: 400, body: JSON.stringify({ errors: [{ message: String(error) }] }), record };
    }
    const errors = validate(githubSchema(), document);
    if (errors.length > 0) {
      record.status = 400;
      return { status: 400, body: JSON.stringify({ errors: errors.map((e) => ({ message: e.message })) }), record };
    }
    const result = execute({ schema: githubSchema(), document, rootValue: this.root(), variableValues: record.variables }) as {
      data?: unknown;
      errors?: readonly GraphQLError[];
    };
    const body: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors) {
      body.errors = result.errors.map((e) => ({
        message: e.message,
        path: e.path,
        type: e.originalError instanceof TypedError ? e.originalError.type : undefined,
      }));
    }
    return { status: 200, body: JSON.stringify(body), record };
  }

  private repoUrl(): string {
    return `https://github.example/${this.repo.owner}/${this.repo.name}`;
  }

  private prNode(pr: FakePullRequest) {
    const viewer = this.viewer;
    return {
      id: `PR_${pr.number}`,
      number: pr.number,
      title: pr.title,
      url: `${this.repoUrl()}/pull/${pr.number}`,
      baseRefName: pr.baseRefName,
      headRefName: pr.headRefName,
      baseRefOid: pr.baseRefOid,
      headRefOid: pr.headRefOid,
      comments: ({ first, after }: { first?: number; after?: string }) => {
        if (this.loopComments) {
          return {
            nodes: [{ id: 'IC_loop', body: 'not this one', viewerDidAuthor: false }],
            pageInfo: { hasNextPage: true, endCursor: 'c2FtZQ==' },
          };
        }
        const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) : 0;
        const size = Math.min(first ?? 100, 100);
        const page = pr.comments.slice(start, start + size);
        const end = start + page.length;
        return {
          nodes: page.map((c) => ({ id: c.id, body: c.body, viewerDidAuthor: c.author === viewer })),
          pageInfo: {
            hasNextPage: end < pr.comments.length,
            endCursor: page.length > 0 ? Buffer.from(String(end)).toString('base64') : null,
          },
        };
      },
    };
  }

  private commitNode(index: number) {
    const commits = this.repo.commits;
    const commit = commits[index]!;
    return {
      __typename: 'Commit',
      oid: commit.oid,
      associatedPullRequests: ({ first }: { first?: number }) => ({
        nodes: commit.pullRequests.slice(0, first ?? 5).map((pr) => ({
          number: pr.number,
          title: pr.title,
          url: `${this.repoUrl()}/pull/${pr.number}`,
          merged: pr.merged ?? true,
          labels: ({ first: n }: { first?: number }) => ({ nodes: pr.labels.slice(0, n ?? 20).map((name) => ({ name })) }),
        })),
      }),
      history: ({ first, after }: { first?: number; after?: string }) => {
        const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) : index;
        const page = commits.slice(start, start + Math.min(first ?? 100, 100));
        const end = start + page.length;
        return {
          nodes: page.map((_, i) => this.commitNode(start + i)),
          pageInfo: { hasNextPage: end < commits.length, endCursor: Buffer.from(String(end)).toString('base64') },
        };
      },
    };
  }

  private findComment(id: string): { pr: FakePullRequest; comment: FakeComment } {
    for (const pr of this.repo.pullRequests) {
      const comment = pr.comments.find((c) => c.id === id);
      if (comment) return { pr, comment };
    }
    throw new TypedError(`Could not resolve to a node with the global id of '${id}'`, 'NOT_FOUND');
  }

  private root() {
    return {
      viewer: () => ({ login: this.viewer }),
      repository: ({ owner, name }: { owner: string; name: string }) => {
        if (owner !== this.repo.owner || name !== this.repo.name) {
          throw new TypedError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, 'NOT_FOUND');
        }
        return {
          url: this.repoUrl(),
          pullRequest: ({ number }: { number: number }) => {
            const pr = this.repo.pullRequests.find((p) => p.number === number);
            if (!pr) throw new TypedError(`Could not resolve to a PullRequest with the number of ${number}.`, 'NOT_FOUND');
            return this.prNode(pr);
          },
          object: ({ oid }: { oid: string }) => {
            const index = this.repo.commits.findIndex((c) => c.oid === oid);
            return index < 0 ? null : this.commitNode(index);
          },
        };
      },
      addComment: ({ input }: { input: { subjectId: string; body: string } }) => {
        this.mutations.push({ name: 'addComment', input });
        const pr = this.repo.pullRequests.find((p) => `PR_${p.number}` === input.subjectId);
        if (!pr) throw new TypedError(`Could not resolve to a node with the global id of '${input.subjectId}'`, 'NOT_FOUND');
        const comment = { id: `IC_${this.nextId++}`, body: input.body, author: this.viewer };
        pr.comments.push(comment);
        return { commentEdge: { node: { id: comment.id, url: `${this.repoUrl()}/pull/${pr.number}#issuecomment-${comment.id}` } } };
      },
      updateIssueComment: ({ input }: { input: { id: string; body: string } }) => {
        this.mutations.push({ name: 'updateIssueComment', input });
        const { pr, comment } = this.findComment(input.id);
        if (comment.author !== this.viewer) throw new TypedError('Resource not accessible by integration', 'FORBIDDEN');
        comment.body = input.body;
        return { issueComment: { id: comment.id, url: `${this.repoUrl()}/pull/${pr.number}#issuecomment-${comment.id}` } };
      },
      deleteIssueComment: ({ input }: { input: { id: string } }) => {
        this.mutations.push({ name: 'deleteIssueComment', input });
        const { pr, comment } = this.findComment(input.id);
        pr.comments.splice(pr.comments.indexOf(comment), 1);
        return { clientMutationId: null };
      },
    };
  }
}

/** Sends a body slowly (`trickle`) or followed by `huge` bytes, until done, the client goes, or MAX_DELIVERY_MS. */
function deliver(res: ServerResponse, body: string, delivery: 'trickle' | { huge: number }, onSent: (bytes: number) => void): void {
  const started = Date.now();
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
    onSent(sent);
  });
  if (delivery === 'trickle') {
    const bytes = Buffer.from(body);
    const timer = setInterval(() => {
      if (closed || sent >= bytes.length || Date.now() - started > MAX_DELIVERY_MS) {
        clearInterval(timer);
        if (!closed) res.end();
        return;
      }
      res.write(bytes.subarray(sent, sent + 1));
      sent += 1;
    }, 200);
    return;
  }
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  let left = delivery.huge;
  res.write(body);
  sent += Buffer.byteLength(body);
  const pump = () => {
    while (!closed && left > 0 && Date.now() - started < MAX_DELIVERY_MS) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      sent += part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

/** A local GitHub for each test that starts one (call at the top of a file or describe), stopped after the test. */
export function localGitHubPerTest(): (repo: FakeRepo) => Promise<FakeGitHub> {
  let server: FakeGitHub | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  return async (repo) => (server = await new FakeGitHub(repo).start());
}

/** Runs the built CLI without blocking this process (the local GitHub lives in it). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
    for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_EVENT_PATH', 'GITHUB_REPOSITORY', 'GITHUB_GRAPHQL_URL', 'GITHUB_SERVER_URL'])
      delete base[name];
    const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter((e): e is [string, string] => e[1] !== undefined));
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
