import { createHash } from 'node:crypto';
import { notesOf, type Report, type Severity } from '../model/report.js';
import { anchorOf, fingerprints, releaseAnchor } from './locate.js';
import type { Reporter } from './reporter.js';
import { jsonText } from './json.js';

// GitLab Code Quality (a subset of the Code Climate issue format), shown in merge requests.

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = {
  info: 'info',
  low: 'minor',
  medium: 'major',
  high: 'critical',
  critical: 'blocker',
};

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: CodeQualitySeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

/**
 * Suppressed findings are left out: Code Quality has no way to show a justified exception. Swapped refs come first,
 * as an issue of their own: the merge request shows nothing else of the report.
 */
export function toCodeQuality(report: Report): CodeQualityIssue[] {
  const prints = fingerprints(report.findings);
  const { warning } = notesOf(report);
  const anchor = releaseAnchor(report);
  const swapped: CodeQualityIssue[] = warning
    ? [
        {
          type: 'issue',
          check_name: 'refs-swapped',
          description: warning,
          categories: ['Bug Risk'],
          severity: 'major',
          fingerprint: createHash('sha256').update(`refs-swapped\0${report.from.sha}\0${report.to.sha}`).digest('hex').slice(0, 32),
          location: { path: anchor.path, lines: { begin: anchor.line } },
        },
      ]
    : [];
  return [
    ...swapped,
    ...report.findings.flatMap((f, i) => {
      if (f.suppressed) return [];
      const anchor = anchorOf(f, report);
      const description = anchor.wholeRelease ? `${f.message} (whole release)` : f.message;
      return [
        {
          type: 'issue' as const,
          check_name: f.ruleId,
          description,
          categories: ['Bug Risk'],
          severity: SEVERITY[f.severity],
          fingerprint: prints[i]!,
          location: { path: anchor.path, lines: { begin: anchor.line } },
        },
      ];
    }),
  ];
}

export const gitlabReporter: Reporter = {
  format: 'gitlab',
  render: (report) => jsonText(toCodeQuality(report)),
};
