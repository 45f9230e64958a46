// The Markdown report as GitHub shows it: rendered by micromark with GFM (CommonMark plus tables, autolinks and
// strikethrough, the rules GitHub follows), then read as HTML. The source text alone cannot show whether an entity
// is decoded, a backtick closes a code span or a pipe splits a table cell.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Report } from '../../src/model/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { twoReleases } from '../support/repo.js';

// allowDangerousHtml: GitHub keeps the HTML it allows (details, summary, sub), so what slips through shows.
const render = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
/** The text of an HTML fragment, as a reader sees it (entities decoded). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const codes = (html: string) => [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => text(m[1]!));

let report: Report;
beforeAll(async () => {
  const dir = twoReleases(
    { 'src/a.ts': 'export const a = 1;\n' },
    { 'src/a.ts': 'export const a = 2;\n', 'data/x.bin': Buffer.from([0, 1]) },
  );
  report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', config: { platform: 'gitops' } });
  // Repository text of every awkward kind, in the places the report puts it.
  const f = report.findings[0]!;
  report.findings = [
    {
      ...f,
      message: 'getUser now returns Promise<User> | null, bumps @sentry/node to 8 and *drops* [legacy](x) ~~y~~',
      evidence: 'function getUser(): Promise<User> { return `a ``b`` c` }',
      path: 'src/<a>|b.ts',
    },
    { ...f, message: 'plain', evidence: '`starts and ends with backticks`', remediation: 'use <Tag> & keep a|b' },
    ...report.findings.slice(1),
  ];
  report.checklist[0] = { ...report.checklist[0]!, title: 'Title | with a pipe and @acme/ops', detail: 'detail <b>bold</b> & `tick`' };
  report.rollback = { ...report.rollback!, commands: ['git revert --no-edit abc..def # ```not a fence```'] };
});

describe('the Markdown report as GitHub renders it', () => {
  it('shows code as written: no entity inside code, backticks kept, a fence longer than any run inside', () => {
    const html = render(renderMarkdown(report));
    const shown = codes(html);
    expect(shown).toContain('function getUser(): Promise<User> { return `a ``b`` c` }');
    expect(shown).toContain('`starts and ends with backticks`');
    expect(shown).toContain('src/<a>|b.ts:1'.replace(':1', report.findings[0]!.line !== undefined ? `:${report.findings[0]!.line}` : ''));
    expect(html).not.toMatch(/&amp;lt;|&amp;amp;/);
    expect(html).not.toContain('ˋ');
  });

  it('shows prose as written, with no HTML, no formatting and no link made from repository text', () => {
    const html = render(renderMarkdown(report));
    expect(text(html)).toContain('getUser now returns Promise<User> | null, bumps @sentry/node to 8 and *drops* [legacy](x) ~~y~~');
    expect(text(html)).toContain('use <Tag> & keep a|b');
    expect(html).not.toMatch(/<em>|<del>|<b>|<a href="x"/);
  });

  it('puts @names in code, where GitHub mentions nobody, with no invisible character', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).not.toContain('\u200b');
    const html = render(markdown);
    expect(codes(html)).toEqual(expect.arrayContaining(['@sentry/node', '@acme/ops']));
  });

  it('keeps every table row at its number of cells, a pipe in the text included', () => {
    const html = render(renderMarkdown(report));
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    expect(tables.length).toBe(2);
    for (const table of tables) {
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length);
      expect(new Set(rows).size).toBe(1);
    }
    expect(text(html)).toContain('Title | with a pipe and @acme/ops');
    expect(text(html)).toContain('detail <b>bold</b> & `tick`');
  });

  it('keeps a rollback command with backticks inside its code block', () => {
    const html = render(renderMarkdown(report));
    expect(html).toContain('<pre><code class="language-sh">git revert --no-edit abc..def # ```not a fence```\n</code></pre>');
  });

  it('speaks of merging in a pull request, of rolling back otherwise', () => {
    const blocked = { ...report, verdict: 'blocked' as const };
    expect(text(render(renderMarkdown(blocked, { context: 'pull-request' })))).toContain(
      'Before merging: once this ships, rolling it back would break what the ❌ items say.',
    );
    expect(text(render(renderMarkdown(blocked)))).toContain('Next: do not roll back as is. Handle every ❌ item first');
    const caution = { ...report, verdict: 'caution' as const };
    expect(text(render(renderMarkdown(caution, { context: 'pull-request' })))).toContain('Before merging: check the ❌ and ❓ items');
  });
});
