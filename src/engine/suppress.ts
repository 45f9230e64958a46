import type { Facts } from '../model/facts.js';
import type { Finding } from '../model/report.js';

/** Marks the findings a `rollback-ready-ignore <rule>: <reason>` comment names at their place as suppressed. */
export function applySuppressions(findings: Finding[], facts: Facts): void {
  const suppressions = facts.of('suppression');
  if (suppressions.length === 0) return;
  const byPlace = new Map(suppressions.map((s) => [`${s.path}\0${s.line}\0${s.ruleId}`, s]));
  for (const finding of findings) {
    const hit = byPlace.get(`${finding.path}\0${finding.line}\0${finding.ruleId}`);
    if (hit) finding.suppressed = { reason: hit.reason };
  }
}
