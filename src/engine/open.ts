import type { SharedParses } from './trees.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_MAX_FILE_BYTES, setsNothing } from '../config/defaults.js';
import { defaultConfig } from '../config/default-config.js';
import { configFromFile, configFromTree, describeOrigin, mergeConfig, type LoadedConfig } from '../config/load.js';
import { readReleaseConfig, releaseConfigFacts } from '../config/trust.js';
import { BlobStore } from '../git/blobs.js';
import { changedFiles } from '../git/diff.js';
import { ancestry, commitsBetween, isDescendant, resolveCommit } from '../git/refs.js';
import type { Repo } from '../git/repo.js';
import { noReleaseError, previousRelease } from '../git/tags.js';
import { TreeIndexes } from '../git/tree-index.js';
import type { Fact } from '../model/facts.js';
import type { AdvisoryAnswer, AdvisoryQuery } from '../model/facts/advisories.js';
import type { ChangedFile, MergedPullRequest, Report } from '../model/report.js';
import { SWAPPED_REFS } from '../model/report.js';
import { plural } from '../util/format.js';
import type { AnalyzeOptions } from './options.js';
import { globMatcher } from '../util/glob.js';
import { defaultTagPattern, fileInScope, resolveScope, type Scope } from './scope.js';
import type { ReleaseInput } from './release.js';
import { quiet, startRefs, type StartedRefs } from './start.js';

/** A release pair opened for analysis: the repository, both releases, the config, the scope and what changed. */
export interface OpenedRelease extends Pick<
  ReleaseInput,
  'repo' | 'blobs' | 'trees' | 'from' | 'to' | 'toIsAncestor' | 'commits' | 'config'
> {
  /** `to` is ahead of `from`: the two were given the wrong way round. */
  toIsDescendant: boolean;
  /** Parsed scripts and readings shared with other analyses (the options' `shared`). */
  shared?: SharedParses;
  /** Commits the rollback takes away (in scope, with a scope). */
  commitCount: () => Promise<number>;
  /** The changed files to analyse: in scope and not ignored, sorted by path. */
  files: ChangedFile[];
  degraded: boolean;
  configSource: NonNullable<Report['config']>;
  /** Where the release's own config would weaken the one in effect (see src/config/trust.ts). */
  configFacts: Fact[];
  scope?: Scope;
  pullRequests?: MergedPullRequest[];
  /** Asks which advisories affect the versions the rollback goes back to (the options' `advisories`). */
  advisories?: (query: AdvisoryQuery) => Promise<AdvisoryAnswer>;
  /** What the report says about how the analysis went (cross-branch, shallow clone, files left out…). */
  notes: string[];
  /** Epoch milliseconds after which the analysis is out of time (limits.timeBudgetSeconds). */
  deadline: number;
  /** What the time is, in epoch milliseconds (the options' `clock`). */
  clock: () => number;
  onProgress: (phase: string, done: number, total: number) => void;
  /** Called when a phase ends, with its wall time. */
  onPhase: (phase: string, ms: number) => void;
  close(): void;
}

/**
 * Everything an analysis reads before it reads files: the repository and both releases (the target found
 * among the release tags when not given), the config in effect (the target's), the scope, the changed files
 * and commits.
 */
export async function openRelease(options: AnalyzeOptions = {}): Promise<OpenedRelease> {
  const refs = options.started ?? startRefs(options);
  const repo = await refs.repo;
  // One git cat-file process serves every read of the analysis, the config's included; its size limit is the
  // config's, set once the config is read.
  const blobs = new BlobStore(repo, DEFAULT_MAX_FILE_BYTES, options.shared?.contents);
  try {
    return await open(options, refs, repo, blobs);
  } catch (error) {
    blobs.close();
    throw error;
  }
}

