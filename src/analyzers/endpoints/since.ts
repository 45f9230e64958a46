import type { Release } from '../analyzer.js';
import type { Endpoint } from './identity.js';

const MAX_TAGS = 20;
const tagCache = new WeakMap<Release, Promise<{ name: string; sha: string }[]>>();

/** What one version of a file holds that an endpoint may be recognised by, read once per version. */
interface Version {
  /** Quoted strings, and keys (`name:`) of objects and YAML maps. */
  words: Set<string>;
  text: string;
}

const WORD = /(['"`])((?:\\.|(?!\1)[^\\\n]){0,300})\1|([\w$/{}.:-]{1,300})\s*:/g;

function versionOf(text: string): Version {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) words.add(m[2] ?? m[3]!);
  return { words, text };
}

/** Whether a version of the endpoint's file has it: its path as written (quoted, or as a key), else its method. */
function hasEndpoint(version: Version, e: Endpoint): boolean {
  const l = e.literal;
  if (l !== undefined && l !== '') return version.words.has(l);
  const method = e.method === 'ALL' ? undefined : e.method;
  return method === undefined || version.text.includes(method) || version.text.includes(method.charAt(0) + method.slice(1).toLowerCase());
}

/**
 * The oldest release tag in the range whose version of the file already has the endpoint: since then clients
 * could depend on it. Looks at most MAX_TAGS tags back; each version of a file is read and indexed once.
 */
export class ServedSince {
  private readonly versions = new Map<string, Promise<Version | undefined>>();

  constructor(private readonly release: Release) {}

  private version(sha: string, file: string): Promise<Version | undefined> {
    const key = `${sha}\0${file}`;
    let result = this.versions.get(key);
    if (!result) {
      result = this.release.readAt!(sha, file).then((c) => (c.text === undefined ? undefined : versionOf(c.text)));
      this.versions.set(key, result);
    }
    return result;
  }

  async of(e: Endpoint): Promise<string | undefined> {
    const release = this.release;
    if (!release.tagsInRange || !release.readAt) return undefined;
    let tags = tagCache.get(release);
    if (!tags) tagCache.set(release, (tags = release.tagsInRange().catch(() => [])));
    const all = await tags;
    const list = all.slice(-MAX_TAGS);
    for (const tag of list) {
      const version = await this.version(tag.sha, e.file);
      if (version && hasEndpoint(version, e)) return tag === list[0] && all.length > list.length ? `${tag.name} or earlier` : tag.name;
    }
    return undefined;
  }
}
