import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../util/errors.js';
import { excerpt, oneLine } from '../util/sanitize.js';
import { closest } from '../config/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking, and every parse error turned into a one-line usage error. */
export type Values<T extends Options> = {
  [K in keyof T]?: T[K] extends { multiple: true }
    ? T[K]['type'] extends 'boolean'
      ? boolean[]
      : string[]
    : T[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

export function parseOptions<T extends Options>(
  args: string[],
  options: T,
  allowPositionals = false,
  helpCommand = 'rollback-ready --help',
): { values: Values<T>; positionals: string[] } {
  // An option table may carry its help too (help.ts); parseArgs gets what it knows.
  const known = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args, options: known, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    // The option as given, newlines included (shown as ⏎): not only the part before the first one.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '(--?[^']*)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const near = suggestOption(unknown, Object.keys(options));
      throw new UsageError(`unknown option ${excerpt(unknown, 80)}`, `${near ? `did you mean ${near}? ` : ''}see \`${helpCommand}\``);
    }
    throw new UsageError(oneLine(message.replace(/\. To specify[\s\S]*$/, '')), `see \`${helpCommand}\``);
  }
  // parseArgs keeps the last of a repeated option; `--from a --from b` is more likely a mistake than a choice.
  const given = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.type !== 'string' || options[token.name]?.multiple) continue;
    if (given.has(token.name)) throw new UsageError(`--${token.name} is given more than once`, `pass --${token.name} once`);
    given.add(token.name);
  }
  return { values: parsed.values as Values<T>, positionals: parsed.positionals };
}

/** The option a misspelt flag was meant to be (`--frmo` → `--from`, `--fail-on=high` → `--fail-on`). */
export function suggestOption(flag: string, names: readonly string[]): string | undefined {
  const name = flag.replace(/^--?/, '').replace(/=.*$/, '');
  const match = closest(name, names);
  return match === undefined ? undefined : `--${match}`;
}

export function intOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(
      `${flag} ${oneLine(value)}: not a whole number from ${min} to ${max}`,
      `pass ${flag} with a number from ${min} to ${max}`,
    );
  }
  return n;
}
