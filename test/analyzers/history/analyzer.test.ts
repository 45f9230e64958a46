// The fixes of a release, read from its commits (subject, body, trailers) and merged pull requests.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { buildRepo } from '../../support/repo.js';

const tree = (n: number) => ({ 'src/a.ts': `export const a = ${n};\n` });

describe('fixes the rollback takes back', () => {
  const repo = () =>
    buildRepo([
      { tree: tree(0), tag: 'v1' },
      { tree: tree(1), message: 'fix: round prices down (#12)' },
      { tree: tree(2), message: 'Handle empty carts\n\nFixes #31' },
      { tree: tree(3), message: 'chore: bump undici\n\nBrings the patch for the request smuggling vulnerability.' },
      { tree: tree(4), message: 'feat: wishlist (#40)' },
      { tree: tree(5), message: 'Merge pull request #41 from acme/deps', tag: 'v2' },
    ]);

  it('lists fixes and, apart, security fixes with their marks; the commit order is newest first', async () => {
    const report = await analyzeRollback({ repo: repo(), from: 'v2', to: 'v1' });
    expect(report.reverted.fixes.map((f) => f.subject)).toEqual(['Handle empty carts', 'fix: round prices down (#12)']);
    expect(report.reverted.securityFixes).toEqual([
      { sha: expect.any(String), subject: 'chore: bump undici', ids: [], mark: 'vulnerability' },
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'security-fix-reverted').map((f) => [f.severity, f.evidence])).toEqual([
      ['medium', 'marked by "vulnerability" in its message'],
    ]);
    expect(report.checklist.find((c) => c.id === 'fixes')).toMatchObject({ status: 'manual' });
  });

  it('reads merged pull request titles, unless a commit of the range already names the pull request', async () => {
    const pullRequests = [
      { number: 41, title: 'fix(deps): update dependency koa to v2.15.4 [security]', url: 'https://example.com/pr/41', labels: [] },
      { number: 40, title: 'feat: wishlist', url: 'https://example.com/pr/40', labels: [] },
      { number: 12, title: 'fix: round prices down', url: 'https://example.com/pr/12', labels: [] },
    ];
    const report = await analyzeRollback({ repo: repo(), from: 'v2', to: 'v1', changelog: async () => pullRequests });
    expect(report.reverted.securityFixes.map((f) => [f.pullRequest ? `#${f.pullRequest}` : 'commit', f.subject])).toEqual([
      ['commit', 'chore: bump undici'],
      ['#41', 'fix(deps): update dependency koa to v2.15.4 [security]'],
    ]);
    expect(report.findings.find((f) => f.path === '#41')?.message).toBe(
      'the rollback takes back the security fix #41 "fix(deps): update dependency koa to v2.15.4 [security]"',
    );
  });
});
