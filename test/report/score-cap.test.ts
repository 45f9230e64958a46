import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { twoReleases, type FileMap } from '../support/repo.js';

// The score lines are the findings' points as they are; the score stops at 100. When the lines add up to
// more, the text and the comment say so under them, so nobody adding them up doubts the score.

const base: FileMap = { 'migrations/001_init.sql': 'CREATE TABLE t0 (id INT);\n' };

/** The release drops `tables` tables the older code reads: a critical finding (40 points) each. */
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

describe('score lines above the capped score', () => {
  it('says how many points the lines add up to when the score stops at 100', async () => {
    const dir = twoReleases(olderCode(4), { ...dropping(4), ...olderCode(4) });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    const total = report.scoreBreakdown.reduce((sum, line) => sum + line.points, 0);
    expect(total).toBeGreaterThan(100);
    expect(report.riskScore).toBe(100);

    const text = renderText(report).split('\n');
    const lines = text.slice(text.indexOf('Score') + 1, text.indexOf('Checklist') - 1);
    expect(lines.at(-1)).toBe(`  = ${total} points in all; the score stops at 100`);
    expect(lines.slice(0, -1).every((line) => /^ {2}\+\d+ /.test(line))).toBe(true);

    expect(renderMarkdown(report)).toContain(`\n\n${total} points in all; the score stops at 100.\n`);
  });

  it('adds nothing when the lines add up to the score', async () => {
    const dir = twoReleases(olderCode(1), { ...dropping(1), ...olderCode(1) });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    const total = report.scoreBreakdown.reduce((sum, line) => sum + line.points, 0);
    expect(total).toBeGreaterThan(0);
    expect(report.riskScore).toBe(total);
    expect(renderText(report)).not.toContain('points in all');
    expect(renderMarkdown(report)).not.toContain('points in all');
  });
});
