import type { RollbackPlan } from './platform.js';
import type { ExcludedFiles } from './facts/volume.js';

// The plain data that flows through the pipeline: git → facts → findings → report.
// Direction: `from` is the release running now, `to` the rollback target.
// A change's status says what the release did (to → from); the rollback undoes it.

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'style-only',
  'docs',
  'tests',
  'assets',
  'translations',
  'version-bump',
  'code-change',
  'contract-change',
  'endpoint-removal',
  'migration',
  'destructive-migration',
  'config-change',
  'dependency-change',
  'infrastructure-change',
  'change-volume',
  'unclassified',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Presentation or no runtime effect: a release made only of these rolls back cleanly. */
export const HARMLESS_CATEGORIES: ReadonlySet<Category> = new Set([
  'style-only',
  'docs',
  'tests',
  'assets',
  'translations',
  'version-bump',
]);

export const VERDICTS = ['safe', 'caution', 'blocked'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CHANGE_STATUSES = ['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** How the first note of a report whose `to` is newer than its `from` begins; every format shows it at its top. */
export const SWAPPED_REFS = '--to is newer than --from: did you swap them?';

/** The swapped-refs warning of a report, and its other notes. */
export function notesOf(report: Pick<Report, 'notes' | 'toIsDescendant'>): { warning?: string; notes: string[] } {
  const warning = report.toIsDescendant ? report.notes.find((n) => n.startsWith(SWAPPED_REFS)) : undefined;
  return warning ? { warning, notes: report.notes.filter((n) => n !== warning) } : { notes: report.notes };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** One file the release changed. `path` is its path at `from`, `oldPath` its path at `to`. */
export interface ChangedFile {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  /** Blob id at `from` (absent when the release deleted the file). */
  fromBlob?: string;
  /** Blob id at `to` (absent when the release added the file). */
  toBlob?: string;
  fromMode?: string;
  toMode?: string;
  binary: boolean;
  insertions: number;
  deletions: number;
}

export type Side = 'from' | 'to';

/** A file's content at one side, as read from git. */
export interface BlobContent {
  /** Decoded text, or undefined when the blob is binary, too large or unreadable. */
  text?: string;
  size: number;
  /**
   * Why `text` is missing (`missing`: git has no such object; `failed`: git's reader failed before it answered;
   * `out-of-time`: asked for after the time budget ran out).
   */
  unreadable?: 'binary' | 'too-large' | 'missing' | 'failed' | 'not-utf8' | 'submodule' | 'symlink' | 'out-of-time';
}

export interface Location {
  path: string;
  line?: number;
}

/** An endpoint a finding is about, for machines: what the message and `evidence` say in prose. */
export interface EndpointEvidence {
  /** An HTTP method, or `ALL` for a handler of every method. */
  method: string;
  /** The full path as served (mount and global prefixes, versions), parameters as written. */
  path: string;
  /** The framework (`express`, `nest`, `trpc`, …) or `openapi`. */
  source: string;
  file: string;
  line: number;
  /** The oldest release tag in the range that serves it. */
  since?: string;
  /** A tRPC procedure's key path. */
  procedure?: string;
  /** Why part of the path is not known: `path` then holds what is. */
  prefixUnknown?: string[];
  /** The route at the target that answers the same requests instead. */
  answeredBy?: { method: string; path: string; source: string; file: string; line: number };
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  path: string;
  line?: number;
  evidence?: string;
  /** The endpoint the finding is about (endpoint rules only). */
  endpoint?: EndpointEvidence;
  remediation?: string;
  /** Checklist item this finding feeds (the rule's item unless the finding names another). */
  checklistId: string;
  /**
   * What the finding weighs in the score (0–1) when its rule measured it rather than taking its severity's
   * weight (docs/scoring.md): the behaviour a rollback reverts is weighed by the lines it changes.
   */
  weight?: number;
  suppressed?: { reason: string };
}

/** Where the configuration came from: the `from` tree, --config, the API's caller, or none (defaults). */
export const CONFIG_SOURCES = ['repository', 'file', 'options', 'defaults'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export const CHECKLIST_STATUSES = ['pass', 'fail', 'manual'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export interface ChecklistItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** Why the item has its status, in one line. */
  detail: string;
  /** Indexes into `report.findings`. */
  findingRefs: number[];
}

/** One term of the score: a category's share of 100 × (1 − Π (1 − w)) over its concerns. */
export interface ScoreLine {
  category: Category;
  points: number;
  reason: string;
  /** 0–1: what the category's concerns weigh together, before the other categories are taken into account. */
  weight?: number;
}

export interface Volume {
  commits: number;
  /** Every changed file. */
  files: number;
  /** Lines added and removed in the files a person must read (lockfiles, generated files, snapshots, translations left out). */
  insertions: number;
  deletions: number;
  authors: number;
  directories: number;
  /** The changed files a person must read. */
  filesRead: number;
  /** The files left out of the line counts, by kind, with their lines. */
  excluded: ExcludedFiles[];
}

export interface ChangeEntry {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  categories: Category[];
}

export interface RefInfo {
  ref: string;
  sha: string;
}

/** The part of a monorepo an analysis was limited to (`--scope`). */
export interface ScopeReport {
  /** The requested paths ('' is the whole repository). */
  paths: string[];
  /** Workspace packages that joined because a scoped package depends on them. */
  joined: { path: string; package: string; because: string }[];
  /** Changed files outside the scope, not analysed. */
  filesOutside: number;
  /** The release tags considered for the default `to`, when a pattern applied. */
  tagPattern?: string;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
  /** `to` is newer than `from` (`from` is its ancestor): the refs were most likely swapped; the first note says so. */
  toIsDescendant: boolean;
  verdict: Verdict;
  riskScore: number;
  scoreBreakdown: ScoreLine[];
  volume: Volume;
  changes: ChangeEntry[];
  findings: Finding[];
  checklist: ChecklistItem[];
  notes: string[];
  stats: Record<string, number>;
  /**
   * Which configuration was used: found in the tree of `to` (the target; a release never configures its own
   * analysis), given with --config, by the caller, or none (defaults).
   */
  config?: { source: ConfigSource; path?: string; ref?: string };
  /** The scope the analysis was limited to (present with --scope or `scope` in the config). */
  scope?: ScopeReport;
  /** How to roll back on the configured platform (present when a platform is set). */
  rollback?: RollbackPlan;
  /** Merged pull requests between the two releases, newest first (present when read from GitHub). */
  pullRequests?: MergedPullRequest[];
  /** Exported APIs that changed in modules only code rolling back with them uses: counted, no points. */
  internalChanges: InternalChanges;
  /** What the rollback takes back that the release fixed: security fixes apart, then the other fixes. */
  reverted: { securityFixes: RevertedFix[]; fixes: RevertedFix[] };
}

/** A commit or merged pull request of the release that marks a fix. */
export interface RevertedFix {
  sha?: string;
  pullRequest?: number;
  subject: string;
  /** CVE and GHSA ids it names. */
  ids: string[];
  /** For a security fix: what marks it ("CVE-2025-1234", "security", "ReDoS"…). */
  mark?: string;
}

/** Counts of the contract changes internal to what rolls back (`internal-changes`). */
export interface InternalChanges {
  /** Changes that would break a consumer that did not roll back (removed, narrowed, changed). */
  changes: number;
  modules: number;
  removed: number;
  narrowed: number;
  changed: number;
}

/** A pull request merged into the release, as GitHub knows it. */
export interface MergedPullRequest {
  number: number;
  title: string;
  url: string;
  labels: string[];
}
