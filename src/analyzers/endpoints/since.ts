import type { Release } from '../analyzer.js';
import type { Endpoint } from './identity.js';

const MAX_TAGS = 20;
const tagCache = new WeakMap<Release, Promise<{ name: string; sha: string }[]>>();

/** Text that marks the endpoint in its file: the last literal segment of its path, as written. */
function marker(e: Endpoint & { literal?: string }): string {
  if (e.literal) return e.literal;
  const segments = e.path.split('/').filter((s) => s && !/^[:{[*]/.test(s));
  return segments.at(-1) ?? e.path;
}

/**
 * The oldest release tag in the range whose version of the file already has the endpoint:
 * since then clients could depend on it. Looks at most MAX_TAGS tags back.
 */
export async function firstServedIn(release: Release, e: Endpoint & { literal?: string }): Promise<string | undefined> {
  if (!release.tagsInRange || !release.readAt) return undefined;
  let tags = tagCache.get(release);
  if (!tags) tagCache.set(release, (tags = release.tagsInRange().catch(() => [])));
  const list = (await tags).slice(-MAX_TAGS);
  const needle = marker(e);
  for (const tag of list) {
    const content = await release.readAt(tag.sha, e.file);
    if (content.text?.includes(needle)) return tag.name;
  }
  return undefined;
}

