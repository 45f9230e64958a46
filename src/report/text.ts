import { notesOf, type Category, type ChecklistStatus, type Finding, type Report, type RevertedFix } from '../model/report.js';
import { oneLine, printableDeep, workflowSafe } from '../util/sanitize.js';
import type { Context, RenderOptions, Reporter } from './reporter.js';
import { count, plural } from '../util/format.js';
import { append } from '../util/arrays.js';

const MARK: Record<ChecklistStatus, string> = { pass: '✔', fail: '✖', manual: '?' };

export const short = (sha: string) => sha.slice(0, 7);

/**
 * What to do next, from the verdict. In a pull request (`from` the head, `to` the merge base) the question is
 * whether to merge what could not be rolled back cleanly once shipped, not whether to roll back now.
 */
export function nextStep(report: Report, context: Context = 'rollback'): string {
  if (context === 'pull-request') {
    switch (report.verdict) {
      case 'blocked':
        return 'Before merging: once this ships, rolling it back would break what the ✖ items say. Make it rollback-safe first (an additive migration, keep the endpoint or export for a release), or plan to fix forward instead of rolling back.';
      case 'caution':
        return 'Before merging: check the ✖ and ? items, so that a rollback of this change, should it be needed, is ready.';
      default:
        return 'Nothing found that would make rolling this change back hard; merge when ready.';
    }
  }
  switch (report.verdict) {
    case 'blocked':
      return 'Next: do not roll back as is. Handle every ✖ item first (restore data, keep the schema or the endpoint), or fix forward.';
    case 'caution':
      return 'Next: work through the ✖ and ? items above before rolling back; each finding says how.';
    default:
      return 'Next: nothing found that the older release cannot live with; roll back when ready.';
  }
}

export function headline(report: Report): string {
  return `${report.verdict.toUpperCase()} — risk ${report.riskScore}/100`;
}

/**
 * Under the score lines: the formula they are the terms of, with each category's weight
 * (`100 × (1 − (1 − 0.35)(1 − 0.12)) = 43`). Undefined when nothing weighs.
 */
export function scoreFormula(report: Report): string | undefined {
  const weights = report.scoreBreakdown.map((line) => line.weight).filter((w): w is number => w !== undefined && w > 0);
  if (weights.length === 0) return undefined;
  return `100 × (1 − ${weights.map((w) => `(1 − ${weightText(w)})`).join('')}) = ${report.riskScore}`;
}

/** A weight as the score lines show it: two decimals, three when it is below 0.01. */
export function weightText(w: number): string {
  return w < 0.01 ? w.toFixed(3) : w.toFixed(2);
}

/** ` to read (22,723 lines in 1 lockfile left out)`, or nothing when nothing was left out. */
export function leftOut(report: Report): string {
  const excluded = report.volume.excluded ?? [];
  if (excluded.length === 0) return '';
  const lines = excluded.reduce((sum, e) => sum + e.insertions + e.deletions, 0);
  const words: Record<string, string> = {
    generated: 'generated file',
    lockfile: 'lockfile',
    snapshot: 'snapshot',
    translation: 'translation file',
  };
  return ` to read (${count(lines)} more in ${excluded.map((e) => plural(e.files, words[e.kind] ?? e.kind)).join(', ')})`;
}

/** `0123456789 "fix: …" (CVE-2025-1234)`, or `#42 "…"` for a pull request. */
export function fixLabel(fix: RevertedFix): string {
  const ref = fix.sha ? fix.sha.slice(0, 10) : `#${fix.pullRequest}`;
  return `${ref} "${fix.subject}"${fix.ids.length > 0 ? ` (${fix.ids.join(', ')})` : ''}`;
}

function place(f: Finding): string {
  return `${oneLine(f.path)}${f.line !== undefined ? `:${f.line}` : ''}`;
}

/** The scope, the packages that joined it and why, in one line. */
export function scopeText(report: Report): string {
  const s = report.scope;
  if (!s) return '';
  const paths = s.paths.map((p) => p || '.').join(', ');
  const joined = s.joined.map((j) => `${j.path} (${j.because})`).join(', ');
  return `${paths}${joined ? ` + ${joined}` : ''}${s.tagPattern ? `; release tags ${s.tagPattern}` : ''}`;
}

/** Which configuration the analysis used, in a few words. */
export function configLine(report: Report): string {
  const c = report.config;
  if (!c) return '';
  if (c.source === 'repository')
    return `${c.path ?? ''}${c.path === 'package.json' ? ' (rollbackReady)' : ''} at ${c.ref ?? report.from.ref}`;
  if (c.source === 'file') return `${c.path ?? ''} (--config)`;
  if (c.source === 'options') return 'given by the caller';
  return 'none found, defaults used';
}

