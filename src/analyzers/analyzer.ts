import type { SourceFile, ts } from 'ts-morph';
import type { CommitInfo } from '../git/refs.js';
import type { Config } from '../config/schema.js';
import type { BlobContent, ChangedFile, RefInfo, Side } from '../model/report.js';
import type { Fact } from '../model/facts.js';
import type { ChangeDigest, ScriptDigest } from '../parse/scripts/digest.js';

/** What an analyzer sees of the release. Reads go through one bulk git reader; parses are shared. */
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
   * What the analyzers read from a script's syntax tree (exports, environment reads, syntax errors): computed
   * for every changed script when the release is read, on demand (once) for any other path.
   */
  script(side: Side, path: string, text: string): ScriptDigest;
  /** Both sides of a changed script read together (formatting-only change, unchanged contract); undefined for other files. */
  scriptChange(file: ChangedFile): ChangeDigest | undefined;
  /**
   * The raw syntax tree (parent links set) of a changed script at one side, for an analyzer that walks it before
   * the digests are made (script migrations): parsed once, and the digest of that side reuses it. Undefined when
   * the side has no text; throws when the parser fails.
   */
  syntaxTree(file: ChangedFile, side: Side): ts.SourceFile | undefined;
  /** A ts-morph tree of a script at one side, parsed once, for analyzers that walk code with ts-morph (routes, script migrations). */
  sourceFile(side: Side, path: string, text: string): SourceFile;
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
  /** Release tags on commits of the range (in `from`, not in `to`), oldest first. */
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

export interface Analyzer {
  /** Stable name, used in stats and progress. */
  name: string;
  /**
   * Reads script digests (`script`, `scriptChange`): runs once every changed script is digested. The other
   * analyzers run first, while worker threads parse.
   */
  readsScripts?: boolean;
  /**
   * True for a changed script whose syntax tree (`syntaxTree`) this analyzer may read before the digests: its
   * digest is then made on this thread, from that same tree, rather than a worker parsing the text again.
   */
  readsTreeOf?(file: ChangedFile, config: Config): boolean;
  analyze(release: Release): Promise<Fact[]> | Fact[];
}

/** The path of a changed file at the given side. */
export function pathAt(file: ChangedFile, side: Side): string {
  return side === 'to' ? (file.oldPath ?? file.path) : file.path;
}
