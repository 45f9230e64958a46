import { notesOf, type Finding, type Report, type Severity } from '../model/report.js';
import { RULE_LIST } from '../../rules/index.js';
import type { AnyRule } from '../../rules/rule.js';
import { anchorOf, fingerprints } from './locate.js';
import type { Reporter } from './reporter.js';
import { jsonText } from './json.js';
import { printableDeep } from '../util/sanitize.js';

// SARIF 2.1.0 for code scanning. Rule metadata comes from the rule registry, never a second list.

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The key of our own partial fingerprint; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'rollbackReady/v1';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

export function sarifLevel(severity: Severity): Level {
  return LEVEL[severity];
}

const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

/** A repository path as a relative URI reference: each segment percent-encoded, slashes kept. */
export function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function ruleOut(rule: AnyRule): Record<string, unknown> {
  const { why, example, fix } = rule.docs;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: why },
    help: {
      text: `${why}\n\nExample: ${example}\n\nFix: ${fix}\n\nRemediation: ${rule.remediation}`,
      markdown: `**Why.** ${why}\n\n**Example.** ${example}\n\n**Fix.** ${fix}\n\n**Remediation.** ${rule.remediation}`,
    },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { category: rule.category, severity: rule.severity, tags: ['rollback', rule.category] },
  };
}

function resultOut(f: Finding, fingerprint: string, report: Report, ruleIndex: Map<string, number>): Record<string, unknown> {
  const anchor = anchorOf(f, report);
  const location: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: { uri: pathUri(anchor.path), uriBaseId: '%SRCROOT%' },
      region: { startLine: anchor.line },
    },
  };
  if (anchor.wholeRelease) location.message = { text: 'About the whole release; shown at its first changed file.' };
  const result: Record<string, unknown> = { ruleId: f.ruleId };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) result.ruleIndex = index;
  result.level = sarifLevel(f.severity);
  result.message = { text: f.message };
  result.locations = [location];
  result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint };
  if (f.suppressed) result.suppressions = [{ kind: 'inSource', justification: f.suppressed.reason }];
  const properties: Record<string, unknown> = { severity: f.severity, category: f.category, checklistId: f.checklistId };
  if (f.evidence !== undefined) properties.evidence = f.evidence;
  if (f.endpoint !== undefined) properties.endpoint = f.endpoint;
  if (f.remediation !== undefined) properties.remediation = f.remediation;
  result.properties = properties;
  return result;
}

export function toSarif(report: Report, rules: readonly AnyRule[] = RULE_LIST): Record<string, unknown> {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const prints = fingerprints(report.findings);
  const { warning } = notesOf(report);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: rules.map(ruleOut),
          },
        },
        // The notes of the analysis (the swapped-refs warning first) are the run's notifications.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes.map((note) => ({
              level: note === warning ? 'warning' : 'note',
              message: { text: note },
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f, i) => resultOut(f, prints[i]!, report, ruleIndex)),
        properties: {
          verdict: report.verdict,
          riskScore: report.riskScore,
          from: report.from,
          to: report.to,
          toIsAncestor: report.toIsAncestor,
          toIsDescendant: report.toIsDescendant,
        },
      },
    ],
  };
}

export const sarifReporter: Reporter = {
  format: 'sarif',
  // Printable first: a path is URI-encoded, which a lone surrogate (a file name byte that is not UTF-8) would break.
  render: (report) => jsonText(toSarif(printableDeep(report))),
};
