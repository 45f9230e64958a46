// What both benches share: a Node process timed as a whole (Node's start included), with its peak memory and
// CPU, and without the machine's own start cost.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { relaunchFlags } from '../../src/cli/relaunch.js';
import { CLI_BUNDLE, PACKAGE_ROOT } from '../../src/util/version.js';

export const BIN = CLI_BUNDLE;
/**
 * The floor's Node arguments: with the flags the CLI gives an analysis on this machine (src/cli/relaunch.ts; on two
 * cores or fewer, one V8 background thread, which makes the floor faster too), so that a ratio compares the work
 * done and not Node's settings. The analysis also pays for the second Node start that choosing them takes.
 */
export const FLOOR_FLAGS =
  relaunchFlags({ argv: [], execArgv: [], nodeOptions: process.env.NODE_OPTIONS, cores: availableParallelism() }) ?? [];
export const FLOOR = [...FLOOR_FLAGS, join(PACKAGE_ROOT, 'dist', 'test', 'bench', 'floor.js')];
const TIME = '/usr/bin/time';

export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse a certificate bundle before any of its code runs.
 * It is the machine's setting, not work of the tool or of the floor, and neither makes a TLS connection here:
 * the timed processes run without it, and the bench reports what it costs a start (`--help` is timed both ways).
 */
export const MACHINE_START_COST = 'NODE_EXTRA_CA_CERTS';

export function benchEnv(extra: Record<string, string>, keepMachine = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!keepMachine) delete env[MACHINE_START_COST];
  return env;
}

export interface NodeRun {
  ms: number;
  stdout: string;
  stderr: string;
  rssMb: number | null;
  cpuMs: number | null;
  status: number | null;
}

/** Runs node with the args under /usr/bin/time when present, for the peak RSS and the CPU time. */
export function runNode(args: string[], env: Record<string, string> = {}, keepMachine = false): NodeRun {
  const timed = existsSync(TIME);
  const start = process.hrtime.bigint();
  const run = spawnSync(timed ? TIME : process.execPath, [...(timed ? ['-f', 'maxrss:%M cpu:%U+%S', process.execPath] : []), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: benchEnv(env, keepMachine),
  });
  const elapsed = ms(start);
  const rss = /maxrss:(\d+)/.exec(run.stderr);
  const cpu = /cpu:([\d.]+)\+([\d.]+)/.exec(run.stderr);
  return {
    ms: elapsed,
    stdout: run.stdout,
    stderr: run.stderr,
    rssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
    cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : null,
    status: run.status,
  };
}

export { median, round2 } from '../../src/demo/bench-tables.js';

/** The phases of a `--timings` run, from its stderr. */
export function timingsOf(stderr: string): Record<string, number> {
  const timings = /timings: (\{.*\})/.exec(stderr);
  return timings ? (JSON.parse(timings[1]!) as Record<string, number>) : {};
}
