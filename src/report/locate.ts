import { createHash } from 'node:crypto';
import type { Finding, Report } from '../model/report.js';

/** Where a machine-read report (SARIF, Code Quality) places a finding: always a file and a line. */
export interface Anchor {
  path: string;
  line: number;
  /** The finding is about the whole release (path `.`), anchored at its first changed file. */
  wholeRelease: boolean;
}

/**
 * Code scanning rejects a whole SARIF file when one result has no file, and Code Quality needs a path,
 * so a release-level finding (path `.`) is anchored at the first file the release changed, line 1,
 * where a pull request shows it; `.` remains only when the release changed no file.
 */
export function anchorOf(finding: Finding, report: Report): Anchor {
  if (finding.path !== '.') return { path: finding.path, line: finding.line ?? 1, wholeRelease: false };
  return releaseAnchor(report);
}

/** Where something about the whole release is shown: its first changed file that still exists, line 1. */
export function releaseAnchor(report: Report): Anchor {
  const first = report.changes.find((c) => c.status !== 'deleted') ?? report.changes[0];
  return { path: first?.path ?? '.', line: 1, wholeRelease: true };
}

/**
 * One stable id per finding, the same across runs while the finding stays: rule, path and message with
 * numbers masked (counts and line shifts must not make a new alert), plus an ordinal for look-alikes.
 * Evidence is left out: it is supporting detail (which thresholds, which statement) that may change.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const mask = (text: string) => text.replace(/\d+/g, '#');
    const key = createHash('sha256')
      // A finding about the whole release (path '.') is one alert per rule, whatever its wording says this time.
      .update([f.ruleId, f.path, f.path === '.' ? '' : mask(f.message)].join('\0'))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}:${n}`;
  });
}
