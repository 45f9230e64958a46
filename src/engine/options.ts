import type { SharedParses } from './trees.js';
import type { Analyzer } from '../analyzers/analyzer.js';
import type { Config } from '../config/schema.js';
import type { ConfigOrigin } from '../config/load.js';
import type { AdvisoryAnswer, AdvisoryQuery } from '../model/facts/advisories.js';
import type { MergedPullRequest, RefInfo } from '../model/report.js';
import type { AnyRule } from '../../rules/rule.js';
import type { StartedRefs } from './start.js';

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
  /**
   * Parsed scripts and readings to share with other analyses of the same running release (`sharedParses()`):
   * the review's release picker analyses one target after another, and each parses only what the others did not.
   */
  shared?: SharedParses;
}
