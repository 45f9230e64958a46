import { resolveCommit } from '../git/refs.js';
import { openRepoWith, type Repo } from '../git/repo.js';
import { shareTagListing, tagListing } from '../git/tags.js';
import type { SharedParses } from './trees.js';

/**
 * The first git work of an analysis: the repository opened and the releases given resolved. The CLI starts it
 * before the engine's modules load, so git answers while they compile. A failure surfaces where the engine
 * awaits it, in the order the engine reports failures (`--from`, then the config, then `--to`).
 */
export interface StartedRefs {
  repo: Promise<Repo>;
  from: Promise<string>;
  /** Only when the target was given; otherwise the engine finds it among the release tags. */
  to?: Promise<string>;
}

export function startRefs(options: { repo?: string; from?: string; to?: string; shared?: SharedParses }): StartedRefs {
  const fromRef = options.from ?? 'HEAD';
  const toRef = options.to;
  const opened = quiet(openRepoWith(options.repo ?? '.', toRef === undefined ? [fromRef] : [fromRef, toRef]));
  const repo = opened.then((o) => {
    // Wanted by most analyses (the default target, the release an endpoint first shipped in); read while cheap,
    // and once for the analyses that share what they read.
    if (options.shared)
      shareTagListing(
        o.repo,
        options.shared.tagListings.getOrSet(o.repo.dir, () => quiet(tagListing(o.repo))),
      );
    else void quiet(tagListing(o.repo));
    return o.repo;
  });
  // Resolved with the repository's probe; one that did not is asked again, for its exact error.
  const from = opened.then((o) => o.shas[0] ?? resolveCommit(o.repo, fromRef, '--from'));
  const to = toRef === undefined ? undefined : opened.then((o) => o.shas[1] ?? resolveCommit(o.repo, toRef, '--to'));
  return { repo: quiet(repo), from: quiet(from), ...(to ? { to: quiet(to) } : {}) };
}

/** The promise, its failure marked as handled until someone awaits it (then it throws there as usual). */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
