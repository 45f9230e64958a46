import type { ChangeStatus, ChangedFile } from '../model/report.js';
import { gitBytes, NO_EXTERNAL_DIFF, type Repo } from './repo.js';
import { splitNul } from './path-bytes.js';

/** Above git's default (1000) so big releases keep their renames; the report says when even this was not enough. */
export const RENAME_LIMIT = 20000;

export interface DiffResult {
  files: ChangedFile[];
  /** True when git skipped (part of) rename detection because the release is too large. */
  renamesCutShort: boolean;
  /** True when some objects could not be read, so renames and line counts are unknown. */
  degraded: boolean;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

const NULL_SHA = /^0+$/;

/**
 * Every submodule bump is listed: `ignore = all` in a committed .gitmodules (or `diff.ignoreSubmodules` in the
 * config) would hide them.
 */
const SUBMODULES = '--ignore-submodules=none';

/**
 * Renames are followed; copies are not looked for: a copy is an added file to a rollback, and finding
 * one compares every added file with every modified one (most of the diff's time on a large release).
 */
const DIFF_OPTIONS = ['-z', '--no-abbrev', '--no-color', ...NO_EXTERNAL_DIFF, SUBMODULES, '--find-renames', `-l${RENAME_LIMIT}`];

/**
 * What the release changed, as the diff `to` → `from` (old side = rollback target, new side = running release):
 * statuses, blob ids and line counts from one `git diff --raw --numstat` (git prints every raw record, then every
 * count).
 */
export async function changedFiles(repo: Repo, fromSha: string, toSha: string): Promise<DiffResult> {
  let out: Buffer;
  try {
    out = await gitBytes(repo, ['diff', '--raw', '--numstat', ...DIFF_OPTIONS, toSha, fromSha, '--']);
  } catch (error) {
    // Inexact renames and line counts need blob contents; a corrupt object or a partial clone without its blobs
    // makes git give up. The tree comparison alone still lists every change.
    try {
      out = await gitBytes(repo, [
        'diff',
        '--raw',
        '-z',
        '--no-abbrev',
        ...NO_EXTERNAL_DIFF,
        SUBMODULES,
        '--no-renames',
        toSha,
        fromSha,
        '--',
      ]);
    } catch {
      throw error;
    }
    return { files: parseRaw(out), renamesCutShort: false, degraded: true };
  }
  const tokens = splitNul(out);
  const { files, end } = rawRecords(tokens);
  addLineCounts(files, numstatRecords(tokens, end));
  // git gives up on inexact renames when unpaired sources × destinations exceed limit².
  const added = files.filter((f) => f.status === 'added').length;
  const deleted = files.filter((f) => f.status === 'deleted').length;
  return { files, renamesCutShort: added * deleted > RENAME_LIMIT * RENAME_LIMIT, degraded: false };
}

/** Fills in line counts and binary flags. */
function addLineCounts(files: ChangedFile[], counts: Map<string, LineCount>): void {
  for (const file of files) {
    const count = counts.get(file.path);
    if (!count) continue;
    file.insertions = count.insertions;
    file.deletions = count.deletions;
    file.binary = count.binary;
  }
}

interface LineCount {
  insertions: number;
  deletions: number;
  binary: boolean;
}

/** Parses `git diff --raw -z` output (line counts left at 0); paths as path-bytes.ts keeps them. */
export function parseRaw(out: Buffer): ChangedFile[] {
  return rawRecords(splitNul(out)).files;
}

/**
 * The raw records at the start of `tokens`, sorted by path, and the token after the last of them: each record is
 * a `:`-header and its one or two paths, taken by position, so that no file name is read as a header.
 */
function rawRecords(tokens: readonly string[]): { files: ChangedFile[]; end: number } {
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < tokens.length && (tokens[i] ?? '').startsWith(':')) {
    const [toMode = '', fromMode = '', toBlob = '', fromBlob = '', statusField = ''] = tokens[i]!.slice(1).split(' ');
    const letter = statusField[0] ?? 'M';
    const twoPaths = letter === 'R' || letter === 'C';
    const first = tokens[i + 1] ?? '';
    const second = twoPaths ? (tokens[i + 2] ?? '') : undefined;
    i += twoPaths ? 3 : 2;
    const file: ChangedFile = { path: second ?? first, status: STATUS[letter] ?? 'modified', binary: false, insertions: 0, deletions: 0 };
    if (twoPaths) file.oldPath = first;
    if (!NULL_SHA.test(fromBlob)) file.fromBlob = fromBlob;
    if (!NULL_SHA.test(toBlob)) file.toBlob = toBlob;
    if (!NULL_SHA.test(fromMode)) file.fromMode = fromMode;
    if (!NULL_SHA.test(toMode)) file.toMode = toMode;
    files.push(file);
  }
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), end: i };
}

/** The numstat records of `tokens` from `start` on: counts by the path at the new side (`-` counts: a binary file). */
function numstatRecords(tokens: readonly string[], start: number): Map<string, LineCount> {
  const counts = new Map<string, LineCount>();
  let i = start;
  while (i < tokens.length) {
    const stat = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec((tokens[i] ?? '').replace(/^\n/, ''));
    if (!stat) {
      i += 1;
      continue;
    }
    const [, added = '0', deleted = '0', inlinePath = ''] = stat;
    // A rename: old and new path follow as their own tokens.
    const path = inlinePath === '' ? (tokens[i + 2] ?? '') : inlinePath;
    i += inlinePath === '' ? 3 : 1;
    counts.set(
      path,
      added === '-'
        ? { insertions: 0, deletions: 0, binary: true }
        : { insertions: Number(added), deletions: Number(deleted), binary: false },
    );
  }
  return counts;
}
