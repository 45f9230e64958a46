// Reports built in memory from facts: the score, the checklist, the verdict and every reporter can be tested
// without a repository, through the same assembly the analysis uses.
import { createHash } from 'node:crypto';
import { assembleReport, type ReportInput } from '../engine/assemble.js';
import { defaultConfig } from '../config/default-config.js';
import { parseConfig } from '../config/validate.js';
import type { Fact } from '../model/facts.js';
import type { ChangedFile, ChangeStatus, MergedPullRequest, Report, ScopeReport } from '../model/report.js';
import { RULE_LIST } from '../../rules/index.js';
import type { AnyRule } from '../../rules/rule.js';

export interface ReportSpec {
  /** The changed files: a path (modified), or a path with its status and former path. */
  files?: (string | { path: string; status?: ChangeStatus; oldPath?: string; insertions?: number; deletions?: number })[];
  facts?: Fact[];
  /** A configuration as a user writes it (validated, defaults filled in). */
  config?: Record<string, unknown>;
  /** Refs of the running release and the target (their shas are made from the names). */
  from?: string;
  to?: string;
  toIsAncestor?: boolean;
  commits?: number;
  notes?: string[];
  stats?: Record<string, number>;
  scope?: ScopeReport;
  pullRequests?: MergedPullRequest[];
  configSource?: ReportInput['configSource'];
  /** The rules to run (default: every built-in rule). */
  rules?: readonly AnyRule[];
}

/** A 40-digit hex sha made from a ref name, the same for the same name. */
export function fakeSha(ref: string): string {
  return createHash('sha1').update(ref).digest('hex');
}

/** The report of a release made of `spec`, assembled as an analysis assembles it. */
export function reportOf(spec: ReportSpec = {}): Report {
  const files: ChangedFile[] = (spec.files ?? [])
    .map((f) => (typeof f === 'string' ? { path: f } : f))
    .map((f) => ({
      path: f.path,
      status: f.status ?? (f.oldPath ? 'renamed' : 'modified'),
      binary: false,
      insertions: f.insertions ?? 0,
      deletions: f.deletions ?? 0,
      ...(f.oldPath ? { oldPath: f.oldPath } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const from = spec.from ?? 'v2';
  const to = spec.to ?? 'v1';
  return assembleReport(
    {
      from: { ref: from, sha: fakeSha(from) },
      to: { ref: to, sha: fakeSha(to) },
      toIsAncestor: spec.toIsAncestor ?? true,
      files,
      facts: spec.facts ?? [],
      config: spec.config ? parseConfig(spec.config, 'the test config') : defaultConfig(),
      commits: spec.commits ?? 1,
      notes: spec.notes ?? [],
      stats: spec.stats ?? {},
      configSource: spec.configSource ?? { source: spec.config ? 'options' : 'defaults' },
      ...(spec.scope ? { scope: spec.scope } : {}),
      ...(spec.pullRequests ? { pullRequests: spec.pullRequests } : {}),
    },
    spec.rules ?? RULE_LIST,
  );
}
