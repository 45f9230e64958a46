import { isPrerelease, listReleaseTags, type ReleaseTag } from './tags.js';
import type { Repo } from './repo.js';

export interface RollbackTarget {
  tag: string;
  sha: string;
  /** Unix seconds. */
  date: number;
  /** Commits in `from` since this release: what rolling back to it undoes. */
  commitsSince: number;
}

/** The releases one can roll back to, read page by page: counting the commits since each costs a git process. */
export interface TargetList {
  /** Every release tag `from` contains (newest first), excluding `from` itself and, unless asked for, prereleases. */
  releases: ReleaseTag[];
  /** Prereleases left out (a tag pattern shows them). */
  prereleasesHidden: number;
  /** `count` releases from `offset`, with the commits since each. */
  page(offset: number, count: number): Promise<RollbackTarget[]>;
}

export interface TargetOptions {
  /** Glob of the release tags (e.g. `api@*`). */
  pattern?: string;
  /** List prereleases (`v2.0.0-rc.1`) too. Default: when a pattern is given. */
  prereleases?: boolean;
}

export async function rollbackTargetList(repo: Repo, fromSha: string, options: TargetOptions = {}): Promise<TargetList> {
  const prereleases = options.prereleases ?? options.pattern !== undefined;
  const tags = await listReleaseTags(repo, options.pattern);
  const merged = new Set((await repo.git.raw(['tag', '--merged', fromSha])).split('\n').filter(Boolean));
  const candidates = tags.filter((t) => merged.has(t.name) && t.sha !== fromSha);
  const releases = prereleases ? candidates : candidates.filter((t) => !isPrerelease(t));
  return {
    releases,
    prereleasesHidden: candidates.length - releases.length,
    page: async (offset, count) => {
      const targets: RollbackTarget[] = [];
      for (const tag of releases.slice(offset, offset + count)) {
        const since = Number((await repo.git.raw(['rev-list', '--count', `${tag.sha}..${fromSha}`])).trim());
        targets.push({ tag: tag.name, sha: tag.sha, date: tag.date, commitsSince: since });
      }
      return targets;
    },
  };
}

/** The first `limit` releases one can roll back to, newest first (see rollbackTargetList). */
export async function rollbackTargets(repo: Repo, fromSha: string, pattern?: string, limit = 20): Promise<RollbackTarget[]> {
  return (await rollbackTargetList(repo, fromSha, pattern === undefined ? {} : { pattern })).page(0, limit);
}
