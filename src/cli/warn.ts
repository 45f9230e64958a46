import { excerpt, workflowSafe } from '../util/sanitize.js';

/** The longest line the tool prints on stderr: a message may quote an argument, a file name or a server's text. */
export const MAX_LINE = 1000;

/**
 * One line on stderr, `rollback-ready: …`: whatever the text holds (newlines, escape sequences, a workflow
 * command for a CI runner), it stays one bounded, printable line.
 */
export function warn(text: string, prefix = 'rollback-ready'): void {
  process.stderr.write(`${prefix}: ${workflowSafe(excerpt(text, MAX_LINE))}\n`);
}
