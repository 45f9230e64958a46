import { useInput, type Key } from 'ink';
import type { MutableRefObject } from 'react';

export type KeyHandler = (input: string, key: Key) => void;
/** Where the screen shown now puts its key handler, so keys go to it from its first frame on. */
export type KeyTarget = MutableRefObject<KeyHandler | undefined>;

/**
 * A screen's keys. Under the App, one listener lives as long as the App and calls the handler of
 * the screen on show, set while it renders: a key typed right after a new screen appears is not
 * lost to a listener that has not subscribed yet. On its own (tests), the screen listens itself.
 */
export function useKeys(handler: KeyHandler, target?: KeyTarget): void {
  if (target) target.current = handler;
  useInput(handler, { isActive: !target });
}
