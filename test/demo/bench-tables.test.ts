import { describe, expect, it } from 'vitest';
import { phasesTable, type PairRow } from '../../src/demo/bench-tables.js';

const row = (pair: string, floorMedian: number, phases?: Record<string, number>): PairRow => ({
  pair,
  files: 1200,
  runs: 3,
  floor: { bestMs: floorMedian - 10, medianMs: floorMedian, rssMb: 100 },
  tools: [
    {
      tool: 'this build',
      bestMs: 0,
      medianMs: phases ? Object.values(phases).reduce((a, b) => a + b, 0) : 0,
      rssMb: 200,
      ratioBest: 0,
      ratioMedian: 0,
      rssRatio: 2,
      git: { total: 9, byCommand: {} },
      verdict: 'blocked',
      riskScore: 90,
      ...(phases ? { phases } : {}),
    },
  ],
});

describe('the table of where the time of each pair goes', () => {
  it('groups the phases of the median run, each in milliseconds and as a multiple of the floor', () => {
    const phases = {
      start: 100,
      git: 200,
      read: 300,
      parse: 1000,
      'analyze:files': 50,
      'analyze:contracts': 400,
      'analyze:migrations': 30,
      'analyze:endpoints': 500,
      rules: 10,
      report: 10,
    };
    const table = phasesTable([row('outline/outline v1.2.0 ← v1.1.0', 1000, phases)]);
    const cells = table
      .split('\n')[2]!
      .split('|')
      .map((c) => c.trim());
    expect(cells.slice(1, 9)).toEqual([
      'outline/outline v1.2.0 ← v1.1.0',
      '1,200',
      '1,000',
      '600, 0.6',
      '1,000, 1',
      '400, 0.4',
      '500, 0.5',
      '100, 0.1',
    ]);
    // The groups add up to the analysis's median over the floor's: 2.6.
    const total = cells.slice(4, 9).reduce((sum, cell) => sum + Number(cell.split(', ')[1]), 0);
    expect(total).toBeCloseTo(2.6, 5);
  });

  it('leaves out a pair measured without phases rather than showing zeros', () => {
    const table = phasesTable([row('a/b v2 ← v1', 500), row('c/d v2 ← v1', 500, { parse: 400 })]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('c/d v2 ← v1');
    expect(table).not.toContain('a/b v2 ← v1');
  });
});
