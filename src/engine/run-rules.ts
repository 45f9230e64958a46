import type { Facts } from '../model/facts.js';
import type { Config, RuleSetting } from '../config/schema.js';
import { UsageError } from '../util/errors.js';
import type { Finding, RefInfo, Severity } from '../model/report.js';
import type { AnyRule } from '../../rules/rule.js';
import { clip } from '../util/sanitize.js';
import { applySuppressions } from './suppress.js';

/**
 * The longest message, remediation and evidence a finding carries: they quote repository and configuration text
 * (names, versions, SQL, a custom rule's message), which has no length of its own.
 */
export const MAX_MESSAGE = 600;
export const MAX_EVIDENCE = 2000;

export interface RuleRun {
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
}

function settingOf(config: Config, id: string): { severity?: Severity | 'off'; options?: Record<string, unknown> } {
  // Own keys only: a rule id such as `constructor` must not find Object.prototype's.
  const setting: RuleSetting | undefined = Object.hasOwn(config.rules, id) ? config.rules[id] : undefined;
  if (setting === undefined) return {};
  if (typeof setting === 'string') return { severity: setting };
  return setting;
}

export interface RuleResults {
  findings: Finding[];
  /** Titles of checklist items that findings created for themselves. */
  checklistTitles: Map<string, string>;
}

/**
 * Runs every enabled rule over the facts, with the configured severities and options; then matches the findings
 * with the suppression comments, and runs the rules that judge what that left (unused comments).
 */
export function runRules(rules: readonly AnyRule[], facts: Facts, config: Config, run: RuleRun): RuleResults {
  const results = runPhase(
    rules.filter((r) => !r.afterSuppressions),
    facts,
    config,
    run,
  );
  const off = new Set(rules.filter((r) => settingOf(config, r.id).severity === 'off').map((r) => r.id));
  for (const fact of applySuppressions(results.findings, facts, { known: new Set(rules.map((r) => r.id)), off })) facts.add(fact);
  const after = runPhase(
    rules.filter((r) => r.afterSuppressions),
    facts,
    config,
    run,
  );
  results.findings.push(...after.findings);
  for (const [id, title] of after.checklistTitles) results.checklistTitles.set(id, title);
  return results;
}

function runPhase(rules: readonly AnyRule[], facts: Facts, config: Config, run: RuleRun): RuleResults {
  const findings: Finding[] = [];
  const checklistTitles = new Map<string, string>();
  // Two analyzers may report the same unread file: one finding per rule, place and message.
  const seen = new Set<string>();
  for (const rule of rules) {
    const setting = settingOf(config, rule.id);
    if (setting.severity === 'off') continue;
    let options: unknown = {};
    if (rule.options) {
      // Options in a config were checked, and their defaults filled, when it was validated (parseConfig).
      options = setting.options !== undefined ? setting.options : structuredClone(rule.options.defaults);
    } else if (setting.options && Object.keys(setting.options).length > 0) {
      throw new UsageError(`config rules.${rule.id}.options: this rule takes no options`, `remove the options of ${rule.id}`);
    }
    for (const draft of rule.check(facts, { options, ...run })) {
      const finding: Finding = {
        ruleId: rule.id,
        category: draft.category ?? rule.category,
        severity: setting.severity ?? draft.severity ?? rule.severity,
        message: clip(draft.message, MAX_MESSAGE),
        path: draft.path,
        checklistId: draft.checklist?.id ?? rule.checklist,
      };
      if (draft.line !== undefined) finding.line = draft.line;
      if (draft.evidence !== undefined) finding.evidence = clip(draft.evidence, MAX_EVIDENCE);
      if (draft.weight !== undefined && setting.severity === undefined) finding.weight = Math.min(1, Math.max(0, draft.weight));
      if (draft.endpoint !== undefined) finding.endpoint = draft.endpoint;
      finding.remediation = clip(draft.remediation ?? rule.remediation, MAX_MESSAGE);
      if (draft.checklist) checklistTitles.set(draft.checklist.id, draft.checklist.title);
      const key = `${finding.ruleId}\0${finding.path}\0${finding.line}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return { findings, checklistTitles };
}
