import type { BlobContent, ChangedFile } from '../model/report.js';

/**
 * Line counts of a change counted from its two texts, for when git could not count them (an object it cannot read
 * makes `git diff --numstat` give up for the whole release): the lines of the running release's text that the
 * target's lacks are insertions, the reverse deletions, counted as multisets. That is git's count for every edit
 * that moves no line; a moved line counts as unchanged here.
 */
export function countLines(from: string | undefined, to: string | undefined): { insertions: number; deletions: number } {
  const remaining = new Map<string, number>();
  for (const line of linesOf(to)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let insertions = 0;
  for (const line of linesOf(from)) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else insertions += 1;
  }
  let deletions = 0;
  for (const left of remaining.values()) deletions += left;
  return { insertions, deletions };
}

function linesOf(text: string | undefined): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  // A last line without its newline differs from the same line with one, as git counts it.
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\0';
  return lines;
}

/**
 * Fills in the line counts git could not give, from the texts read of each changed file at both sides; a file
 * unread at a side it exists at (binary, too large, unreadable) keeps its counts of 0.
 */
export function countChangedLines(files: readonly ChangedFile[], content: (file: ChangedFile, side: 'from' | 'to') => BlobContent): void {
  for (const file of files) {
    const from = file.fromBlob ? content(file, 'from') : undefined;
    const to = file.toBlob ? content(file, 'to') : undefined;
    if ((from && from.text === undefined) || (to && to.text === undefined)) continue;
    Object.assign(file, countLines(from?.text, to?.text));
  }
}
