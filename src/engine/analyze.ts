import { globMatcher } from '../util/glob.js';
import { ANALYZERS } from '../analyzers/index.js';
import { leftoverFacts } from '../analyzers/files/analyzer.js';
import { pullRequestFixes } from '../analyzers/history/analyzer.js';
import { advisoryFacts, advisoryQuery } from './advisories.js';
import type { AdvisoryAnswer, AdvisoryQuery } from '../model/facts/advisories.js';
import type { Analyzer } from '../analyzers/analyzer.js';
import { Facts, type Fact } from '../model/facts.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_MAX_FILE_BYTES, setsNothing } from '../config/defaults.js';
import { defaultConfig } from '../config/default-config.js';
import { configFromFile, configFromTree, describeOrigin, mergeConfig, type ConfigOrigin, type LoadedConfig } from '../config/load.js';
import { customRulesOf } from '../config/custom-rules.js';
import { readReleaseConfig, releaseConfigFacts } from '../config/trust.js';
import { defaultTagPattern, fileInScope, resolveScope } from './scope.js';
import { BlobStore } from '../git/blobs.js';
import type { Repo } from '../git/repo.js';
import { changedFiles } from '../git/diff.js';
import { ancestry, commitsBetween, isDescendant, resolveCommit } from '../git/refs.js';
import { noReleaseError, previousRelease } from '../git/tags.js';
import type { Category, ChangeEntry, ChangedFile, Finding, InternalChanges, MergedPullRequest, RefInfo, Report, RevertedFix } from '../model/report.js';
import type { FixRevertedFact } from '../model/facts/history.js';
import { SWAPPED_REFS, severityRank } from '../model/report.js';
import { TOOL } from '../util/version.js';
import { rollbackPlan } from './rollback-plan.js';
import { RULE_LIST } from '../../rules/index.js';
import type { AnyRule } from '../../rules/rule.js';
import { buildChecklist } from './checklist.js';
import { loadRelease, type LoadedRelease } from './release.js';
import { quiet, startRefs, type StartedRefs } from './start.js';
import { MAX_MESSAGE, runRules } from './run-rules.js';
import { clip } from '../util/sanitize.js';
import { scoreOf } from './score.js';
import { verdictOf } from './verdict.js';
import { plural } from '../util/format.js';

export interface AnalyzeOptions {
  /** Path of the repository (work tree or bare). Default: the current directory. */
  repo?: string;
  /** The release running now. Default: HEAD. */
  from?: string;
  /** The rollback target. Default: the release tag before `from`. */
  to?: string;
  /**
   * The configuration, given by the caller (validated; defaults fill what is missing).
   * When given, no config file is looked for. Without it, the config file of the target (`to`) is read: a
   * release never configures its own analysis; where its own config would weaken it, that is a finding.
   */
  config?: Config | Record<string, unknown>;
  /** Settings that win over the config in use (the command line's flags), merged key by key. */
  configOverrides?: Record<string, unknown>;
  /** A JSON or YAML config file on disk, read instead of searching the target's tree. */
  configFile?: string;
  /** Look for a config file in the tree of `to` (and compare `from`'s) when no `config` is given (default true). */
  searchConfig?: boolean;
  /** Called with the configuration in effect, once it is validated. */
  onConfig?: (config: Config, origin: ConfigOrigin) => void;
  /** Glob of release tags considered for the default `to` (e.g. `api@*`). */
  tagPattern?: string;
  /** Limit the analysis to changes under these paths (wins over the config's `scope`). */
  scope?: string[];
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Called when a phase ends, with its wall time (for `--timings` and the benchmark). */
  onPhase?: (phase: string, ms: number) => void;
  /**
   * Worker threads that parse scripts beside this one. Default: none for small releases, else one fewer
   * than the machine's cores (at most 3). The report is the same whatever the number.
   */
  workers?: number;
  /** Milliseconds since the epoch, read for the time budget (default: Date.now; a test moves it on by hand). */
  clock?: () => number;
  /** Analyzers and rules to run instead of the built-in ones (for tests and embedding). */
  analyzers?: readonly Analyzer[];
  rules?: readonly AnyRule[];
  /**
   * Merged pull requests between the two releases, asked for once the range is known (the CLI reads them
   * from GitHub; the engine never does). Their labels feed rules; the list goes to `report.pullRequests`.
   */
  changelog?: (range: { from: RefInfo; to: RefInfo; commits: string[] }) => Promise<MergedPullRequest[] | undefined>;
  /**
   * Advisories that affect the versions the rollback goes back to, asked once the dependency changes are known (the
   * CLI asks the npm registry with `--advisories`; the engine never goes to the network). An `{ error }` answer is a
   * note and a manual item, never a pass.
   */
  advisories?: (query: AdvisoryQuery) => Promise<AdvisoryAnswer>;
  /**
   * The repository and releases of these same options, already being resolved (`startRefs`): the CLI starts
   * them before this module loads. Default: started here.
   */
  started?: StartedRefs;
}

