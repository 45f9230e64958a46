import type { z } from 'zod';
import type { Facts } from '../src/model/facts.js';
import type { ChecklistId } from '../src/model/checklist.js';
import type { Category, EndpointEvidence, RefInfo, Severity } from '../src/model/report.js';

export interface RuleDocs {
  /** Why this matters for a rollback. */
  why: string;
  /** A change that triggers the rule, as a user would write it. */
  example: string;
  /** How to make the rollback safe, or the release rollback-friendly. */
  fix: string;
}

/** What a rule reports; the engine adds rule id, category, severity and checklist item. */
export interface FindingDraft {
  message: string;
  path: string;
  line?: number;
  evidence?: string;
  /** The endpoint the finding is about, as data (endpoint rules). */
  endpoint?: EndpointEvidence;
  remediation?: string;
  /** Files the finding under another category than the rule's (for example by what a label says). */
  category?: Category;
  /** Overrides the rule's default severity for this finding (a configured severity still wins). */
  severity?: Severity;
  /** What the finding weighs in the score (0–1), when the rule measures it instead of using its severity's weight. */
  weight?: number;
  /** Feeds a checklist item of its own instead of the rule's (for example one per infrastructure kind). */
  checklist?: { id: string; title: string };
}

export interface RuleContext<O> {
  options: O;
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
}

/**
 * A rule's options: the defaults as data, and the schema a config's options are checked against. The schema is
 * built from the zod it is given, so that zod is loaded only when a config sets something (a test checks that
 * the schema turns `{}` into exactly the defaults).
 */
export interface RuleOptions<O> {
  defaults: O;
  schema(zod: typeof z): z.ZodType<O>;
}

export interface Rule<O = Record<string, never>> {
  id: string;
  category: Category;
  severity: Severity;
  /** One line, shown by `rollback-ready rules` and in SARIF. */
  description: string;
  checklist: ChecklistId;
  /**
   * How findings of medium severity and above mark their checklist item: `fail` (the default)
   * or `manual` (a person must act or look, for example infrastructure or unread files).
   */
  outcome?: 'fail' | 'manual';
  remediation: string;
  docs: RuleDocs;
  options?: RuleOptions<O>;
  /** Runs once the other rules' findings met the suppression comments, and judges what that step left (`suppression.unused`). */
  afterSuppressions?: boolean;
  check(facts: Facts, context: RuleContext<O>): FindingDraft[];
}

// Options are checked per rule at run time, so the registry holds rules of any option type.
export type AnyRule = Rule<unknown>;

export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}
