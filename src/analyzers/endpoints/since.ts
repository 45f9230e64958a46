import type { Release } from '../analyzer.js';
import type { Endpoint } from './identity.js';

const MAX_TAGS = 20;
const tagCache = new WeakMap<Release, Promise<{ name: string; sha: string }[]>>();

/** Whether a version of the endpoint's file has it: its path as written (quoted, or as a YAML key), else its method. */
function hasEndpoint(text: string, e: Endpoint): boolean {
  const l = e.literal;
  if (l) return [`'${l}'`, `"${l}"`, `\`${l}\``, `${l}:`, `${l}: `].some((needle) => text.includes(needle)) || (e.source === 'trpc' && new RegExp(`\\b${l.replace(/[^\w$]/g, '')}\\s*:`).test(text));
  return e.method === '*' || text.includes(e.method) || text.includes(e.method.charAt(0) + e.method.slice(1).toLowerCase());
}

/**
 * The oldest release tag in the range whose version of the file already has the endpoint:
 * since then clients could depend on it. Looks at most MAX_TAGS tags back.
 */
export async function firstServedIn(release: Release, e: Endpoint): Promise<string | undefined> {
  if (!release.tagsInRange || !release.readAt) return undefined;
  let tags = tagCache.get(release);
  if (!tags) tagCache.set(release, (tags = release.tagsInRange().catch(() => [])));
  const all = await tags;
  const list = all.slice(-MAX_TAGS);
  for (const tag of list) {
    const content = await release.readAt(tag.sha, e.file);
    if (content.text !== undefined && hasEndpoint(content.text, e)) return tag === list[0] && all.length > list.length ? `${tag.name} or earlier` : tag.name;
  }
  return undefined;
}

