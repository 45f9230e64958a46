import { listReleaseTags } from './tags.js';
import type { Repo } from './repo.js';

export interface RollbackTarget {
  tag: string;
  sha: string;
  /** Unix seconds. */
  date: number;
  /** Commits in `from` since this release: what rolling back to it undoes. */
  commitsSince: number;
}

/** Release tags `from` contains (newest first), excluding `from` itself: the releases one can roll back to. */
export async function rollbackTargets(repo: Repo, fromSha: string, pattern?: string, limit = 20): Promise<RollbackTarget[]> {
  const tags = await listReleaseTags(repo, pattern);
  const merged = new Set((await repo.git.raw(['tag', '--merged', fromSha])).split('\n').filter(Boolean));
  const candidates = tags.filter((t) => merged.has(t.name) && t.sha !== fromSha).slice(0, limit);
  const targets: RollbackTarget[] = [];
  for (const tag of candidates) {
    const count = Number((await repo.git.raw(['rev-list', '--count', `${tag.sha}..${fromSha}`])).trim());
    targets.push({ tag: tag.name, sha: tag.sha, date: tag.date, commitsSince: count });
  }
  return targets;
}
