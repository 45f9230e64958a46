// `--advisories`: which advisories affect the versions a rollback goes back to, from the npm registry's bulk
// advisory endpoint (the one `npm audit` uses). Asked only when the flag is given; a failure is an answer, not a throw.
import type { Advisory, AdvisoryAnswer, AdvisoryQuery } from '../../model/facts/advisories.js';
import { oneLine } from '../../util/sanitize.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org';
const PATH = '/-/npm/v1/security/advisories/bulk';
const TIMEOUT_MS = 20_000;

interface RawAdvisory {
  id?: unknown;
  github_advisory_id?: unknown;
  url?: unknown;
  title?: unknown;
  severity?: unknown;
  vulnerable_versions?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The advisory's GHSA id when the registry gives one (directly or in its URL), else its numeric id. */
function idOf(raw: RawAdvisory): string | undefined {
  const ghsa = text(raw.github_advisory_id) ?? /GHSA(-[0-9a-z]{4}){3}/i.exec(text(raw.url) ?? '')?.[0];
  if (ghsa) return `GHSA${ghsa.slice(4).toLowerCase()}`;
  return typeof raw.id === 'number' || typeof raw.id === 'string' ? String(raw.id) : undefined;
}

/** The registry's URL for the bulk endpoint; a bad URL is an error answer. */
export function bulkUrl(registry: string): string {
  const base = new URL(registry);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`not an http(s) URL: ${registry}`);
  return new URL(PATH.slice(1), base.href.endsWith('/') ? base.href : `${base.href}/`).href;
}

/** POSTs the query and reads the advisories per package; any failure comes back as `{ error }` in one line. */
export async function bulkAdvisories(registry: string, query: AdvisoryQuery, fetchImpl: typeof fetch = fetch): Promise<AdvisoryAnswer> {
  if (Object.keys(query).length === 0) return { advisories: {} };
  let url: string;
  try {
    url = bulkUrl(registry);
  } catch (error) {
    return { error: `the advisory registry URL is not usable: ${oneLine(error instanceof Error ? error.message : String(error))}` };
  }
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(query),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { error: `the advisory registry could not be reached (${new URL(url).host}): ${oneLine(cause)}` };
  }
  if (!response.ok) return { error: `the advisory registry answered HTTP ${response.status} (${new URL(url).host})` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { error: `the advisory registry answered something other than JSON (${new URL(url).host})` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { error: `the advisory registry answered an unexpected shape (${new URL(url).host})` };
  const advisories: Record<string, Advisory[]> = {};
  for (const [name, list] of Object.entries(body as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const read: Advisory[] = [];
    for (const raw of list as RawAdvisory[]) {
      const id = raw && typeof raw === 'object' ? idOf(raw) : undefined;
      if (!id) continue;
      read.push({
        id,
        severity: text(raw.severity) ?? 'unknown',
        title: text(raw.title) ?? '(no title)',
        ...(text(raw.url) ? { url: text(raw.url)! } : {}),
        ...(text(raw.vulnerable_versions) ? { vulnerableVersions: text(raw.vulnerable_versions)! } : {}),
      });
    }
    if (read.length > 0) advisories[name] = read;
  }
  return { advisories };
}
