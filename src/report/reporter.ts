import type { Report } from '../model.js';

export interface RenderOptions {
  /** Path of the analysed repository, for links and relative locations. */
  repoDir?: string;
}

/** A reporter renders the report object; it never recomputes anything. */
export interface Reporter {
  format: string;
  render(report: Report, options?: RenderOptions): string;
}
