import type { Report } from '../model/report.js';

/** What the report answers: a rollback about to happen, or a pull request (what if we ship this and must roll it back?). */
export type Context = 'rollback' | 'pull-request';

export interface RenderOptions {
  /** Default `rollback`; `pull-request` makes the closing advice speak of merging. */
  context?: Context;
  /** Path of the analysed repository, for links and relative locations. */
  repoDir?: string;
  /** Web address of the repository (e.g. https://github.com/owner/name): findings link to their lines at the commit analysed. */
  repoUrl?: string;
  /** Heading of the report instead of the refs (e.g. the pull request's title): repository text, escaped. */
  title?: string;
  /** The pull request the report is about: the heading starts with its number, the one reference written as a link. */
  pullRequest?: number;
  /** Longest output in characters; the least severe findings are left out to fit, and counted. */
  maxLength?: number;
}

/** A reporter renders the report object; it never recomputes anything. */
export interface Reporter {
  format: string;
  render(report: Report, options?: RenderOptions): string;
}
