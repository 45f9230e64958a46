// Where the machine has two cores or fewer, an analysis runs in a child Node started with one V8 background thread
// instead of four (`--v8-pool-size=1`). On two cores, four threads compiling and collecting for V8 contend with
// the main thread and git for the same cores; with one, every real release pair measured ran faster, Node's second
// start included (docs/performance.md, "One V8 background thread"). Node fixes the pool's size when it starts, so
// the only way to choose it is to start again. This module loads nothing else: the parent stays a thin process
// that passes the terminal, signals and the exit status through.
import { spawn } from 'node:child_process';
import { commandOf } from './commands.js';

/** What decides the relaunch: the command line, how Node was started, and the machine. */
export interface NodeStart {
  argv: readonly string[];
  execArgv: readonly string[];
  nodeOptions: string | undefined;
  cores: number;
}

/** The commands that analyse a release pair (the default command is the analysis). */
const ANALYSING = new Set(['analyze', 'comment']);
const INFO = new Set(['--help', '-h', '--version', '-v']);
export const POOL_FLAG = '--v8-pool-size=1';

/** The Node flags to run the CLI again with, or undefined to run it in this process. */
export function relaunchFlags(start: NodeStart): string[] | undefined {
  if (start.cores > 2) return undefined;
  // Node started with flags of its own (the child itself, or a person profiling or debugging): run as started.
  if (start.execArgv.length > 0) return undefined;
  // A pool size chosen in NODE_OPTIONS is the user's: the child would inherit it anyway.
  if (/--v8-pool-size\b/.test(start.nodeOptions ?? '')) return undefined;
  if (!ANALYSING.has(commandOf(start.argv)) || start.argv.some((a) => INFO.has(a))) return undefined;
  return [POOL_FLAG];
}

/** Signals the parent receives in the child's stead: a `kill PID`, a closed terminal, a CI runner's stop. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` with `args` in a child Node started with `flags`, on this process's terminal (stdin, stdout and
 * stderr are the same descriptors: the review's raw mode and a pipe's end reach the child unchanged). Resolves true
 * when the child has ended, with its exit code set as this process's; a child ended by a signal ends this process by
 * the same signal. Resolves false when no child could be started: then the CLI runs here.
 */
export function runInChild(script: string, flags: readonly string[], args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...flags, script, ...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => {
      // Gone already (a Ctrl-C reaches both, from the terminal): nothing to pass on.
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const stopForwarding = () => FORWARDED.forEach((s) => process.off(s, forward));
    FORWARDED.forEach((s) => process.on(s, forward));
    child.on('error', () => {
      if (child.pid !== undefined) return;
      stopForwarding();
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      // With no listener left, the signal does to this process what it did to the child.
      if (signal) process.kill(process.pid, signal);
      process.exitCode = code ?? 2;
      resolve(true);
    });
  });
}
