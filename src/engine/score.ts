import type { Category, Finding, ScoreLine, Severity } from '../model/report.js';
import { severityRank } from '../model/report.js';

/** Points a finding adds to the risk score. Adding a finding can only add points. */
export const POINTS: Record<Severity, number> = { info: 0, low: 3, medium: 8, high: 20, critical: 40 };

/** The 0–100 score and the per-category lines it is made of; suppressed findings do not count. */
export function scoreOf(findings: readonly Finding[]): { score: number; breakdown: ScoreLine[] } {
  const byCategory = new Map<Category, Finding[]>();
  for (const f of findings) {
    if (f.suppressed || POINTS[f.severity] === 0) continue;
    const list = byCategory.get(f.category);
    if (list) list.push(f);
    else byCategory.set(f.category, [f]);
  }
  const breakdown: ScoreLine[] = [...byCategory.entries()].map(([category, list]) => {
    const points = list.reduce((sum, f) => sum + POINTS[f.severity], 0);
    return { category, points, reason: reasonOf(list) };
  });
  breakdown.sort((a, b) => b.points - a.points || (a.category < b.category ? -1 : 1));
  const total = breakdown.reduce((sum, line) => sum + line.points, 0);
  return { score: Math.min(100, total), breakdown };
}

function reasonOf(list: Finding[]): string {
  const bySeverity = new Map<Severity, number>();
  for (const f of list) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts = [...bySeverity.entries()]
    .sort((a, b) => severityRank(b[0]) - severityRank(a[0]))
    .map(([severity, n]) => `${n} ${severity} × ${POINTS[severity]}`);
  const worst = [...list].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]!;
  const more = list.length > 1 ? ` (+${list.length - 1} more)` : '';
  return `${parts.join(', ')}: ${worst.message}${more}`;
}