async function open(options: AnalyzeOptions, refs: StartedRefs, repo: Repo, blobs: BlobStore): Promise<OpenedRelease> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const phaseStart = performance.now();
  const fromRef = options.from ?? 'HEAD';
  const fromSha = await refs.from;
  // With the target given, the diff and the ancestry need nothing from the config: git runs them while it is read.
  const early = refs.to
    ? quiet(refs.to.then((sha) => ({ sha, relation: quiet(ancestry(repo, fromSha, sha)), diff: quiet(changedFiles(repo, fromSha, sha)) })))
    : undefined;
  // A configuration the caller chose (--config, the API's `config`, or none at all) is used as it is. Otherwise
  // the configuration in effect is the target's (`to`), which the release cannot change; the release's own
  // (`from`) is read to be compared with it, and picks the default target only (see src/config/trust.ts).
  const chosen: LoadedConfig | undefined = options.configFile
    ? await configFromFile(options.configFile)
    : options.config !== undefined
      ? { raw: options.config, origin: { source: 'options' }, shadowed: [] }
      : options.searchConfig === false
        ? { raw: {}, origin: { source: 'defaults' }, shadowed: [] }
        : undefined;
  const validate = async (loaded: LoadedConfig, overrides: Record<string, unknown> = {}): Promise<Config> => {
    // Without a setting anywhere, the defaults as they are: the schema library is loaded only to validate one.
    const merged = mergeConfig(loaded.raw, overrides);
    return setsNothing(merged)
      ? defaultConfig()
      : (await import('../config/validate.js')).parseConfig(merged, describeOrigin(loaded.origin));
  };
  const chosenConfig = chosen ? await validate(chosen, options.configOverrides) : undefined;
  const releaseConfig = chosen ? undefined : await readReleaseConfig(blobs, fromSha, fromRef);

  const trees = new TreeIndexes(repo, options.shared?.listings);
  const scopePaths = (config: Config) => (options.scope && options.scope.length > 0 ? options.scope : config.scope);
  let toRef = options.to;
  let pickedWith: string | undefined;
  // The default target, by its commit: a tag name may hold characters (`$`, `(`, `;`) refused in a ref given by hand.
  let pickedSha: string | undefined;
  if (toRef === undefined) {
    // The release tag before `from`. The release's own tagPattern and scope may pick which one: every candidate
    // is an earlier release, and whichever is picked, the changes of `from` are in the range.
    const picking = chosenConfig ?? (mergeConfig(releaseConfig?.config ?? defaultConfig(), options.configOverrides ?? {}) as Config);
    const pickScope = await resolveScope(() => trees.of(fromSha), blobs, fromRef, scopePaths(picking));
    pickedWith = options.tagPattern ?? picking.tagPattern ?? (await defaultTagPattern(repo, pickScope));
    // Prereleases are candidates only when a tag pattern was asked for, not one derived from the scope.
    const previous = await previousRelease(repo, fromSha, pickedWith, (options.tagPattern ?? picking.tagPattern) !== undefined);
    if (!previous) throw await noReleaseError(repo, fromRef, pickedWith);
    toRef = previous.name;
    pickedSha = previous.sha;
  }
  const target = early ? await early : undefined;
  const toSha = target?.sha ?? pickedSha ?? (await resolveCommit(repo, toRef, '--to'));

  const loaded = chosen ?? (await configFromTree(blobs, toSha, toRef));
  const config = chosenConfig ?? (await validate(loaded, options.configOverrides));
  options.onConfig?.(config, loaded.origin);
  const configFacts = releaseConfig ? releaseConfigFacts(releaseConfig, { config: await validate(loaded), origin: loaded.origin }) : [];
  const scope = await resolveScope(() => trees.of(fromSha), blobs, fromRef, scopePaths(config));
  const tagPattern = pickedWith ?? options.tagPattern ?? config.tagPattern ?? (await defaultTagPattern(repo, scope));
  if (scope && tagPattern) scope.tagPattern = tagPattern;

  options.onProgress?.('reading history', 0, 1);
  // The commit list is awaited once the blob reads are under way: nothing before them needs it.
  const commits = quiet(commitsBetween(repo, fromSha, toSha, scope?.all));
  const [relation, diff] = await Promise.all([
    target?.relation ?? ancestry(repo, fromSha, toSha),
    target?.diff ?? changedFiles(repo, fromSha, toSha),
  ]);
  options.onPhase?.('git', performance.now() - phaseStart);
  const from = { ref: fromRef, sha: fromSha };
  const to = { ref: toRef, sha: toSha };
  const pullRequests = options.changelog ? await options.changelog({ from, to, commits: (await commits).map((c) => c.sha) }) : undefined;

  const notes: string[] = [];
  const toIsDescendant = isDescendant(relation);
  if (toIsDescendant) {
    notes.push(
      `${SWAPPED_REFS} ${toRef} is ${plural(relation.behind, 'commit')} ahead of ${fromRef} and lacks none of it, so this compares a move forward, not a rollback; --from is the release running now, --to the older release to roll back to`,
    );
  } else if (!relation.toIsAncestor) {
    notes.push(
      `${toRef} is not an ancestor of ${fromRef}: a cross-branch rollback (${relation.behind} commit${relation.behind === 1 ? '' : 's'} at ${toRef} are not in ${fromRef}); the two trees are compared as they are`,
    );
  }
  if (loaded.shadowed.length > 0) notes.push(`config files not read (${describeOrigin(loaded.origin)} was): ${loaded.shadowed.join(', ')}`);
  if (releaseConfig && configFacts.length === 0 && releaseConfig.text !== loaded.text) {
    notes.push(
      `the config of ${fromRef} differs from the one in effect (${describeOrigin(loaded.origin)}) and is not applied: a release does not configure its own analysis`,
    );
  }
  if (repo.shallow) notes.push('shallow clone: commit and author counts cover only the fetched history');
  if (diff.degraded)
    notes.push(
      'some objects could not be read (a corrupt repository, or a partial clone without its blobs): renames are unknown, line counts are counted from the files that could be read (a moved line counts as unchanged), and unread files are listed for review',
    );
  if (diff.renamesCutShort)
    notes.push('rename detection was cut short (too many added and deleted files): some renames show as a delete and an add');

  if (scope) {
    const inside = diff.files.filter((f) => fileInScope(scope, f));
    scope.filesOutside = diff.files.length - inside.length;
    if (scope.filesOutside > 0) {
      const n = scope.filesOutside;
      notes.push(`${plural(n, 'changed file')} outside the scope ${n === 1 ? 'was' : 'were'} not analysed`);
    }
    diff.files = inside;
  }
  const ignored = config.ignore.length > 0 ? globMatcher(config.ignore, { dot: true }) : undefined;
  const files = ignored ? diff.files.filter((f) => !ignored(f.path) && !(f.oldPath && ignored(f.oldPath))) : diff.files;
  if (files.length < diff.files.length) {
    const n = diff.files.length - files.length;
    notes.push(`${n} changed file${n === 1 ? '' : 's'} matched \`ignore\` and ${n === 1 ? 'was' : 'were'} not analysed`);
  }
  blobs.setLimit(config.limits.maxFileBytes);

  return {
    repo,
    blobs,
    trees,
    from,
    to,
    toIsAncestor: relation.toIsAncestor,
    toIsDescendant,
    commitCount: async () => (scope ? (await commits).length : relation.commits),
    commits,
    files,
    degraded: diff.degraded,
    config,
    configFacts,
    configSource: {
      source: loaded.origin.source,
      ...(loaded.origin.path ? { path: loaded.origin.path } : {}),
      ...(loaded.origin.ref ? { ref: loaded.origin.ref } : {}),
    },
    ...(scope ? { scope } : {}),
    ...(pullRequests ? { pullRequests } : {}),
    ...(options.advisories ? { advisories: options.advisories } : {}),
    notes,
    deadline: started + config.limits.timeBudgetSeconds * 1000,
    ...(options.shared ? { shared: options.shared } : {}),
    clock,
    onProgress: options.onProgress ?? (() => {}),
    onPhase: options.onPhase ?? (() => {}),
    close: () => blobs.close(),
  };
}
