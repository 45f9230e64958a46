import type { CommitInfo } from '../git/refs.js';
import type { Config } from '../config/schema.js';
import type { BlobContent, ChangedFile, RefInfo, Side } from '../model/report.js';
import type { Fact } from '../model/facts.js';
import type { ParsedScript } from '../parse/typescript/parsed.js';

/** What an analyzer sees of the release. Reads go through one bulk git reader; parsed scripts are shared. */
export interface Release {
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
  /** Changed files in scope, sorted by path. */
  files: readonly ChangedFile[];
  commits: readonly CommitInfo[];
  config: Config;
  /** Content of a changed file at one side (already read in bulk). */
  content(file: ChangedFile, side: Side): BlobContent;
  /** Content of any path at one side, read on demand (for unchanged files an analysis needs). */
  readPath(side: Side, path: string): Promise<BlobContent>;
  /** Paths under `dir` at one side (`''` for the root); costs a tree walk of that folder only. */
  listFiles(side: Side, dir: string): Promise<string[]>;
  /** Names of the files directly in folder `dir` at one side (`''`: the root); one small read, cached. */
  listFolder(side: Side, dir: string): Promise<Set<string>>;
  /**
   * A script (TS, TSX, JS, JSX) at one side, changed or not, parsed once and shared by every analyzer: its syntax
   * tree and ts-morph's view of the same tree. Undefined for a path that is no script or cannot be read.
   */
  tree(side: Side, path: string): Promise<ParsedScript | undefined>;
  /** True once the analysis has used up its time budget (limits.timeBudgetSeconds): stop early and report what was not read. */
  outOfTime(): boolean;
  /** The folders the analysis is limited to (`--scope`, with the packages that joined it); undefined: the whole repository. */
  scope?: readonly string[];
  /**
   * Lines of one side's scripts that contain any of `patterns` (fixed strings), under the folders `paths`
   * (literal paths; default the whole tree): one `git grep` over the tree, for questions no listing answers
   * (which modules import a file, where an app is bootstrapped). Optional: without it nothing is found.
   */
  grep?(side: Side, patterns: readonly string[], paths?: readonly string[]): Promise<GrepHit[]>;
  /** Tags of the running release's series (`v1.2.3`, `api@1.2.3`) on commits of the range (in `from`, not in `to`), oldest first. */
  tagsInRange?(): Promise<{ name: string; sha: string }[]>;
  /** Content of a path at any commit (for a bounded look back through the range). */
  readAt?(sha: string, path: string): Promise<BlobContent>;
  /** Reports progress counts for the terminal (no-op when nobody listens). */
  progress(phase: string, done: number, total: number): void;
}

/** One line found by `Release.grep`. */
export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/** A changed script's two sides, each parsed once (`from` or `to` absent where the script is not). */
export interface ChangedScript {
  file: ChangedFile;
  from?: ParsedScript;
  to?: ParsedScript;
}

/**
 * `Reading`: what the analyzer keeps of each changed script (see `readScript`), handed back to `analyze`.
 */
export interface Analyzer<Reading = unknown> {
  /** Stable name, used in stats and progress. */
  name: string;
  /**
   * Reads what this analyzer needs of one changed script (its exports, the variables it reads…) while its trees
   * are at hand. The engine parses every changed script once per side, runs each analyzer's reader on it and
   * keeps only what the readers return: memory follows the readings, not the trees. Undefined: nothing kept.
   * A reading depends on the script alone (its paths and texts): it is shared by the analyses of several targets.
   */
  readScript?(script: ChangedScript): Reading | undefined;
  /** `readings`: what `readScript` returned, by changed file (empty without a reader). */
  analyze(release: Release, readings: ReadonlyMap<ChangedFile, Reading>): Promise<Fact[]> | Fact[];
}

/** The path of a changed file at the given side. */
export function pathAt(file: ChangedFile, side: Side): string {
  return side === 'to' ? (file.oldPath ?? file.path) : file.path;
}