/**
 * Analyses rolling back from `from` (running now) to `to` (the target), read-only.
 * This is the programmatic API; the CLI is a thin layer over it.
 */
export async function analyzeRollback(options: AnalyzeOptions = {}): Promise<Report> {
  const refs = options.started ?? startRefs(options);
  const repo = await refs.repo;
  // One git cat-file process serves every read of the analysis, the config's included; its size limit is the
  // config's, set once the config is read.
  const blobs = new BlobStore(repo, DEFAULT_MAX_FILE_BYTES);
  try {
    return await analyzeWith(options, refs, repo, blobs);
  } finally {
    blobs.close();
  }
}

async function analyzeWith(options: AnalyzeOptions, refs: StartedRefs, repo: Repo, blobs: BlobStore): Promise<Report> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  let phaseStart = performance.now();
  const phaseDone = (phase: string) => {
    const now = performance.now();
    options.onPhase?.(phase, now - phaseStart);
    phaseStart = now;
  };
  const progress = options.onProgress ?? (() => {});
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
    return setsNothing(merged) ? defaultConfig() : (await import('../config/validate.js')).parseConfig(merged, describeOrigin(loaded.origin));
  };
  const chosenConfig = chosen ? await validate(chosen, options.configOverrides) : undefined;
  const releaseConfig = chosen ? undefined : await readReleaseConfig(blobs, fromSha, fromRef);

  const scopePaths = (config: Config) => (options.scope && options.scope.length > 0 ? options.scope : config.scope);
  let toRef = options.to;
  let pickedWith: string | undefined;
  // The default target, by its commit: a tag name may hold characters (`$`, `(`, `;`) refused in a ref given by hand.
  let pickedSha: string | undefined;
  if (toRef === undefined) {
    // The release tag before `from`. The release's own tagPattern and scope may pick which one: every candidate
    // is an earlier release, and whichever is picked, the changes of `from` are in the range.
    const picking = chosenConfig ?? mergeConfig(releaseConfig?.config ?? defaultConfig(), options.configOverrides ?? {}) as Config;
    const pickScope = await resolveScope(repo, fromSha, fromRef, scopePaths(picking));
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
  const releaseFacts = releaseConfig ? releaseConfigFacts(releaseConfig, { config: await validate(loaded), origin: loaded.origin }) : [];
  const scope = await resolveScope(repo, fromSha, fromRef, scopePaths(config));
  const tagPattern = pickedWith ?? options.tagPattern ?? config.tagPattern ?? (await defaultTagPattern(repo, scope));
  if (scope && tagPattern) scope.tagPattern = tagPattern;

  progress('reading history', 0, 1);
  // The commit list is awaited once the blob reads are under way: nothing before them needs it.
  const commitList = quiet(commitsBetween(repo, fromSha, toSha, scope?.all));
  const [relation, diff] = await Promise.all([target?.relation ?? ancestry(repo, fromSha, toSha), target?.diff ?? changedFiles(repo, fromSha, toSha)]);

  phaseDone('git');
  const pullRequests = options.changelog
    ? await options.changelog({ from: { ref: fromRef, sha: fromSha }, to: { ref: toRef, sha: toSha }, commits: (await commitList).map((c) => c.sha) })
    : undefined;

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
  if (releaseConfig && releaseFacts.length === 0 && releaseConfig.text !== loaded.text) {
    notes.push(`the config of ${fromRef} differs from the one in effect (${describeOrigin(loaded.origin)}) and is not applied: a release does not configure its own analysis`);
  }
  if (repo.shallow) notes.push('shallow clone: commit and author counts cover only the fetched history');
  if (diff.degraded) notes.push('some objects could not be read (a corrupt repository, or a partial clone without its blobs): line counts and renames are unknown, and unread files are listed for review');
  if (diff.renamesCutShort) notes.push('rename detection was cut short (too many added and deleted files): some renames show as a delete and an add');

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
  let release: LoadedRelease | undefined;
  try {
    const analyzers = options.analyzers ?? ANALYZERS;
    const treeReaders = analyzers.filter((a) => a.readsTreeOf);
    release = await loadRelease({
      repo,
      blobs,
      from: { ref: fromRef, sha: fromSha },
      to: { ref: toRef, sha: toSha },
      toIsAncestor: relation.toIsAncestor,
      files,
      commits: commitList,
      config,
      ...(scope ? { scope: scope.all } : {}),
      onProgress: progress,
      deadline: started + config.limits.timeBudgetSeconds * 1000,
      clock,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(treeReaders.length > 0 ? { treeReadHere: (file: ChangedFile) => treeReaders.some((a) => a.readsTreeOf!(file, config)) } : {}),
      onPhase: phaseDone,
    });

    // git counted the lines beside the blob reads; the volume analyzer needs the counts.
    if (!(await diff.lineCounts) && !diff.degraded) {
      notes.push('some objects could not be read (a corrupt repository, or a partial clone without its blobs): line counts are unknown, and unread files are listed for review');
    }
    // The analyzers that need no digest run while the workers parse; the rest once the digests are in. Their
    // facts are kept in the analyzers' order, whatever order they ran in.
    const found = new Map<Analyzer, Fact[]>();
    const runGroup = async (loaded: LoadedRelease, group: readonly Analyzer[]) => {
      for (const analyzer of group) {
        if (loaded.outOfTime()) {
          found.set(analyzer, [{ kind: 'file.unreadable', path: '.', reason: `the ${analyzer.name} analyzer did not run: the time budget of ${config.limits.timeBudgetSeconds}s (limits.timeBudgetSeconds) ran out` }]);
          continue;
        }
        progress(analyzer.name, 0, files.length);
        found.set(analyzer, await runAnalyzer(analyzer, loaded));
        phaseDone(`analyze:${analyzer.name}`);
      }
    };
    await runGroup(release, analyzers.filter((a) => !a.readsScripts));
    await release.settle();
    await runGroup(release, analyzers.filter((a) => a.readsScripts));
    const facts = new Facts();
    for (const analyzer of analyzers) for (const fact of found.get(analyzer) ?? []) facts.add(fact);
    addFallbacks(facts, release, files);
    for (const pr of pullRequests ?? []) facts.add({ kind: 'pull-request.merged', path: `#${pr.number}`, ...pr });
    for (const fact of releaseFacts) facts.add(fact);
    for (const fact of pullRequestFixes(pullRequests ?? [], release.commits)) facts.add(fact);
    if (options.advisories) {
      const { query, places } = advisoryQuery(facts);
      if (Object.keys(query).length === 0) notes.push('advisories: the rollback goes back to no other npm package version, so there was nothing to check');
      else {
        progress('advisories', 0, 1);
        const answer = await options.advisories(query);
        if ('error' in answer) notes.push(`advisories not checked: ${answer.error}`);
        for (const fact of advisoryFacts(query, places, answer)) facts.add(fact);
        phaseDone('advisories');
      }
    }
    for (const f of files) facts.add({ kind: 'file.changed', path: f.path, status: f.status, insertions: f.insertions, deletions: f.deletions, ...(f.oldPath ? { oldPath: f.oldPath } : {}) });

    const run = { from: release.from, to: release.to, toIsAncestor: release.toIsAncestor };
    const { findings, checklistTitles } = runRules([...(options.rules ?? RULE_LIST), ...customRulesOf(config)], facts, config, run);
    findings.sort(compareFindings);

    const changes = changeEntries(files, facts, findings);
    const { score, breakdown } = scoreOf(findings);
    const checklist = buildChecklist(findings, changes, checklistTitles);
    const volume = facts.of('release.volume')[0];
    phaseDone('rules');

    const stats: Record<string, number> = { blobsRead: blobs.reads, filesAnalyzed: files.length };
    for (const stat of facts.of('stat')) stats[stat.name] = (stats[stat.name] ?? 0) + stat.value;

    return {
      schemaVersion: 1,
      tool: { name: TOOL.name, version: TOOL.version },
      from: release.from,
      to: release.to,
      toIsAncestor: relation.toIsAncestor,
      toIsDescendant,
      verdict: verdictOf(score, findings, checklist, config),
      riskScore: score,
      scoreBreakdown: breakdown,
      volume: {
        commits: scope ? release.commits.length : relation.commits,
        files: files.length,
        insertions: volume?.insertions ?? 0,
        deletions: volume?.deletions ?? 0,
        authors: volume?.authors ?? 0,
        directories: volume?.directories ?? 0,
        filesRead: volume?.filesRead ?? files.length,
        excluded: volume?.excluded ?? [],
      },
      changes,
      findings,
      checklist,
      notes: notes.map((note) => clip(note, MAX_MESSAGE)),
      stats: Object.fromEntries(Object.entries(stats).sort(([a], [b]) => (a < b ? -1 : 1))),
      ...(scope ? { scope: { paths: scope.paths, joined: scope.joined, filesOutside: scope.filesOutside, ...(scope.tagPattern ? { tagPattern: scope.tagPattern } : {}) } } : {}),
      config: { source: loaded.origin.source, ...(loaded.origin.path ? { path: loaded.origin.path } : {}), ...(loaded.origin.ref ? { ref: loaded.origin.ref } : {}) },
      ...(config.platform ? { rollback: rollbackPlan(config.platform, run) } : {}),
      ...(pullRequests ? { pullRequests } : {}),
      internalChanges: internalChangesOf(facts),
      reverted: revertedOf(facts),
    };
  } finally {
    release?.close();
  }
}

