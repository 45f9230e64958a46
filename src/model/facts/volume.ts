/** Files left out of what a person must read: written by tools, or text for users only. */
export const EXCLUDED_KINDS = ['generated', 'lockfile', 'snapshot', 'translation'] as const;
export type ExcludedKind = (typeof EXCLUDED_KINDS)[number];

export interface ExcludedFiles {
  kind: ExcludedKind;
  files: number;
  insertions: number;
  deletions: number;
  paths: string[];
}

/** Size and spread of the whole release (one per analysis), over the files a person must read. */
export interface VolumeFact {
  kind: 'release.volume';
  path: string;
  commits: number;
  /** Every changed file. */
  files: number;
  /** The changed files a person must read (the excluded kinds left out). */
  filesRead: number;
  /** Lines added and removed in the files read. */
  insertions: number;
  deletions: number;
  authors: number;
  /** Top-level directories touched by the files read. */
  directories: number;
  /** Subsystems touched by the files read: the first two path segments under a top-level directory. */
  subsystems: number;
  /** Shannon entropy (bits) of how changed lines spread over the files read, normalised to 0–1. */
  entropy: number;
  /** What was left out, by kind. */
  excluded: ExcludedFiles[];
}
