import type { Finding, Report } from '../model/report.js';
import type { Reporter } from './reporter.js';

/** The contract order of a finding's fields; optional ones only when set. */
function findingOut(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, path: f.path };
  if (f.line !== undefined) out.line = f.line;
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.remediation !== undefined) out.remediation = f.remediation;
  out.checklistId = f.checklistId;
  if (f.suppressed) out.suppressed = f.suppressed;
  return out;
}

export function toJson(report: Report): Record<string, unknown> {
  return { ...report, findings: report.findings.map(findingOut) };
}

export const jsonReporter: Reporter = {
  format: 'json',
  render: (report) => `${JSON.stringify(toJson(report), null, 2)}\n`,
};
