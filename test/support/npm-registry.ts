// A local npm registry that answers the bulk advisory endpoint (POST /-/npm/v1/security/advisories/bulk) from a
// table of advisories, as the registry does: for each package asked about, the advisories whose vulnerable range
// matches one of the versions sent. It records every request; it can be told to fail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import semver from 'semver';

export interface RegistryAdvisory {
  id: number;
  github_advisory_id?: string;
  url: string;
  title: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  vulnerable_versions: string;
}

export class FakeRegistry {
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  failWith?: { status: number; body: string };
  private server?: Server;

  constructor(private readonly advisories: Record<string, RegistryAdvisory[]>) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
        if (this.failWith) {
          res.writeHead(this.failWith.status, { 'content-type': 'application/json' }).end(this.failWith.body);
          return;
        }
        if (req.method !== 'POST' || req.url !== '/-/npm/v1/security/advisories/bulk' || !body || typeof body !== 'object') {
          res.writeHead(404).end('{}');
          return;
        }
        const answer: Record<string, RegistryAdvisory[]> = {};
        for (const [name, versions] of Object.entries(body as Record<string, string[]>)) {
          const hits = (this.advisories[name] ?? []).filter((a) => versions.some((v) => semver.satisfies(v, a.vulnerable_versions)));
          if (hits.length > 0) answer[name] = hits;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A loopback URL nothing listens on: a refused connection. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
