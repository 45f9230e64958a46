import type { Config } from '../config/schema.js';
import type { ChecklistItem, Finding, Verdict } from '../model/report.js';
import { atLeast } from '../model/report.js';

/**
 * blocked: a critical finding, or a score at verdict.blockedAt or above.
 * caution: anything failing or waiting for a person, or a score at verdict.cautionAt or above.
 * safe: nothing of the above — never given while a change is unread.
 */
export function verdictOf(score: number, findings: readonly Finding[], checklist: readonly ChecklistItem[], config: Config): Verdict {
  const live = findings.filter((f) => !f.suppressed);
  if (live.some((f) => atLeast(f.severity, 'critical')) || score >= config.verdict.blockedAt) return 'blocked';
  if (checklist.some((item) => item.status !== 'pass') || score >= config.verdict.cautionAt) return 'caution';
  return 'safe';
}
