import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Finding, Report } from '../../src/model/report.js';
import { twoReleases, type FileMap } from './repo.js';

export const LIB = JSON.stringify({ name: 'lib', version: '1.0.0', main: 'src/index.ts' });

/** A library whose entry re-exports src/api.ts; `to` and `from` are the two versions of that module. */
export function library(api: string, extra: FileMap = {}): FileMap {
  return { 'package.json': LIB, 'src/index.ts': "export * from './api';\n", 'src/api.ts': api, ...extra };
}

export async function rollback(to: FileMap | string, from: FileMap | string, config?: Record<string, unknown>): Promise<Report> {
  const repo = twoReleases(to, from);
  return analyzeRollback({ repo, from: 'v2', to: 'v1', ...(config ? { config } : {}) });
}

export type Seen = Pick<Finding, 'ruleId' | 'severity' | 'path' | 'line' | 'message' | 'evidence'>;

/** The contract findings of rolling back from `from` to `to`, as plain data to compare. */
export async function contractFindings(to: FileMap | string, from: FileMap | string, config?: Record<string, unknown>): Promise<Seen[]> {
  const report = await rollback(to, from, config);
  return report.findings
    .filter((f) => f.category === 'contract-change')
    .map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, line: f.line, message: f.message, evidence: f.evidence }));
}
