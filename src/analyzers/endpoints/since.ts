import type { Release } from '../analyzer.js';
import type { Endpoint } from './identity.js';
import type { BlobContent } from '../../model/report.js';

const MAX_TAGS = 20;
type Tags = { name: string; sha: string }[];
const tagCache = new WeakMap<Release, Promise<Tags | Error>>();

/** When clients could first depend on an endpoint: a tag, or why the tags could not tell (neither: no tag has it). */
export interface Since {
  since?: string;
  sinceUnknown?: string;
}

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

/**
 * Whether a version of the endpoint's file has it: the running release's own text of the file (where the endpoint
 * was found), else its path as written (quoted, or as a key), else its method.
 */
function hasEndpoint(version: Version, e: Endpoint, running: string | undefined): boolean {
  if (version.text === running) return true;
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
  private readonly versions = new Map<string, Promise<Version | BlobContent['unreadable']>>();

  constructor(private readonly release: Release) {}

  private version(sha: string, file: string): Promise<Version | BlobContent['unreadable']> {
    const key = `${sha}\0${file}`;
    let result = this.versions.get(key);
    if (!result) {
      result = this.release.readAt!(sha, file).then((c) => (c.text === undefined ? c.unreadable : versionOf(c.text)));
      this.versions.set(key, result);
    }
    return result;
  }

  /**
   * A tag is named only when it was read and has the endpoint; "in no tag" only when every tag looked at was read
   * (or has no such file). A failed read leaves the answer unknown rather than a claim that no release served it.
   */
  async of(e: Endpoint): Promise<Since> {
    const release = this.release;
    if (!release.tagsInRange || !release.readAt) return {};
    let tags = tagCache.get(release);
    if (!tags) {
      tags = release.tagsInRange().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      tagCache.set(release, tags);
    }
    const all = await tags;
    if (all instanceof Error) return { sinceUnknown: `the release tags could not be listed: ${all.message.split('\n')[0]}` };
    const list = all.slice(-MAX_TAGS);
    // A path built at run time (a template, a constant) is not quoted as served: a tag with the running release's
    // own text of the file has the endpoint all the same.
    const running = list.length > 0 ? (await release.readPath('from', e.file)).text : undefined;
    let unread: string | undefined;
    for (const tag of list) {
      const version = await this.version(tag.sha, e.file);
      if (typeof version === 'object') {
        if (hasEndpoint(version, e, running))
          return { since: tag === list[0] && all.length > list.length ? `${tag.name} or earlier` : tag.name };
      } else if (version === 'failed' || version === 'out-of-time') unread ??= tag.name;
    }
    return unread ? { sinceUnknown: `${e.file} could not be read at ${unread}` } : {};
  }
}
