import { useInput, type Key } from 'ink';
import { useRef, type MutableRefObject } from 'react';

export type KeyHandler = (input: string, key: Key) => void;
/** Where the screen shown now puts its key handler, so keys go to it from its first frame on. */
export type KeyTarget = MutableRefObject<KeyHandler | undefined>;

/**
 * A screen's keys. The handler of the latest render is what runs, even for a key that arrives
 * before React re-subscribes listeners. Under the App, one listener lives as long as the App and
 * calls the handler of the screen on show: a key typed right after a new screen appears is not
 * lost to a listener that has not subscribed yet. On its own (tests), the screen listens itself.
 */
export function useKeys(handler: KeyHandler, target?: KeyTarget): void {
  const latest = useRef(handler);
  latest.current = handler;
  if (target) target.current = handler;
  useInput((input, key) => eachKey(input, key, (ch, k) => latest.current(ch, k)), { isActive: !target });
}

/**
 * Ink hands keys typed faster than a frame over as one string ("j\r", a pasted reason): the handler gets them one
 * by one. A newline is enter typed before the terminal went raw (the tty turned \r into \n).
 */
export function eachKey(input: string, key: Key, handler: KeyHandler): void {
  const chars = input.length <= 1 || input.includes('\u001b') || key.ctrl || key.meta ? [input] : [...input];
  for (const ch of chars) {
    const enter = ch === '\r' || ch === '\n';
    handler(enter ? '' : ch, chars.length > 1 || enter ? { ...key, return: enter } : key);
  }
}

/** Where a movement key takes a position in 0..last, a page being `page` rows; undefined for other keys. */
export function moved(input: string, key: Key, at: number, last: number, page: number): number | undefined {
  const half = Math.max(1, Math.floor(page / 2));
  const to = (n: number) => Math.max(0, Math.min(last, n));
  if (key.upArrow || input === 'k') return to(at - 1);
  if (key.downArrow || input === 'j') return to(at + 1);
  if (key.pageUp) return to(at - Math.max(1, page));
  if (key.pageDown) return to(at + Math.max(1, page));
  if (key.ctrl && input === 'u') return to(at - half);
  if (key.ctrl && input === 'd') return to(at + half);
  if (key.home || input === 'g') return 0;
  if (key.end || input === 'G') return last;
  return undefined;
}
