import { join } from 'node:path';
import { endpointsAnalyzer } from '../../src/analyzers/endpoints/analyzer.js';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Finding } from '../../src/model/report.js';
import { FIXTURES, twoReleases, type FileMap } from './repo.js';

const ENDPOINT_RULES = new Set([
  'endpoint-removed',
  'procedure-removed',
  'endpoint-rerouted',
  'spec-code-mismatch',
  'endpoint-narrowed',
  'webhook-removed',
  'route-unresolved',
  'endpoint-ambiguous',
  'unclassified-change',
]);

/** Findings of the endpoint rules when rolling back from `v2` to `v1` (folders or file maps). */
export async function endpointFindings(
  to: string | FileMap,
  from: string | FileMap,
  config: Record<string, unknown> = {},
): Promise<Finding[]> {
  const dir = twoReleases(to, from);
  const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config, analyzers: [endpointsAnalyzer] });
  return report.findings.filter(
    (f) => ENDPOINT_RULES.has(f.ruleId) && !(f.ruleId === 'unclassified-change' && /no analyzer reads/.test(f.message)),
  );
}

/** A fixture case under fixtures/endpoints/<framework>/<case>/{v1,v2}. */
export function fixtureCase(framework: string, name: string): [string, string] {
  const base = join(FIXTURES, 'endpoints', framework, name);
  return [join(base, 'v1'), join(base, 'v2')];
}

/** `METHOD path` of each removed endpoint (and tRPC procedure), sorted: read from the findings' endpoint objects. */
export function removedEndpoints(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.ruleId === 'endpoint-removed' || f.ruleId === 'procedure-removed')
    .map((f) => `${f.endpoint!.method} ${f.endpoint!.path}`)
    .sort();
}
