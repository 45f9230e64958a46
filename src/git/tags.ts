import { globMatcher } from '../util/glob.js';
import semver from 'semver';
import type { Repo } from './repo.js';
import { UsageError } from '../util/errors.js';

export interface ReleaseTag {
  name: string;
  /** The commit the tag points at (annotated tags peeled). */
  sha: string;
  /** Unix seconds: the tag's date for annotated tags, else its commit's. */
  date: number;
  /** Parsed version after any prefix (`v`, `api@`, `api/v`, `api-v`), when it parses. */
  version?: string;
}

const listings = new WeakMap<Repo, Promise<string>>();

/**
 * git's listing of the tags, read once per opened repository (the analysis sees one state of its refs). Started
 * with the analysis: a process spawned once the heap has grown holds the main thread several times longer.
 */
export function tagListing(repo: Repo): Promise<string> {
  let out = listings.get(repo);
  if (!out) {
    out = repo.git.raw([
      'for-each-ref',
      '--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:unix)',
      'refs/tags',
    ]);
    listings.set(repo, out);
  }
  return out;
}

/**
 * Gives `repo` the tag listing another opening of the same repository read (the analyses of one release picker
 * share it: its list of targets is one state of the tags too).
 */
export function shareTagListing(repo: Repo, listing: Promise<string>): void {
  listings.set(repo, listing);
}

/** Release tags that point at commits, optionally filtered by a glob such as `api@*`, newest first. */
export async function listReleaseTags(repo: Repo, pattern?: string): Promise<ReleaseTag[]> {
  return sortReleases((await tagCommits(repo, pattern)).map((t) => ({ ...t, version: versionOf(t.name) })));
}

/** The tags that point at commits, optionally filtered by a glob, in git's order and without their versions. */
export async function tagCommits(repo: Repo, pattern?: string): Promise<Omit<ReleaseTag, 'version'>[]> {
  const out = await tagListing(repo);
  const matches = pattern ? globMatcher(pattern, { dot: true }) : () => true;
  const tags: Omit<ReleaseTag, 'version'>[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name = '', type, sha = '', peeledType, peeledSha = '', date = '0'] = line.split('\0');
    const commit = type === 'commit' ? sha : peeledType === 'commit' ? peeledSha : undefined;
    if (!commit || !matches(name)) continue;
    tags.push({ name, sha: commit, date: Number(date) });
  }
  return tags;
}

/**
 * A tag's name without the version at its end (`v1.2.3` → `v`, `api@1.2.3` → `api@`, `helm-v4.5.8` → `helm-v`):
 * the tags of one series of releases share it.
 */
export function tagSeries(tag: string): string {
  // The version starts the name, follows a separator, or follows a `v` that does (`re2-…-11473` is series `re2-…-`).
  return tag.replace(/(?:^|(?<=[^0-9A-Za-z])|(?<=(?:^|[^0-9A-Za-z])v))\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/, '');
}

export function versionOf(tag: string): string | undefined {
  const tail = tag.replace(/^.*?(?:@|\/|-(?=v?\d))/, '');
  for (const candidate of [tag, tail]) {
    const v = semver.valid(candidate.replace(/^v/i, ''));
    if (v) return v;
  }
  return undefined;
}

/** Newest first: versions that parse by semver, then the rest by date. Each version is parsed once, not per comparison. */
export function sortReleases(tags: ReleaseTag[]): ReleaseTag[] {
  const parsed = new Map(tags.map((t) => [t, t.version ? new semver.SemVer(t.version) : undefined]));
  return [...tags].sort((a, b) => {
    const [va, vb] = [parsed.get(a), parsed.get(b)];
    if (va && vb) return vb.compare(va) || b.date - a.date || a.name.localeCompare(b.name);
    if (va) return -1;
    if (vb) return 1;
    return b.date - a.date || a.name.localeCompare(b.name);
  });
}

/** A semver prerelease (`v2.0.0-rc.1`): not a release one rolls back to unless a tag pattern asks for it. */
export function isPrerelease(tag: ReleaseTag): boolean {
  return tag.version !== undefined && semver.prerelease(tag.version) !== null;
}

/**
 * The release before `from`: the newest release tag that `from` contains and that does
 * not point at `from` itself; when `from` carries a version, the newest one below it.
 * Prereleases count only when asked for (by default, when a tag pattern is given).
 */
export async function previousRelease(
  repo: Repo,
  fromSha: string,
  pattern?: string,
  prereleases = pattern !== undefined,
): Promise<ReleaseTag | undefined> {
  const tags = (await listReleaseTags(repo, pattern)).filter((t) => prereleases || !isPrerelease(t));
  if (tags.length === 0) return undefined;
  const merged = new Set((await repo.git.raw(['tag', '--merged', fromSha])).split('\n').filter(Boolean));
  const ownVersion = tags.find((t) => t.sha === fromSha && t.version)?.version;
  return tags.find((t) => merged.has(t.name) && t.sha !== fromSha && (!ownVersion || !t.version || semver.lt(t.version, ownVersion)));
}

/**
 * Why no default target was found, and the fix: in a shallow clone or a clone without tags, the releases are
 * most likely there but not fetched.
 */
export async function noReleaseError(repo: Repo, fromRef: string, pattern: string | undefined): Promise<UsageError> {
  const problem = `no release tag before ${fromRef}${pattern ? ` matching ${pattern}` : ''} to roll back to`;
  if (repo.shallow) {
    return new UsageError(
      `${problem} in this shallow clone (its tags and older history may not have been fetched)`,
      'run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with `fetch-depth: 0`), or pass --to',
    );
  }
  if ((await tagListing(repo)).trim() === '') {
    return new UsageError(
      `${problem}: the repository has no tags`,
      'run `git fetch --tags` if the releases are tagged on a remote, or pass --to with the tag, branch or commit to roll back to',
    );
  }
  return new UsageError(problem, 'pass --to with the tag, branch or commit to roll back to');
}
