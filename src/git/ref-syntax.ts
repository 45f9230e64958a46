import { UsageError } from '../util/errors.js';
import { oneLine } from '../util/sanitize.js';

// A ref from the user must never be read as an option, a path or a pathspec.
// Only characters git allows in ref names and revision expressions (~ ^ @ { }) pass.
const SAFE_REF = /^[A-Za-z0-9_./@{}~^+-]+$/;

/** Whether checkRefSyntax lets the ref through. */
export function isSafeRef(ref: string): boolean {
  return ref.length > 0 && !ref.startsWith('-') && SAFE_REF.test(ref) && !ref.includes('..') && ref.length <= 256;
}

export function checkRefSyntax(ref: string, flag: string): void {
  if (ref.length === 0) throw new UsageError(`${flag} is empty`, `pass a tag, branch or commit sha with ${flag}`);
  if (ref.startsWith('-')) {
    throw new UsageError(`${flag} ${oneLine(ref)}: a ref cannot start with "-"`, `pass a tag, branch or commit sha with ${flag}`);
  }
  if (!SAFE_REF.test(ref) || ref.includes('..') || ref.length > 256) {
    throw new UsageError(
      `${flag} ${oneLine(ref).slice(0, 80)}: not a valid ref`,
      `pass a tag, branch or commit sha with ${flag} (ranges and paths are not accepted)`,
    );
  }
}
