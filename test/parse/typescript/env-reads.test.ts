// The environment variables a script reads, found on its syntax tree; scripts that cannot read one are not walked.
import { describe, expect, it } from 'vitest';
import { parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { envReads, mayReadEnv } from '../../../src/parse/typescript/env-reads.js';

const reads = (text: string) => envReads(typescript(), parseScript(typescript(), 'src/settings.ts', text)).map((r) => r.via);

describe('envReads', () => {
  it('finds every way of reading a variable by name', () => {
    const text = [
      'const a = process.env.A_KEY;',
      "const b = process.env['B_KEY'];",
      'const c = import.meta.env.C_KEY;',
      "const d = Deno.env.get('D_KEY');",
      'const { E_KEY, F: f } = Bun.env;',
    ].join('\n');
    expect(reads(text)).toEqual([
      'process.env.A_KEY',
      "process.env['B_KEY']",
      'import.meta.env.C_KEY',
      "Deno.env.get('D_KEY')",
      '{ E_KEY } = Bun.env',
      '{ F } = Bun.env',
    ]);
  });

  it('finds a read whose property name is written with a Unicode escape', () => {
    // No `env` in the text: the escape alone keeps the script from being skipped.
    expect(reads('export const key = process.\\u0065nv.SECRET_KEY;\n')).toEqual(['process.env.SECRET_KEY']);
    expect(reads('export const key = process.e\\u{6E}v.OTHER_KEY;\n')).toEqual(['process.env.OTHER_KEY']);
  });

  it('finds nothing in a script that names no env, and nothing in one that names it elsewhere', () => {
    expect(reads('export const price = (cents: number) => (cents / 100).toFixed(2);\n')).toEqual([]);
    expect(reads("export const environment = { env: 'production' };\nconsole.log(environment.env);\n")).toEqual([]);
  });

  it('walks only scripts that name env as a word or hold an escape, and misses no read for it', () => {
    const forms = [
      'const a = process.env.A;',
      "const b = process['env'].B;",
      'const c = process /* the */ . env . C;',
      'const { D } = process.env;',
      'const e = import.meta?.env?.E;',
      'const f = process.\\u0065nv.F;',
    ];
    for (const text of forms) {
      expect(mayReadEnv(typescript(), text)).toBe(true);
      expect(reads(text)).toHaveLength(text.includes("['env']") ? 0 : 1);
    }
    expect(mayReadEnv(typescript(), 'export const environment = development(envelope, $envy);\n')).toBe(false);
  });
});
