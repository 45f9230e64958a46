import type { Finding, Report } from '../model/report.js';
import type { Reporter } from './reporter.js';
import { printableDeep } from '../util/sanitize.js';

/**
 * A machine-readable report as JSON text: every string printable (no control character, not even JSON-escaped:
 * `jq -r` would print it raw), and `##[` written `##\u005b` (the same JSON), since a GitHub Actions runner reads
 * `##[command]` anywhere in a line of a step's output as a workflow command.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(printableDeep(value), null, 2).replaceAll('##[', '##\\u005b')}\n`;
}

/** The contract order of a finding's fields; optional ones only when set. */
function findingOut(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, path: f.path };
  if (f.line !== undefined) out.line = f.line;
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.endpoint !== undefined) out.endpoint = f.endpoint;
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
  render: (report) => jsonText(toJson(report)),
};
