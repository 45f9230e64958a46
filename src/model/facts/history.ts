/** A commit of the release, or a pull request merged into it, whose message marks a fix: the rollback takes it back. */
export interface FixRevertedFact {
  kind: 'history.fix';
  /** `.` for a commit, `#<number>` for a pull request. */
  path: string;
  /** The commit (absent for a pull request). */
  sha?: string;
  pullRequest?: number;
  subject: string;
  /** `fix:`, `revert`, `Fixes #12`… absent when only a security mark names it. */
  fix?: string;
  /** What marks it as a security fix (an advisory id, "security", a weakness name), and where. */
  security?: { mark: string; where: 'subject' | 'body' | 'pull-request' };
  /** CVE and GHSA ids it names. */
  ids: string[];
}

export type HistoryFact = FixRevertedFact;
