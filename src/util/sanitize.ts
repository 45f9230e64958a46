// Text that comes from the analysed repository (paths, SQL, commit messages) is untrusted.

// CSI, OSC, and other ESC sequences, then any remaining C0/C1 control character but tab and newline.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control sequences so repository text cannot drive the terminal. */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** One printable line: control sequences removed and newlines shown as ⏎. */
export function oneLine(text: string): string {
  return stripControl(text.replace(/\r?\n/g, '⏎').replace(/\t/g, ' '));
}
