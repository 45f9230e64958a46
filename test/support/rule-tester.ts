// A strict, table-driven tester for one rule: valid cases yield nothing; invalid cases yield
// exactly the stated findings (path, line, and any other field given), no more and no less.
import { describe, expect, it } from 'vitest';
import { Facts, type Fact } from '../../src/model/facts.js';
import { z } from 'zod';
import type { AnyRule, FindingDraft } from '../../rules/rule.js';

export interface RuleCase {
  name: string;
  facts: Fact[];
  options?: Record<string, unknown>;
}

export interface InvalidCase extends RuleCase {
  findings: { [K in keyof FindingDraft]?: unknown }[];
}

const context = {
  from: { ref: 'v2', sha: 'f'.repeat(40) },
  to: { ref: 'v1', sha: 'e'.repeat(40) },
  toIsAncestor: true,
};

export function checkRule(rule: AnyRule, facts: Fact[], options: Record<string, unknown> = {}): FindingDraft[] {
  const parsed = rule.options ? rule.options.schema(z).parse(options) : {};
  return rule.check(new Facts(facts), { options: parsed, ...context });
}

export function testRule(rule: AnyRule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`duplicate case name in ${rule.id} tests: ${duplicate}`);
  describe(rule.id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(checkRule(rule, c.facts, c.options)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      if (c.findings.length === 0) throw new Error('an invalid case must state at least one finding');
      const got = checkRule(rule, c.facts, c.options);
      expect(got).toHaveLength(c.findings.length);
      c.findings.forEach((expected, i) => expect(got[i]).toMatchObject(expected));
    });
  });
}
