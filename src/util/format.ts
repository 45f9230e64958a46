// Numbers for people, as `toLocaleString('en-US')` writes them. Its first call sets up ICU's number formats;
// integers, all a report shows, get their thousands separators without it.

/** `12345` → `12,345`. */
export function count(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US'); // it writes -0 as "-0"
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 file`, `12,345 files`. */
export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}
