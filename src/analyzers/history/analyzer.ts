import type { Analyzer, Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { FixRevertedFact } from '../../model/facts/history.js';
import type { MergedPullRequest } from '../../model/report.js';
import type { CommitInfo } from '../../git/refs.js';
import { marksOf } from '../../parse/commits.js';

/**
 * The fixes the rollback takes back: commits of the release whose subject or trailers mark a fix (`fix:`,
 * `Fixes #12`, `revert`), and those that mark a security fix (a CVE or GHSA id, "security", "vulnerability" in
 * the subject or body, or a weakness name such as ReDoS or XSS in the subject).
 */
export const historyAnalyzer: Analyzer = {
  name: 'history',
  analyze(release: Release): Fact[] {
    return release.commits.flatMap((commit): FixRevertedFact[] => {
      const marks = marksOf(commit.subject, commit.body);
      if (!marks.fix && !marks.security) return [];
      const fact: FixRevertedFact = { kind: 'history.fix', path: '.', sha: commit.sha, subject: commit.subject, ids: marks.ids };
      if (marks.fix) fact.fix = marks.fix;
      if (marks.security) fact.security = { mark: marks.security, where: marksOf(commit.subject).security ? 'subject' : 'body' };
      return [fact];
    });
  },
};

/**
 * Security fixes named only by merged pull requests' titles (a squash merge keeps the title in the commit, which
 * the analyzer reads already: those are left out).
 */
export function pullRequestFixes(pullRequests: readonly MergedPullRequest[], commits: readonly CommitInfo[]): FixRevertedFact[] {
  return pullRequests.flatMap((pr): FixRevertedFact[] => {
    const marks = marksOf(pr.title);
    if (!marks.security) return [];
    const ref = new RegExp(`#${pr.number}\\b`);
    if (commits.some((c) => ref.test(c.subject) && marksOf(c.subject, c.body).security)) return [];
    return [
      {
        kind: 'history.fix',
        path: `#${pr.number}`,
        pullRequest: pr.number,
        subject: pr.title,
        security: { mark: marks.security, where: 'pull-request' },
        ids: marks.ids,
        ...(marks.fix ? { fix: marks.fix } : {}),
      },
    ];
  });
}
