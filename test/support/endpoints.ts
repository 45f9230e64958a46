import { join } from 'node:path';
import { endpointsAnalyzer } from '../../src/analyzers/endpoints/analyzer.js';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Release } from '../../src/analyzers/analyzer.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { TreeCache } from '../../src/engine/trees.js';
import type { Finding, Side } from '../../src/model/report.js';
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

/** A release over in-memory files (`to` the same as `from` unless given), scripts parsed as the engine parses them. */
export function memoryRelease(from: Record<string, string>, to: Record<string, string> = from): Release {
  const trees = new TreeCache();
  const files: Record<Side, Record<string, string>> = { from, to };
  const content = (side: Side, path: string) =>
    path in files[side] ? { text: files[side][path], size: files[side][path]!.length } : { size: 0, unreadable: 'missing' as const };
  return {
    from: { ref: 'v2', sha: 'f'.repeat(40) },
    to: { ref: 'v1', sha: 'e'.repeat(40) },
    toIsAncestor: true,
    files: [],
    commits: [],
    config: defaultConfig(),
    content: () => ({ size: 0, unreadable: 'missing' }),
    readPath: async (side, path) => content(side, path),
    listFiles: async (side, dir) => Object.keys(files[side]).filter((p) => !dir || p.startsWith(`${dir}/`)),
    listFolder: async (side, dir) =>
      new Set(
        Object.keys(files[side])
          .filter((p) => (dir ? p.startsWith(`${dir}/`) : true) && !p.slice(dir ? dir.length + 1 : 0).includes('/'))
          .map((p) => p.slice(p.lastIndexOf('/') + 1)),
      ),
    tree: async (side, path) => (path in files[side] ? trees.get(path, files[side][path]!) : undefined),
    outOfTime: () => false,
    progress: () => {},
  };
}
