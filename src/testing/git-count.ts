import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Counts the git processes a program starts: a `git` first on its PATH that notes its arguments in a log and
 * runs the real git. Give `env` to the program (its PATH), read `count()` after it ends, `close()` at the end.
 */
export interface GitCounter {
  env: { PATH: string };
  /** Every git process started since the last `reset`, by subcommand (`ls-tree`, `cat-file`…). */
  count(): { total: number; byCommand: Record<string, number> };
  reset(): void;
  close(): void;
}

export function countGitProcesses(): GitCounter {
  const dir = mkdtempSync(join(tmpdir(), 'rollback-ready-git-count-'));
  const log = join(dir, 'log');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  // Only shell builtins before the exec: the shim starts no process of its own besides git.
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> ${quote(log)}\nexec ${quote(real)} "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  writeFileSync(log, '');
  return {
    env: { PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` },
    count() {
      const byCommand: Record<string, number> = {};
      const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      for (const line of lines) {
        const name = subcommand(line.split(' '));
        byCommand[name] = (byCommand[name] ?? 0) + 1;
      }
      return { total: lines.length, byCommand: Object.fromEntries(Object.entries(byCommand).sort(([a], [b]) => (a < b ? -1 : 1))) };
    },
    reset: () => writeFileSync(log, ''),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The git subcommand of an argument list: the first word that is not a global option or its value. */
function subcommand(args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '-C' || arg === '--git-dir' || arg === '--work-tree') i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return '(none)';
}
