/** Size and spread of the whole release (one per analysis). */
export interface VolumeFact {
  kind: 'release.volume';
  path: string;
  commits: number;
  files: number;
  insertions: number;
  deletions: number;
  authors: number;
  /** Top-level directories touched. */
  directories: number;
  /** Subsystems touched: the first two path segments under a top-level directory. */
  subsystems: number;
  /** Shannon entropy (bits) of how changed lines spread over files, normalised to 0–1. */
  entropy: number;
}
