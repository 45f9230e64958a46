// Every corpus case through a real git repository and the real analysis: the exact rule ids.
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { SEVERITIES, type Report } from '../../../src/model/report.js';
import { buildRepo, type FileMap, type ReleaseSpec } from '../../support/repo.js';
import { BASE, CASES } from '../../support/migration-corpus.js';

const ALWAYS = new Set(['schema-left-behind', 'down-migration']);

const releases: ReleaseSpec[] = [];
CASES.forEach((c, i) => {
  const to: FileMap = c.bare ? { ...c.to } : { ...BASE, ...c.to };
  releases.push({ tree: to, tag: `c${i}-to` }, { tree: { ...to, ...c.from, ...(c.bare ? {} : {}) }, tag: `c${i}-from` });
});
// A bare case replaces the tree: files of `to` not in `from` are deleted by the release.
CASES.forEach((c, i) => {
  if (c.bare) releases[i * 2 + 1]!.tree = { ...c.from };
});
const repo = buildRepo(releases);
const totals = { cases: 0, sqlParsed: 0, sqlFallback: 0 };

describe('migration corpus', () => {
  it('has at least 250 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(250);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const report: Report = await analyzeRollback({ repo, from: `c${i}-from`, to: `c${i}-to` });
    // Other analyzers judge the same files (a coupled source file's exports, say): only the database's findings count here.
    const live = report.findings.filter((f) => !f.suppressed && (f.checklistId === 'database' || f.category === 'unclassified'));
    const ids = [...new Set(live.map((f) => f.ruleId).filter((id) => !ALWAYS.has(id)))].sort();
    expect(
      ids,
      JSON.stringify(
        live.map((f) => [f.ruleId, f.path, f.line, f.message]),
        null,
        1,
      ),
    ).toEqual([...c.ids].sort());
    if (c.ids.every((id) => id === 'blocking-index-build') && !c.suppressed) {
      expect(live.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    }
    if (c.suppressed) expect(report.findings.filter((f) => f.suppressed).map((f) => f.suppressed!.reason)).toEqual([c.suppressed]);
    if (c.max)
      expect(
        live.map((f) => f.severity).sort((a, b) => SEVERITIES.indexOf(b) - SEVERITIES.indexOf(a))[0],
        JSON.stringify(live.map((f) => [f.ruleId, f.severity])),
      ).toBe(c.max);
    const readers = Object.fromEntries(
      Object.entries(report.stats)
        .filter(([k]) => k.startsWith('migrationsReadAs.'))
        .map(([k, v]) => [k.slice('migrationsReadAs.'.length), v]),
    );
    if (c.reader) expect(Object.keys(readers)).toContain(c.reader);
    // Which reader read what, per case: a change in how a statement is read shows here.
    expect({
      readers,
      parser: report.stats.sqlParsed ?? 0,
      fallback: report.stats.sqlFallback ?? 0,
      builder: report.stats.builderOps ?? 0,
    }).toMatchSnapshot();
    totals.cases++;
    totals.sqlParsed += report.stats.sqlParsed ?? 0;
    totals.sqlFallback += report.stats.sqlFallback ?? 0;
  });

  afterAll(() => {
    process.stdout.write(
      `\nmigration corpus: ${totals.cases} cases, statements read by node-sql-parser ${totals.sqlParsed}, by the token fallback ${totals.sqlFallback}\n`,
    );
  });
});
