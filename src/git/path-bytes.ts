// To git a path is bytes, not text: two files whose names differ only in bytes that are not UTF-8 are two files.
// A path is kept as a string that holds its bytes exactly: valid UTF-8 as its characters, and each byte of an
// invalid sequence as a lone surrogate U+DC80–U+DCFF (the "surrogateescape" of Python's file names). Valid
// UTF-8 never decodes to a lone surrogate, so distinct byte strings stay distinct strings, and `encodePath`
// gives git the same bytes back. Only printing turns the escapes into visible text (src/util/sanitize.ts).

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none (RFC 3629, table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const inRange = (at: number, low: number, high: number) => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high;
  const tail = (from: number, count: number) => {
    for (let k = 0; k < count; k++) if (!inRange(from + k, 0x80, 0xbf)) return false;
    return true;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(i + 1, 1) ? 2 : 0;
  if (b0 === 0xe0) return inRange(i + 1, 0xa0, 0xbf) && tail(i + 2, 1) ? 3 : 0;
  if (b0 === 0xed) return inRange(i + 1, 0x80, 0x9f) && tail(i + 2, 1) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return tail(i + 1, 2) ? 3 : 0;
  if (b0 === 0xf0) return inRange(i + 1, 0x90, 0xbf) && tail(i + 2, 2) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return tail(i + 1, 3) ? 4 : 0;
  if (b0 === 0xf4) return inRange(i + 1, 0x80, 0x8f) && tail(i + 2, 2) ? 4 : 0;
  return 0;
}

/** A path's bytes as a string that keeps them all (see above). A leading byte-order mark stays too. */
export function decodePath(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Not UTF-8 as a whole: character by character.
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      out += strict.decode(bytes.subarray(i, i + length));
      i += length;
    } else {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i += 1;
    }
  }
  return out;
}

const ESCAPED_BYTE = /[\udc80-\udcff]/;

/** The bytes of a path decodePath made (any other string: its UTF-8). */
export function encodePath(path: string): Buffer {
  if (!ESCAPED_BYTE.test(path)) return Buffer.from(path, 'utf8');
  const parts: Buffer[] = [];
  let text = '';
  // By code point: a surrogate pair comes as one, an escaped byte alone.
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(text, 'utf8'), Buffer.of(code - 0xdc00));
      text = '';
    } else text += char;
  }
  parts.push(Buffer.from(text, 'utf8'));
  return Buffer.concat(parts);
}

/** NUL-separated fields of git's `-z` output, each decoded as a path. */
export function splitNul(out: Buffer): string[] {
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    const end = out.indexOf(0, start);
    if (end < 0) {
      if (start < out.length) fields.push(decodePath(out.subarray(start)));
      return fields;
    }
    fields.push(decodePath(out.subarray(start, end)));
    start = end + 1;
  }
}
