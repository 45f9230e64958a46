// The report from its facts, without git: rules, suppressions, score, checklist and verdict in one pure step.
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/model/facts.js';
import { reportOf } from '../../src/testing/report.js';

const styleOnly: Fact = { kind: 'file.classified', path: 'web/app.css', category: 'style-only', reason: 'stylesheet' };

function dropColumn(path: string, line: number, table = 'users', column = 'email'): Fact[] {
  return [
    { kind: 'file.classified', path, category: 'migration', reason: 'sql migration' },
    {
      kind: 'migration.op',
      path,
      line,
      migration: path,
      framework: 'sql',
      op: { action: 'drop-column', table, column },
      statement: `ALTER TABLE ${table} DROP COLUMN ${column}`,
      via: 'parser',
      newObject: false,
    },
  ];
}

const envNeeded: Fact = {
  kind: 'env.needed',
  path: 'src/mail.ts',
  line: 3,
  name: 'MAILER_URL',
  via: 'process.env.MAILER_URL',
  alsoAt: [],
  unsearched: 0,
};

describe('assembleReport', () => {
  it('calls a style-only release safe with a score of 0 and says why the review passes', () => {
    const report = reportOf({ files: ['web/app.css'], facts: [styleOnly] });
    expect(report.verdict).toBe('safe');
    expect(report.riskScore).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.changes).toEqual([{ path: 'web/app.css', status: 'modified', categories: ['style-only'] }]);
    expect(report.checklist.find((i) => i.id === 'review')).toMatchObject({
      status: 'pass',
      detail: 'only style, markup, docs, tests or assets changed: this release rolls back cleanly',
    });
  });

  it('never calls a release safe while a changed file is unread, and lists it for review', () => {
    const report = reportOf({ files: ['web/app.css', 'data/blob.bin'], facts: [styleOnly] });
    expect(report.verdict).not.toBe('safe');
    expect(report.riskScore).toBeGreaterThan(0);
    expect(report.changes.find((c) => c.path === 'data/blob.bin')?.categories).toEqual(['unclassified']);
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([['unclassified-change', 'data/blob.bin']]);
    expect(report.checklist.some((i) => i.status === 'manual' && i.findingRefs.length === 1)).toBe(true);
  });

  it('blocks a release that drops a column, and traces every point of the score to a finding', () => {
    const report = reportOf({ files: [{ path: 'db/002.sql', status: 'added' }], facts: dropColumn('db/002.sql', 1) });
    expect(report.verdict).toBe('blocked');
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.path, f.line])).toEqual([['drop-column', 'critical', 'db/002.sql', 1]]);
    expect(report.scoreBreakdown.map((l) => l.category)).toEqual(['destructive-migration']);
    expect(report.scoreBreakdown.reduce((sum, l) => sum + l.points, 0)).toBe(report.riskScore);
    const database = report.checklist.find((i) => i.id === 'database')!;
    expect(database.status).toBe('fail');
    expect(database.findingRefs.map((i) => report.findings[i]!.ruleId)).toEqual(['drop-column']);
  });

  it('applies a suppression: the finding stays listed with its reason and no longer counts', () => {
    const suppression: Fact = {
      kind: 'suppression',
      path: 'db/002.sql',
      line: 1,
      ruleId: 'drop-column',
      reason: 'the column was never read',
    };
    const report = reportOf({ files: [{ path: 'db/002.sql', status: 'added' }], facts: [...dropColumn('db/002.sql', 1), suppression] });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.suppressed).toEqual({ reason: 'the column was never read' });
    expect(report.riskScore).toBe(0);
    expect(report.verdict).not.toBe('blocked');
    expect(report.checklist.find((i) => i.id === 'database')!.findingRefs).toEqual([]);
  });

  it('never lowers the score when a finding is added', () => {
    const files = [{ path: 'db/002.sql', status: 'added' as const }, 'src/mail.ts'];
    const fewer = reportOf({
      files,
      facts: [...dropColumn('db/002.sql', 1), { kind: 'file.classified', path: 'src/mail.ts', category: 'code-change', reason: 'script' }],
    });
    const more = reportOf({
      files,
      facts: [
        ...dropColumn('db/002.sql', 1),
        { kind: 'file.classified', path: 'src/mail.ts', category: 'code-change', reason: 'script' },
        envNeeded,
      ],
    });
    expect(more.findings.length).toBe(fewer.findings.length + 1);
    expect(more.riskScore).toBeGreaterThanOrEqual(fewer.riskScore);
  });

  it('takes the verdict thresholds from the config', () => {
    const facts: Fact[] = [{ kind: 'file.classified', path: 'src/mail.ts', category: 'code-change', reason: 'script' }, envNeeded];
    const plain = reportOf({ files: ['src/mail.ts'], facts });
    expect(plain.verdict).toBe('caution');
    const strict = reportOf({ files: ['src/mail.ts'], facts, config: { verdict: { blockedAt: plain.riskScore } } });
    expect(strict.verdict).toBe('blocked');
  });

  it('gives the same report for the same facts in any order', () => {
    const mail: Fact = { kind: 'file.classified', path: 'src/mail.ts', category: 'code-change', reason: 'script' };
    const facts = [...dropColumn('db/002.sql', 4), ...dropColumn('db/001.sql', 9, 'orders', 'total'), mail, envNeeded, styleOnly];
    const files = [
      { path: 'db/001.sql', status: 'added' as const },
      { path: 'db/002.sql', status: 'added' as const },
      'src/mail.ts',
      'web/app.css',
    ];
    const one = reportOf({ files, facts });
    const other = reportOf({ files: [...files].reverse(), facts: [...facts].reverse() });
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
    expect(one.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([
      'drop-column db/001.sql:9',
      'drop-column db/002.sql:4',
      'env-var-needed src/mail.ts:3',
      'behaviour-reverted src/mail.ts:undefined',
    ]);
  });
});
