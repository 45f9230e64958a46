import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { escapeMarkdown, GITHUB_COMMENT_LIMIT, MARKER, renderMarkdown, safeUrl } from '../../src/report/markdown.js';
import { twoReleases, type FileMap } from '../support/repo.js';

const REPO_URL = 'https://github.com/acme/shop';

describe('markdown report for a pull-request comment', () => {
  it('renders every piece of repository text as text, and links findings to their lines', async () => {
    const dir = twoReleases(
      { 'gone (old).bin': Buffer.from([0, 1, 2]), 'keep.md': 'a\n' },
      { 'keep.md': 'b\n', '</details><img src=x>': 'x\n', 'data/a b#(1).bin': Buffer.from([0, 9]) },
    );
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    report.notes.push('note with <script>alert(1)</script> and | pipes');
    const md = renderMarkdown(report, { repoUrl: REPO_URL, title: 'PR #3 </details><b>x</b>', pullRequest: 12 });

    // The pull request's own number is a reference; one in its title is not.
    expect(md.startsWith(`${MARKER}\n## Rollback review: #12 PR #\u200b3 &lt;/details&gt;&lt;b&gt;x&lt;/b&gt;\n`)).toBe(true);
    // As GitHub renders it: no element from repository text, every section closed where the report closes it.
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    expect(html).not.toMatch(/<(img|script|b)\b/);
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    expect(md).toContain('&lt;/details&gt;&lt;img src=x&gt;');
    // Added file: linked at the running release (head); deleted file: at the target, where it still exists.
    expect(md).toContain(`[\`data/a b#(1).bin\`](${REPO_URL}/blob/${report.from.sha}/data/a%20b%23%281%29.bin)`);
    expect(md).toContain(`[\`gone (old).bin\`](${REPO_URL}/blob/${report.to.sha}/gone%20%28old%29.bin)`);
    // Without the repository's address there are no links.
    expect(renderMarkdown(report)).not.toContain('](http');
  });

  it('lists merged pull requests with escaped titles and labels', async () => {
    const dir = twoReleases({ 'a.md': 'a\n' }, { 'a.md': 'b\n' });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    report.pullRequests = [
      { number: 12, title: 'Drop <b>legacy</b> | column', url: `${REPO_URL}/pull/12`, labels: ['migration', 'a`b'] },
      { number: 9, title: 'Docs', url: 'javascript:alert(1)', labels: [] },
    ];
    const md = renderMarkdown(report);
    expect(md).toContain('### Merged pull requests (2)');
    expect(md).toContain(`- [#12](${REPO_URL}/pull/12) Drop &lt;b&gt;legacy&lt;/b&gt; \\| column \`migration\` \`\`a\`b\`\``);
    expect(md).toContain('- #9 Docs');
    expect(md).not.toContain('javascript:');
  });

  it('stays under GitHub’s limit by leaving out the least severe findings, and says how many', async () => {
    const tree: FileMap = {};
    for (let i = 0; i < 700; i++)
      tree[`unknown/${'deeply-nested-folder-name/'.repeat(4)}file-${String(i).padStart(4, '0')}.bin`] = Buffer.from([0, i % 256]);
    const dir = twoReleases({ 'a.md': 'a\n' }, { 'a.md': 'a\n', ...tree });
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' });
    const live = report.findings.filter((f) => !f.suppressed);
    const full = renderMarkdown(report, { repoUrl: REPO_URL });
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);

    const md = renderMarkdown(report, { repoUrl: REPO_URL, maxLength: GITHUB_COMMENT_LIMIT });
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = md.match(/^- \*\*(\w+)\*\*/gm)!.length;
    const left = Number(/> (\d+) less severe findings were left out/.exec(md)?.[1]);
    expect(shown + left).toBe(live.length);
    expect(left).toBeGreaterThan(0);
    // The most severe finding (the release's size) is kept; what was left out is the least severe.
    expect(live[0]!.ruleId).toBe('release-volume');
    expect(md).toContain('(`release-volume`)');
    expect(md).toMatch(/<summary>unclassified \(\d+ of 700\)<\/summary>/);
    expect(md.endsWith(`<sub>rollback-ready ${report.tool.version}</sub>\n`)).toBe(true);
  });

  it('keeps repository text from mentioning people, without an invisible character in it', () => {
    expect(escapeMarkdown('ping @alice and @acme/ops, mail a@b.c')).toBe('ping `@alice` and `@acme/ops`, mail a@b.c');
    expect(escapeMarkdown('bumps @sentry/node_x')).toBe('bumps `@sentry/node_x`');
  });

  it('keeps repository text from linking issues, pull requests and addresses', () => {
    expect(escapeMarkdown('fixes #1, owner/repo#2 and gh-3; see https://evil.example/x, HTTP://a.b or WWW.evil.example')).toBe(
      'fixes #\u200b1, owner/repo#\u200b2 and gh-\u200b3; see https:\u200b//evil.example/x, HTTP:\u200b//a.b or WWW\u200b.evil.example',
    );
  });

  it('links nothing a migration names, in the comment on a real release', async () => {
    const hostile = 'closes #1 owner/repo#2 gh-3 https://evil.example/x www.evil.example @octocat';
    const users = 'CREATE TABLE users (id int);\n';
    const dir = twoReleases(
      { 'migrations/001_users.sql': users },
      { 'migrations/001_users.sql': users, 'migrations/002_drop.sql': `DROP TABLE "${hostile}";\n` },
    );
    const md = renderMarkdown(await analyzeRollback({ repo: dir, from: 'v2', to: 'v1' }), { repoUrl: REPO_URL });
    const message = md.split('\n').find((line) => line.includes('drop-table'));
    expect(message).toContain(
      'closes #\u200b1 owner/repo#\u200b2 gh-\u200b3 https:\u200b//evil.example/x www\u200b.evil.example `@octocat`',
    );
    // What GitHub would link outside code spans: an issue number, a bare address, a person.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toMatch(/#\d|(?:^|[^\](])https?:\/\/|www\.|@[a-z]/im);
  });

  it('accepts only http(s) addresses for links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://ghe.example/a/b)c')).toBe('https://ghe.example/a/b%29c');
  });
});