export function renderText(shown: Report, options: RenderOptions = {}): string {
  // No control character of repository text reaches the output, whichever field it is in.
  const report = printableDeep(shown);
  const out: string[] = [];
  const v = report.volume;
  out.push(
    `rollback-ready ${report.tool.version}: rolling back ${oneLine(report.from.ref)} (${short(report.from.sha)}) → ${oneLine(report.to.ref)} (${short(report.to.sha)})`,
  );
  const { warning, notes } = notesOf(report);
  if (warning) out.push(`WARNING: ${oneLine(warning)}`);
  out.push('');
  out.push(`${headline(report)}`);
  out.push(
    `  undoes ${plural(v.commits, 'commit')} · ${plural(v.files, 'file')} · +${count(v.insertions)} −${count(v.deletions)} lines${leftOut(report)} · ${plural(v.authors, 'author')}`,
  );
  for (const fix of report.reverted.securityFixes) out.push(`  ! takes back the security fix ${oneLine(fixLabel(fix))}`);
  if (report.config) out.push(`  config: ${oneLine(configLine(report))}`);
  if (report.scope) out.push(`  scope: ${oneLine(scopeText(report))}`);
  for (const note of notes) out.push(`  note: ${oneLine(note)}`);

  out.push('', 'Score');
  if (report.scoreBreakdown.length === 0) out.push('  0 points: no finding carries risk');
  for (const line of report.scoreBreakdown) out.push(`  +${line.points} ${line.category}: ${oneLine(line.reason)}`);
  const formula = scoreFormula(report);
  if (formula) out.push(`  = ${formula}`);

  out.push('', 'Checklist');
  for (const item of report.checklist) {
    out.push(`  ${MARK[item.status]} ${item.title}`);
    out.push(`      ${oneLine(item.detail)}`);
  }

  append(out, changesByKind(report));

  const live = report.findings.filter((f) => !f.suppressed);
  if (live.length > 0) {
    out.push('', 'Findings');
    const byCategory = new Map<Category, Finding[]>();
    for (const f of live) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
    for (const [category, findings] of byCategory) {
      out.push(`  ${category} (${findings.length})`);
      for (const f of findings) {
        out.push(`    ${f.severity.toUpperCase().padEnd(8)} ${place(f)}  [${f.ruleId}]`);
        out.push(`             ${oneLine(f.message)}`);
        if (f.evidence) out.push(`             evidence: ${oneLine(f.evidence)}`);
        if (f.remediation) out.push(`             fix: ${oneLine(f.remediation)}`);
      }
    }
  }
  const suppressed = report.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0) {
    out.push('', 'Suppressed');
    for (const f of suppressed) out.push(`  ${place(f)} [${f.ruleId}] ${oneLine(f.message)} — because: ${oneLine(f.suppressed!.reason)}`);
  }

  const { securityFixes, fixes } = report.reverted;
  if (securityFixes.length + fixes.length > 0) {
    out.push('', `Fixes the rollback takes back (${securityFixes.length + fixes.length})`);
    for (const fix of securityFixes) out.push(`  ! security: ${oneLine(fixLabel(fix))}`);
    for (const fix of fixes.slice(0, 20)) out.push(`  ${oneLine(fixLabel(fix))}`);
    if (fixes.length > 20) out.push(`  … and ${fixes.length - 20} more (all in the JSON report's reverted.fixes)`);
  }
  if (report.pullRequests) {
    out.push('', `Merged pull requests (${report.pullRequests.length})`);
    for (const pr of report.pullRequests)
      out.push(`  #${pr.number} ${oneLine(pr.title)}${pr.labels.length > 0 ? `  [${pr.labels.map(oneLine).join(', ')}]` : ''}`);
  }
  if (report.rollback) {
    out.push('', `Roll back on ${report.rollback.platform}`);
    for (const command of report.rollback.commands) out.push(`  $ ${oneLine(command)}`);
    for (const caveat of report.rollback.caveats) out.push(`  ! ${caveat}`);
  }
  out.push('', nextStep(report, options.context));
  // Read in CI logs too: no line may be a workflow command written by the repository.
  return workflowSafe(`${out.join('\n')}\n`);
}

/** Every changed file under the kinds it was classified as, a few paths each. */
function changesByKind(report: Report): string[] {
  if (report.changes.length === 0) return [];
  const byKind = new Map<Category, string[]>();
  for (const change of report.changes) {
    for (const kind of change.categories) {
      const paths = byKind.get(kind);
      if (paths) paths.push(change.path);
      else byKind.set(kind, [change.path]);
    }
  }
  const width = Math.max(...[...byKind.keys()].map((k) => k.length));
  const lines = ['', 'Changes by kind'];
  for (const [kind, paths] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shown = paths.slice(0, 3).map(oneLine).join(', ') + (paths.length > 3 ? ` (+${count(paths.length - 3)} more)` : '');
    lines.push(`  ${kind.padEnd(width)}  ${count(paths.length)}  ${shown}`);
  }
  return lines;
}

export const textReporter: Reporter = { format: 'text', render: renderText };
