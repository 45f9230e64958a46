import type { Report, Severity } from '../model/report.js';
import { atLeast, SEVERITIES } from '../model/report.js';
import { oneLine } from '../util/sanitize.js';

export interface Gate {
  failOn?: Severity;
  maxScore?: number;
  /** Report a crossed gate, but exit 0. */
  warnOnly?: boolean;
}

/** The gate of a run: each flag given on the command line wins over the config's `gate`. */
export function resolveGate(flags: Gate, config: Gate = {}): Gate {
  return {
    failOn: flags.failOn ?? config.failOn,
    maxScore: flags.maxScore ?? config.maxScore,
    warnOnly: flags.warnOnly || config.warnOnly || false,
  };
}

/** Why the gate fails, in one line naming the reason and the top three findings behind it; undefined when it passes. */
export function gateFailure(report: Report, gate: Gate): string | undefined {
  const live = report.findings.filter((f) => !f.suppressed);
  const reasons: string[] = [];
  const hits = gate.failOn ? live.filter((f) => atLeast(f.severity, gate.failOn!)) : [];
  if (hits.length > 0) reasons.push(`${hits.length} finding${hits.length === 1 ? '' : 's'} at or above ${gate.failOn}`);
  if (gate.maxScore !== undefined && report.riskScore > gate.maxScore) {
    reasons.push(`risk score ${report.riskScore} is above the maximum of ${gate.maxScore}`);
  }
  if (reasons.length === 0) return undefined;
  // The findings that crossed --fail-on; for the score alone, the most severe ones (they carry the score).
  const top = (hits.length > 0 ? hits : live)
    .slice(0, 3)
    .map((f) => `${f.severity} ${f.ruleId} at ${oneLine(f.path)}${f.line !== undefined ? `:${f.line}` : ''}`)
    .join('; ');
  return `gate failed: ${reasons.join(' and ')}${top ? ` — top: ${top}` : ''}`;
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
