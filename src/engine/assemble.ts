import { Facts, type Fact } from '../model/facts.js';
import type { Config } from '../config/schema.js';
import { customRulesOf } from '../config/custom-rules.js';
import type {
  Category,
  ChangeEntry,
  ChangedFile,
  Finding,
  InternalChanges,
  MergedPullRequest,
  RefInfo,
  Report,
  RevertedFix,
  ScopeReport,
} from '../model/report.js';
import type { FixRevertedFact } from '../model/facts/history.js';
import { severityRank } from '../model/report.js';
import type { AnyRule } from '../../rules/rule.js';
import { TOOL } from '../util/version.js';
import { buildChecklist } from './checklist.js';
import { rollbackPlan } from './rollback-plan.js';
import { MAX_MESSAGE, runRules } from './run-rules.js';
import { clip } from '../util/sanitize.js';
import { scoreOf } from './score.js';
import { verdictOf } from './verdict.js';

/** Everything the report is made of, as plain data: no repository, no git, no clock. */
export interface ReportInput {
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
  /** `to` is ahead of `from` (`--from` and `--to` swapped). */
  toIsDescendant?: boolean;
  /** The changed files analysed (in scope, not ignored), sorted by path. */
  files: readonly ChangedFile[];
  /** What the analyzers found. */
  facts: readonly Fact[];
  /** What the configuration of the release itself would have weakened (src/config/trust.ts). */
  configFacts?: readonly Fact[];
  config: Config;
  /** Commits the rollback takes away (`volume.commits`). */
  commits: number;
  notes?: readonly string[];
  /** Counts of the analysis itself (blobs read…); the analyzers' `stat` facts are added to them. */
  stats?: Readonly<Record<string, number>>;
  /** Where the configuration came from (`report.config`). */
  configSource?: NonNullable<Report['config']>;
  scope?: ScopeReport;
  pullRequests?: readonly MergedPullRequest[];
}

/**
 * The report of an analysis, from its facts: the one place where rules run, suppressions apply, and the score,
 * checklist and verdict are made. Pure: the same input gives the same report.
 */
export function assembleReport(input: ReportInput, rules: readonly AnyRule[]): Report {
  const { config, files } = input;
  const facts = new Facts();
  for (const fact of input.facts) facts.add(fact);
  addFallbacks(
    facts,
    files.map((f) => f.path),
  );
  for (const pr of input.pullRequests ?? []) facts.add({ kind: 'pull-request.merged', path: `#${pr.number}`, ...pr });
  for (const fact of input.configFacts ?? []) facts.add(fact);
  for (const f of files)
    facts.add({
      kind: 'file.changed',
      path: f.path,
      status: f.status,
      insertions: f.insertions,
      deletions: f.deletions,
      ...(f.oldPath ? { oldPath: f.oldPath } : {}),
    });

  const run = { from: input.from, to: input.to, toIsAncestor: input.toIsAncestor };
  const { findings, checklistTitles } = runRules([...rules, ...customRulesOf(config)], facts, config, run);
  findings.sort(compareFindings);

  const changes = changeEntries(files, facts, findings);
  const { score, breakdown } = scoreOf(findings);
  const checklist = buildChecklist(findings, changes, checklistTitles);
  const volume = facts.of('release.volume')[0];

  const stats: Record<string, number> = { ...input.stats };
  for (const stat of facts.of('stat')) stats[stat.name] = (stats[stat.name] ?? 0) + stat.value;

  return {
    schemaVersion: 1,
    tool: { name: TOOL.name, version: TOOL.version },
    from: input.from,
    to: input.to,
    toIsAncestor: input.toIsAncestor,
    toIsDescendant: input.toIsDescendant ?? false,
    verdict: verdictOf(score, findings, checklist, config),
    riskScore: score,
    scoreBreakdown: breakdown,
    volume: {
      commits: input.commits,
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
    notes: (input.notes ?? []).map((note) => clip(note, MAX_MESSAGE)),
    stats: Object.fromEntries(Object.entries(stats).sort(([a], [b]) => (a < b ? -1 : 1))),
    ...(input.scope ? { scope: input.scope } : {}),
    ...(input.configSource ? { config: input.configSource } : {}),
    ...(config.platform ? { rollback: rollbackPlan(config.platform, run) } : {}),
    ...(input.pullRequests ? { pullRequests: [...input.pullRequests] } : {}),
    internalChanges: internalChangesOf(facts),
    reverted: revertedOf(facts),
  };
}

function internalChangesOf(facts: Facts): InternalChanges {
  const internal = facts.of('contract.change').filter((f) => f.surface === 'internal' && f.change !== 'widened');
  const count = (change: string) => internal.filter((f) => f.change === change).length;
  return {
    changes: internal.length,
    modules: new Set(internal.map((f) => f.path)).size,
    removed: count('removed'),
    narrowed: count('narrowed'),
    changed: count('changed'),
  };
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

/** Every changed file no analyzer classified is reported for review; nothing drops out silently. */
function addFallbacks(facts: Facts, paths: string[]): void {
  const seen = new Set<string>();
  for (const fact of facts.of('file.classified')) seen.add(fact.path);
  for (const fact of facts.of('file.unreadable')) seen.add(fact.path);
  for (const path of paths) {
    if (!seen.has(path)) facts.add({ kind: 'file.unreadable', path, reason: 'no analyzer reads this kind of file' });
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
    const entry: ChangeEntry = {
      path: file.path,
      status: file.status,
      categories: [...(categories.get(file.path) ?? ['unclassified'])].sort(),
    };
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
