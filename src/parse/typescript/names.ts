import type { Ts } from './compiler.js';

/**
 * Whether `text` may name the identifier `name`: it holds `name` as a whole identifier (TypeScript's own rule for
 * the characters around it), or a Unicode escape, which can spell any identifier. False means the script cannot
 * refer to `name`, so it need not be parsed or walked for it.
 */
export function mayName(ts: Ts, text: string, name: string): boolean {
  if (text.includes('\\u')) return true;
  const part = (at: number) => at >= 0 && at < text.length && ts.isIdentifierPart(text.charCodeAt(at), ts.ScriptTarget.Latest);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!part(at - 1) && !part(at + name.length)) return true;
  }
  return false;
}
