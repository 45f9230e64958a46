import type { Report } from '../model/report.js';

export interface RenderOptions {
  /** Path of the analysed repository, for links and relative locations. */
  repoDir?: string;
  /** Web address of the repository (e.g. https://github.com/owner/name): findings link to their lines at the commit analysed. */
  repoUrl?: string;
  /** Heading of the report instead of the refs (e.g. the pull request). */
  title?: string;
  /** Longest output in characters; the least severe findings are left out to fit, and counted. */
  maxLength?: number;
}

/** A reporter renders the report object; it never recomputes anything. */
export interface Reporter {
  format: string;
  render(report: Report, options?: RenderOptions): string;
}
