// The review screen alone, rendered by ink-testing-library, with keys typed one at a time.
import { render } from 'ink-testing-library';
import { expect, vi } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { Review } from '../../src/cli/tui/review.js';
import type { Size } from '../../src/cli/tui/screen.js';
import type { Marks } from '../../src/cli/tui/wrap-up.js';

/** A frame without its colour codes. */
export const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');

/** Lets React run the effects of the first render (Ink subscribes to keys there). */
export const settled = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** The row under the cursor. */
export const selected = (screen: string) => screen.split('\n').find((line) => line.startsWith('›')) ?? '';

/** The review of `report` at a fixed size (or the terminal's, when `size` is undefined). */
export function renderReview(report: Report, { color = false, size }: { color?: boolean; size?: Size | undefined } = {}) {
  const onQuit = vi.fn<(marks: Marks) => void>();
  const app = render(<Review report={report} color={color} {...(size ? { size } : {})} onQuit={onQuit} />);
  const screen = () => plain(app.lastFrame());
  /** Types keys one at a time, each after the screen has taken the previous one. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = app.frames.length;
      app.stdin.write(key);
      await vi.waitFor(() => expect(app.frames.length).toBeGreaterThan(before));
    }
  };
  /** Sends a key that ends the review: no frame follows it. */
  const send = (key: string) => app.stdin.write(key);
  return { app, screen, press, send, onQuit };
}
