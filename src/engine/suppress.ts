import type { Facts, UnusedSuppressionFact } from '../model/facts.js';
import type { Finding } from '../model/report.js';

/** What the suppression step needs to know of the analysis beyond the findings. */
export interface SuppressionScope {
  /** Ids of the rules this analysis runs (built-in and team rules). */
  known: ReadonlySet<string>;
  /** Ids of the rules the config turns off: a comment naming one is not stale, only idle. */
  off: ReadonlySet<string>;
}

/**
 * Findings no comment silences: the release's own config weakening the gate is exactly what a comment the release
 * adds could hide. A comment naming one of these matches nothing, and is reported as unused.
 */
const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['config-weakened']);

/**
 * Marks the findings a `rollback-ready-ignore <rule>: <reason>` comment names at their place as suppressed, and
 * returns the comments the release adds that matched no finding (a rule the config turns off aside).
 */
export function applySuppressions(findings: Finding[], facts: Facts, scope?: SuppressionScope): UnusedSuppressionFact[] {
  const suppressions = facts.of('suppression');
  if (suppressions.length === 0) return [];
  const byPlace = new Map(suppressions.map((s) => [`${s.path}\0${s.line}\0${s.ruleId}`, s]));
  const used = new Set<string>();
  for (const finding of findings) {
    if (finding.line === undefined || UNSUPPRESSIBLE.has(finding.ruleId)) continue;
    const key = `${finding.path}\0${finding.line}\0${finding.ruleId}`;
    const hit = byPlace.get(key);
    if (!hit) continue;
    finding.suppressed = { reason: hit.reason };
    used.add(key);
  }
  if (!scope) return [];
  return suppressions
    .filter((s) => s.added && !used.has(`${s.path}\0${s.line}\0${s.ruleId}`) && !scope.off.has(s.ruleId))
    .map((s) => ({
      kind: 'suppression.unused',
      path: s.path,
      line: s.comment ?? s.line - 1,
      ruleId: s.ruleId,
      reason: s.reason,
      known: scope.known.has(s.ruleId),
    }));
}