function internalChangesOf(facts: Facts): InternalChanges {
  const internal = facts.of('contract.change').filter((f) => f.surface === 'internal' && f.change !== 'widened');
  const count = (change: string) => internal.filter((f) => f.change === change).length;
  return { changes: internal.length, modules: new Set(internal.map((f) => f.path)).size, removed: count('removed'), narrowed: count('narrowed'), changed: count('changed') };
}

function revertedOf(facts: Facts): Report['reverted'] {
  const entry = (f: FixRevertedFact): RevertedFix => ({
    ...(f.sha ? { sha: f.sha } : {}),
    ...(f.pullRequest ? { pullRequest: f.pullRequest } : {}),
    subject: f.subject,
    ids: f.ids,
    ...(f.security ? { mark: f.security.mark } : {}),
  });
  const all = facts.of('history.fix');
  return { securityFixes: all.filter((f) => f.security).map(entry), fixes: all.filter((f) => !f.security).map(entry) };
}

async function runAnalyzer(analyzer: Analyzer, release: Parameters<Analyzer['analyze']>[0]): Promise<Fact[]> {
  try {
    return await analyzer.analyze(release);
  } catch (error) {
    // A bug in one analyzer must not hide the rest of the report, nor pass as safe.
    const message = error instanceof Error ? error.message : String(error);
    return [{ kind: 'file.unreadable', path: '.', reason: `the ${analyzer.name} analyzer failed: ${message.split('\n')[0]}` }];
  }
}

