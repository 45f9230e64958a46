import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { twoReleases, type FileMap } from '../support/repo.js';

// The score lines are the terms of 100 × (1 − Π (1 − w)): they add up to the score, and the text and the comment
// print the formula under them, so a reader can redo the sum.

const base: FileMap = { 'migrations/001_init.sql': 'CREATE TABLE t0 (id INT);\n' };

/** The release drops `tables` tables the older code reads: a critical finding each. */
function dropping(tables: number): FileMap {
  const tree: FileMap = { ...base };
  for (let i = 1; i <= tables; i++) tree[`migrations/00${i + 1}_drop_t${i}.sql`] = `DROP TABLE t${i};\n`;
  return tree;
}

const olderCode = (tables: number): FileMap => {
  const tree: FileMap = { ...base };
  for (let i = 1; i <= tables; i++) tree[`src/t${i}.ts`] = `export const read${i} = (db: any) => db.query('SELECT id FROM t${i}');\n`;
  return tree;
};

describe('score lines', () => {
  it('add up to the score, which stays below 100 however many criticals, and the formula is printed under them', async () => {
    const dir = twoReleases(olderCode(4), { ...dropping(4), ...olderCode(4) });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    const total = report.scoreBreakdown.reduce((sum, line) => sum + line.points, 0);
    expect(total).toBe(report.riskScore);
    expect(report.riskScore).toBeGreaterThan(80);
    expect(report.riskScore).toBeLessThan(100);

    const weights = report.scoreBreakdown.map((line) => `(1 − ${line.weight!.toFixed(2)})`).join('');
    const text = renderText(report).split('\n');
    const lines = text.slice(text.indexOf('Score') + 1, text.indexOf('Checklist') - 1);
    expect(lines.at(-1)).toBe(`  = 100 × (1 − ${weights}) = ${report.riskScore}`);
    expect(lines.slice(0, -1).every((line) => /^ {2}\+\d+ /.test(line))).toBe(true);
    expect(renderMarkdown(report)).toContain(`\n\nScore: 100 × (1 − ${weights}) = ${report.riskScore}.\n`);
  });

  it('say nothing of a formula when nothing weighs', async () => {
    const dir = twoReleases({ 'README.md': '# a\n' }, { 'README.md': '# b\n' });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    expect(report.riskScore).toBe(0);
    expect(renderText(report)).not.toContain('100 ×');
    expect(renderMarkdown(report)).not.toContain('100 ×');
  });
});
