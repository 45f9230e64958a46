import { describe, expect, it } from 'vitest';
import rule, { BEHAVIOUR_CAP, behaviourWeight, fileShare } from '../../rules/behaviour-reverted.js';
import type { Fact } from '../../src/model/facts.js';
import { testRule } from '../support/rule-tester.js';

const code = (path: string, lines: number): Fact[] => [
  { kind: 'file.classified', path, category: 'code-change', reason: 'script that parses' },
  { kind: 'file.changed', path, status: 'modified', insertions: lines, deletions: 0 },
];

testRule(rule, {
  valid: [
    {
      name: 'only a reformat',
      facts: [
        { kind: 'file.classified', path: 'src/a.ts', category: 'style-only', reason: 'formatting' },
        { kind: 'file.changed', path: 'src/a.ts', status: 'modified', insertions: 3, deletions: 3 },
      ],
    },
    {
      name: 'a fix commit with no code file',
      facts: [{ kind: 'history.fix', path: '.', sha: 'b'.repeat(40), subject: 'fix: typo in docs', fix: 'fix:', ids: [] }],
    },
  ],
  invalid: [
    {
      name: 'a one-line logic fix',
      facts: [
        ...code('src/cart.ts', 1),
        { kind: 'history.fix', path: '.', sha: 'b'.repeat(40), subject: 'fix: free shipping threshold', fix: 'fix:', ids: [] },
      ],
      findings: [
        {
          path: 'src/cart.ts',
          weight: behaviourWeight([1]),
          message: 'the rollback reverts behaviour in 1 code file (1 changed line) and takes back 1 fix: "fix: free shipping threshold"',
          evidence: 'src/cart.ts (1)',
        },
      ],
    },
    {
      name: 'many files: the biggest first, the weight grows with each',
      facts: [...code('src/a.ts', 10), ...code('src/b.ts', 300), ...code('src/c.ts', 40)],
      findings: [{ path: 'src/b.ts', weight: behaviourWeight([10, 300, 40]), evidence: 'src/b.ts (300), src/c.ts (40), src/a.ts (10)' }],
    },
  ],
});

describe('the weight of the behaviour a rollback reverts', () => {
  it('gives every file at least 0.01 and at most 0.05, more with more lines', () => {
    expect(fileShare(0)).toBeCloseTo(0.01, 10);
    expect(fileShare(100)).toBeCloseTo(0.03, 10);
    expect(fileShare(1e9)).toBeCloseTo(0.05, 10);
    expect(fileShare(50)).toBeLessThan(fileShare(51));
  });

  it('grows with every file and stays under its cap', () => {
    expect(behaviourWeight([])).toBe(0);
    expect(behaviourWeight([1])).toBeGreaterThan(0);
    expect(behaviourWeight([1, 1])).toBeGreaterThan(behaviourWeight([1]));
    expect(behaviourWeight(Array.from({ length: 5000 }, () => 10_000))).toBeLessThanOrEqual(BEHAVIOUR_CAP);
  });
});
