import { join } from 'node:path';
import { endpointsAnalyzer } from '../../src/analyzers/endpoints/analyzer.js';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Finding } from '../../src/model/report.js';
import { FIXTURES, twoReleases, type FileMap } from './repo.js';

const ENDPOINT_RULES = new Set(['endpoint-removed', 'endpoint-narrowed', 'webhook-removed', 'route-unresolved', 'endpoint-ambiguous', 'unclassified-change']);

/** Findings of the endpoint rules when rolling back from `v2` to `v1` (folders or file maps). */
export async function endpointFindings(to: string | FileMap, from: string | FileMap, config: Record<string, unknown> = {}): Promise<Finding[]> {
  const dir = twoReleases(to, from);
  const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config, analyzers: [endpointsAnalyzer] });
  return report.findings.filter((f) => ENDPOINT_RULES.has(f.ruleId) && !(f.ruleId === 'unclassified-change' && /no analyzer reads/.test(f.message)));
}

/** A fixture case under fixtures/endpoints/<framework>/<case>/{v1,v2}. */
export function fixtureCase(framework: string, name: string): [string, string] {
  const base = join(FIXTURES, 'endpoints', framework, name);
  return [join(base, 'v1'), join(base, 'v2')];
}

/** `METHOD path` of each removed endpoint, sorted. */
export function removedEndpoints(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.ruleId === 'endpoint-removed')
    .map((f) => /^(\S+) (\S+) \(/.exec(f.evidence ?? '')!.slice(1, 3).join(' '))
    .sort();
}
