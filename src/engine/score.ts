import type { Category, Finding, ScoreLine, Severity } from '../model/report.js';
import { severityRank } from '../model/report.js';

// The risk score (docs/scoring.md). Findings of one rule are one concern; a concern's weight grows with the
// logarithm of its count; concerns combine as independent chances: score = 100 × (1 − Π (1 − w)).

/** What one finding of each severity weighs (a probability-like share of the whole score). */
export const WEIGHTS: Record<Severity, number> = { info: 0, low: 0.03, medium: 0.12, high: 0.35, critical: 0.6 };

/** How many findings of one kind count: 1 → 1, 2 → 2, 4 → 3, 8 → 4, 1,024 → 11. */
export function effectiveCount(n: number): number {
  return n <= 0 ? 0 : 1 + Math.log2(n);
}

/** The findings of one rule, weighed together. */
export interface Concern {
  ruleId: string;
  category: Category;
  /** 0–1: what the concern adds to the score on its own. */
  weight: number;
  findings: Finding[];
}

/** Live findings that carry weight, one concern per rule, heaviest first (ties by rule id). */
export function concernsOf(findings: readonly Finding[]): Concern[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.suppressed || weightOf(f) === 0) continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const concerns = [...byRule].map(([ruleId, list]) => {
    // The category of the heaviest (the first in sorted order when several weigh the same).
    const worst = [...list].sort(
      (a, b) => weightOf(b) - weightOf(a) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
    )[0]!;
    return { ruleId, category: worst.category, weight: concernWeight(list), findings: list };
  });
  return concerns.sort((a, b) => b.weight - a.weight || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** A finding's own weight: its severity's, or less when its rule measured it (`weight`). */
export function weightOf(f: Finding): number {
  return f.weight ?? WEIGHTS[f.severity];
}

/**
 * 1 − Π over severities (1 − w)^(1 + log₂ n), and 1 − w for each measured finding. More findings, or a more
 * severe one, never lower it; fifty of a kind weigh like 6.6 of them.
 */
export function concernWeight(findings: readonly Finding[]): number {
  const bySeverity = new Map<Severity, number>();
  let remaining = 1;
  for (const f of findings) {
    if (f.weight !== undefined) remaining *= 1 - f.weight;
    else bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  }
  for (const [severity, n] of bySeverity) remaining *= (1 - WEIGHTS[severity]) ** effectiveCount(n);
  return 1 - remaining;
}

/** The 0–100 score as shown: 0 only when nothing weighs, never 100, rounded otherwise. */
export function shownScore(raw: number): number {
  if (raw <= 0) return 0;
  return Math.min(99, Math.max(1, Math.round(raw)));
}

/**
 * The score and one line per category. Concerns, heaviest first, each take their weight of what the
 * ones before left: the lines are the terms of 100 × (1 − Π (1 − w)) and add up to the score.
 */
export function scoreOf(findings: readonly Finding[]): { score: number; breakdown: ScoreLine[] } {
  const concerns = concernsOf(findings);
  let remaining = 1;
  const byCategory = new Map<Category, { share: number; concerns: Concern[] }>();
  for (const concern of concerns) {
    const share = 100 * remaining * concern.weight;
    remaining *= 1 - concern.weight;
    const line = byCategory.get(concern.category);
    if (line) {
      line.share += share;
      line.concerns.push(concern);
    } else byCategory.set(concern.category, { share, concerns: [concern] });
  }
  const score = shownScore(100 * (1 - remaining));
  const lines = [...byCategory].map(([category, { share, concerns: list }]) => ({ category, share, concerns: list }));
  const points = apportion(
    lines.map((l) => l.share),
    score,
  );
  const breakdown: ScoreLine[] = lines.map((line, i) => ({
    category: line.category,
    points: points[i]!,
    weight: round3(1 - line.concerns.reduce((rest, c) => rest * (1 - c.weight), 1)),
    reason: line.concerns.map(describe).join('; '),
  }));
  breakdown.sort((a, b) => b.points - a.points || b.weight! - a.weight! || (a.category < b.category ? -1 : 1));
  return { score, breakdown };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Whole points per line that add up to `total`, each as near its share as the total allows (largest remainder). */
export function apportion(shares: readonly number[], total: number): number[] {
  if (shares.length === 0) return [];
  const sum = shares.reduce((a, b) => a + b, 0);
  const scaled = shares.map((s) => (sum > 0 ? (s / sum) * total : 0));
  const points = scaled.map(Math.floor);
  let left = total - points.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => ({ i, rest: s - Math.floor(s) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) points[order[k]!.i]!++;
  return points;
}

/** `export-removed: 3 high, 1 medium (w 0.61) — <worst message> (+3 more)`. */
function describe(concern: Concern): string {
  const bySeverity = new Map<Severity, number>();
  for (const f of concern.findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts = [...bySeverity].sort((a, b) => severityRank(b[0]) - severityRank(a[0])).map(([severity, n]) => `${n} ${severity}`);
  const worst = [...concern.findings].sort(
    (a, b) =>
      weightOf(b) - weightOf(a) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  )[0]!;
  const more = concern.findings.length > 1 ? ` (+${concern.findings.length - 1} more)` : '';
  return `${concern.ruleId}: ${parts.join(', ')} (w ${concern.weight < 0.01 ? concern.weight.toFixed(3) : concern.weight.toFixed(2)}) — ${worst.message}${more}`;
}
