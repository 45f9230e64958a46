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
  useInput((input, key) => latest.current(input, key), { isActive: !target });
}
