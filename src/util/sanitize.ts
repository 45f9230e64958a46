// Text that comes from the analysed repository (paths, SQL, commit messages) is untrusted.

// CSI, OSC, and other ESC sequences, then any remaining C0/C1 control character but tab and newline.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A byte of a file name that is not UTF-8, as src/git/path-bytes.ts keeps it (a lone surrogate U+DC80–U+DCFF). */
const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;
/** Any other half of a surrogate pair, alone: not text (JSON would write it as `\udXXX`). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes terminal control sequences so repository text cannot drive the terminal; the bytes of a file name
 * that are not UTF-8 are shown as `\xNN`.
 */
export function stripControl(text: string): string {
  return text
    .replace(ESCAPED_BYTE, (byte) => `\\x${(byte.charCodeAt(0) - 0xdc00).toString(16)}`)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, '');
}

/**
 * Every string in a value (keys too) as stripControl leaves it: what a machine-readable report may carry. A JSON
 * escape such as `\u001b` is no protection: `jq -r` prints it as the raw byte.
 */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map(printableDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [stripControl(key), printableDeep(item)])) as T;
  }
  return value;
}

/** One printable line: control sequences removed and newlines shown as ⏎. */
export function oneLine(text: string): string {
  return stripControl(text.replace(/\r?\n/g, '⏎').replace(/\t/g, ' '));
}

/** Unicode format characters (zero-width spaces and joiners, bidi controls, soft hyphens): invisible, yet they split words. */
const FORMAT = /\p{Cf}/gu;

/** Text from a server, as it may be shown: control sequences, control characters and format characters removed. */
export function stripInvisible(text: string): string {
  return stripControl(text).replace(FORMAT, '');
}

/** What may sit between two characters of a secret without a reader noticing: an escape sequence, a control, format or space character. */
const FILLER = `(?:${ESCAPE_SEQUENCE.source}|[\\p{Cc}\\p{Cf}\\s])*`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One character of a secret, written as itself or as a JSON, percent or HTML escape (any case). */
function characterForms(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = code.toString(16);
  const forms = [escapeRegExp(char), `\\\\u\\{?0*${hex}\\}?`, `&#0*${code};`, `&#x0*${hex};`];
  if (code < 0x100) forms.push(`\\\\x${hex.padStart(2, '0')}`, `%${hex.padStart(2, '0')}`);
  return `(?:${forms.join('|')})`;
}

/**
 * The part of the base64 of `…secret…` that only the secret's bytes decide, for each of the three positions the
 * secret can start at within a 3-byte group; both alphabets. The group holding bytes before or after it is left
 * out (at most two bytes of the secret at either end stay visible).
 */
function base64Cores(secret: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    let encoded = Buffer.concat([Buffer.alloc(offset), secret])
      .toString('base64')
      .replace(/=+$/, '');
    if ((offset + secret.length) % 3 !== 0) encoded = encoded.slice(0, -(((offset + secret.length) % 3) + 1));
    if (offset > 0) encoded = encoded.slice(4);
    if (encoded.length < 8) continue;
    cores.push(encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

const secretPatterns = new Map<string, RegExp>();

function secretPattern(secret: string): RegExp {
  let pattern = secretPatterns.get(secret);
  if (!pattern) {
    const bytes = Buffer.from(secret, 'utf8');
    const alternatives = [
      [...secret].map(characterForms).join(FILLER),
      [...bytes.toString('hex')].join(FILLER),
      ...base64Cores(bytes).map(escapeRegExp),
    ];
    pattern = new RegExp(alternatives.join('|'), 'giu');
    secretPatterns.set(secret, pattern);
  }
  return pattern;
}

/**
 * Replaces every form of `secret` in a text: as it is, in any case, with control, format or space characters or
 * escape sequences between its characters, as hex, as base64 (also inside the base64 of `user:secret`), or
 * written with JSON, percent or HTML escapes. Works on text as received: nothing needs to be stripped first.
 */
export function redactSecret(text: string, secret: string, replacement = '[token]'): string {
  if (secret.length === 0) return text;
  return text.replace(secretPattern(secret), replacement);
}

/**
 * At most `max` characters of a text, cut with `…`: how much of a text from the repository (or a server) the
 * tool ever quotes. A 100 KB line of a version file is not a message.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** A bounded, printable excerpt of text someone else supplied: one line, at most `max` characters. */
export function excerpt(text: string, max = 200): string {
  return clip(oneLine(stripInvisible(text)).trim(), max);
}

/**
 * Text a GitHub Actions runner cannot read as a workflow command, which it looks for in every line of a step's
 * output: `::command::` at the start of a line (after spaces), and `##[command]` anywhere in it. A line that
 * would start with `::` gets a backslash before it, and `##[` becomes `##\[` (both read the same in Markdown).
 */
export function workflowSafe(text: string): string {
  // Any white space the runner may trim (JavaScript's \s holds all of .NET's, and more).
  return text.replace(/^([^\S\n]*)::/gm, '$1\\::').replaceAll('##[', '##\\[');
}
