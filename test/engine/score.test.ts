// The score's properties (docs/scoring.md), each checked over generated releases, plus the formula on known values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_LIST } from '../../rules/index.js';
import { behaviourWeight } from '../../rules/behaviour-reverted.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { buildChecklist } from '../../src/engine/checklist.js';
import { apportion, concernWeight, effectiveCount, scoreOf, shownScore, WEIGHTS } from '../../src/engine/score.js';
import { verdictOf } from '../../src/engine/verdict.js';
import { SEVERITIES, type Finding, type Severity } from '../../src/model/report.js';

const RULE_IDS = RULE_LIST.map((r) => r.id);

const finding = (ruleId: string, severity: Severity, n = 0, weight?: number): Finding => {
  const rule = RULE_LIST.find((r) => r.id === ruleId)!;
  return {
    ruleId,
    category: rule.category,
    severity,
    message: `${ruleId} ${severity} #${n}`,
    path: `src/f${n}.ts`,
    checklistId: rule.checklist,
    ...(weight !== undefined ? { weight } : {}),
  };
};

// Few rules, so that findings often share a concern; any severity; sometimes a measured weight.
const anyFinding = (severities: readonly Severity[] = SEVERITIES) =>
  fc
    .record({
      ruleId: fc.constantFrom(...RULE_IDS.slice(0, 6), 'behaviour-reverted', 'export-removed', 'unclassified-change'),
      severity: fc.constantFrom(...severities),
      n: fc.nat(1000),
    })
    .map(({ ruleId, severity, n }) =>
      ruleId === 'behaviour-reverted' ? finding(ruleId, 'low', n, behaviourWeight([1 + (n % 400)])) : finding(ruleId, severity, n),
    );

const verdict = (findings: Finding[]) =>
  verdictOf(scoreOf(findings).score, findings, buildChecklist(findings, [], new Map()), defaultConfig());

describe('the score', () => {
  it('never goes down when a finding is added', () => {
    fc.assert(
      fc.property(fc.array(anyFinding(), { maxLength: 40 }), anyFinding(), (findings, extra) => {
        expect(scoreOf([...findings, extra]).score).toBeGreaterThanOrEqual(scoreOf(findings).score);
      }),
      { numRuns: 500 },
    );
  });

  it('makes a single critical finding blocked, whatever the rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_IDS), (ruleId) => {
        expect(verdict([finding(ruleId, 'critical')])).toBe('blocked');
      }),
    );
  });

  it('never makes low findings alone blocked, however many', () => {
    fc.assert(
      fc.property(fc.array(anyFinding(['info', 'low']), { minLength: 1, maxLength: 300 }), (findings) => {
        expect(verdict(findings)).not.toBe('blocked');
      }),
      { numRuns: 300 },
    );
  });

  it('is 0 for a style-only release and more for any behaviour change, however small', () => {
    expect(scoreOf([]).score).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 500 }), (linesPerFile) => {
        const behaviour = finding('behaviour-reverted', 'low', 0, behaviourWeight(linesPerFile));
        expect(scoreOf([behaviour]).score).toBeGreaterThan(0);
      }),
    );
  });

  it('tells apart two releases that differ by one more high finding, both below 100', () => {
    // Up to five findings of any rule, none critical, and one high more: at least a point apart (docs/scoring.md).
    fc.assert(
      fc.property(
        fc.array(anyFinding(['info', 'low', 'medium', 'high']), { maxLength: 5 }),
        fc.constantFrom(...RULE_IDS),
        (findings, ruleId) => {
          const before = scoreOf(findings).score;
          const after = scoreOf([...findings, finding(ruleId, 'high', 9999)]).score;
          expect(after).toBeGreaterThan(before);
          expect(after).toBeLessThan(100);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is the sum of its breakdown lines, whatever the order of the findings', () => {
    fc.assert(
      fc.property(
        fc
          .array(anyFinding(), { maxLength: 60 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([findings, shuffled]) => {
          const { score, breakdown } = scoreOf(findings);
          expect(breakdown.reduce((sum, line) => sum + line.points, 0)).toBe(score);
          expect(scoreOf(shuffled)).toEqual({ score, breakdown });
          for (const line of breakdown) expect(line.weight).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays below 100 and at 0 only when nothing weighs', () => {
    fc.assert(
      fc.property(fc.array(anyFinding(), { maxLength: 200 }), (findings) => {
        const { score } = scoreOf(findings);
        expect(score).toBeLessThan(100);
        expect(score === 0).toBe(findings.every((f) => (f.weight ?? WEIGHTS[f.severity]) === 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the formula on known values', () => {
  it('weighs one finding by its severity', () => {
    expect(scoreOf([finding('export-removed', 'high')]).score).toBe(35);
    expect(scoreOf([finding('export-removed', 'critical')]).score).toBe(60);
    expect(scoreOf([finding('edited-migration', 'medium')]).score).toBe(12);
    expect(scoreOf([finding('unclassified-change', 'low')]).score).toBe(3);
  });

  it('counts many findings of one rule as one concern with a count: 50 unread files weigh like 6.6', () => {
    expect(effectiveCount(1)).toBe(1);
    expect(effectiveCount(2)).toBe(2);
    expect(effectiveCount(4)).toBe(3);
    const fifty = Array.from({ length: 50 }, (_, i) => finding('unclassified-change', 'low', i));
    expect(concernWeight(fifty)).toBeCloseTo(1 - 0.97 ** (1 + Math.log2(50)), 10);
    expect(scoreOf(fifty).score).toBe(18);
    expect(scoreOf(fifty).breakdown).toEqual([
      {
        category: 'unclassified',
        points: 18,
        weight: 0.183,
        reason: expect.stringMatching(/^unclassified-change: 50 low \(w 0\.18\) — unclassified-change low #\d+ \(\+49 more\)$/),
      },
    ]);
  });

  it('combines concerns as independent chances, heaviest first, each line the share it adds', () => {
    const { score, breakdown } = scoreOf([
      finding('endpoint-removed', 'high'),
      finding('env-var-needed', 'medium'),
      finding('dependency-downgrade', 'low'),
    ]);
    // 100 × (1 − 0.65 × 0.88 × 0.97) = 44.5
    expect(score).toBe(45);
    expect(breakdown.map((l) => [l.category, l.points, l.weight])).toEqual([
      ['endpoint-removal', 35, 0.35],
      ['config-change', 8, 0.12],
      ['dependency-change', 2, 0.03],
    ]);
  });

  it('shows a score that is not 0 as at least 1, and never as 100', () => {
    expect(shownScore(0)).toBe(0);
    expect(shownScore(0.01)).toBe(1);
    expect(shownScore(99.99)).toBe(99);
    expect(shownScore(42.5)).toBe(43);
  });

  it('apportions whole points that add up to the total', () => {
    expect(apportion([33.3, 33.3, 33.4], 100)).toEqual([33, 33, 34]);
    expect(apportion([0.4, 0.2], 1)).toEqual([1, 0]);
    expect(apportion([], 0)).toEqual([]);
  });
});
