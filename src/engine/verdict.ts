import type { Config } from '../config/schema.js';
import type { ChecklistItem, Finding, Verdict } from '../model/report.js';
import { atLeast } from '../model/report.js';

/**
 * The policy of docs/scoring.md, read off the severities the rules give:
 * blocked: a high or critical finding (something the older code or a client outside the rollback breaks on);
 * caution: a medium finding, or a checklist item waiting for a person (unread files, config, infrastructure);
 * safe: nothing of the above — never given while a change is unread. A team's score thresholds
 * (`verdict.cautionAt`, `verdict.blockedAt`) can only make the verdict stricter.
 */
export function verdictOf(score: number, findings: readonly Finding[], checklist: readonly ChecklistItem[], config: Config): Verdict {
  const live = findings.filter((f) => !f.suppressed);
  const { cautionAt, blockedAt } = config.verdict;
  if (live.some((f) => atLeast(f.severity, 'high')) || (blockedAt !== undefined && score >= blockedAt)) return 'blocked';
  if (
    live.some((f) => atLeast(f.severity, 'medium')) ||
    checklist.some((item) => item.status !== 'pass') ||
    (cautionAt !== undefined && score >= cautionAt)
  ) {
    return 'caution';
  }
  return 'safe';
}