/**
 * Every changed file no analyzer classified is looked at once more (a change of version numbers only says what
 * it is by itself), and otherwise reported for review; nothing drops out silently.
 */
function addFallbacks(facts: Facts, release: LoadedRelease, files: readonly ChangedFile[]): void {
  const seen = new Set<string>();
  for (const fact of facts.of('file.classified')) seen.add(fact.path);
  for (const fact of facts.of('file.unreadable')) seen.add(fact.path);
  const left = files.filter((f) => !seen.has(f.path));
  for (const fact of leftoverFacts(release, left)) {
    facts.add(fact);
    seen.add(fact.path);
  }
  for (const file of left) {
    if (!seen.has(file.path)) facts.add({ kind: 'file.unreadable', path: file.path, reason: 'no analyzer reads this kind of file' });
  }
}

function changeEntries(files: readonly ChangedFile[], facts: Facts, findings: Finding[]): ChangeEntry[] {
  const categories = new Map<string, Set<Category>>();
  const add = (path: string, category: Category) => {
    const set = categories.get(path);
    if (set) set.add(category);
    else categories.set(path, new Set([category]));
  };
  for (const fact of facts.of('file.classified')) add(fact.path, fact.category);
  for (const fact of facts.of('file.unreadable')) add(fact.path, 'unclassified');
  for (const finding of findings) if (!finding.suppressed) add(finding.path, finding.category);
  return files.map((file) => {
    const entry: ChangeEntry = { path: file.path, status: file.status, categories: [...(categories.get(file.path) ?? ['unclassified'])].sort() };
    if (file.oldPath) entry.oldPath = file.oldPath;
    return entry;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most severe first, then by place; same input, same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.category, b.category) ||
    cmp(a.path, b.path) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message) ||
    cmp(a.evidence ?? '', b.evidence ?? '')
  );
}
