// On two cores or fewer, an analysis runs in a child Node with one V8 background thread (src/cli/relaunch.ts). The
// real binary, with a preload (NODE_OPTIONS, which the child inherits) that notes each Node process it starts in:
// which processes ran, with which flags, and what reached the caller (stdout, the exit status, a signal).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POOL_FLAG, relaunchFlags, type NodeStart } from '../../src/cli/relaunch.js';
import { BIN, ROOT, dropColumnRelease, tempDir } from '../support/repo.js';

describe('relaunchFlags', () => {
  const start = (over: Partial<NodeStart>): NodeStart => ({ argv: [], execArgv: [], nodeOptions: undefined, cores: 2, ...over });

  it('relaunches an analysis with one pool thread on two cores or fewer', () => {
    expect(relaunchFlags(start({ argv: ['--repo', '.', '--to', 'v1'] }))).toEqual([POOL_FLAG]);
    expect(relaunchFlags(start({ argv: ['analyze', '--to', 'v1'], cores: 1 }))).toEqual([POOL_FLAG]);
    expect(relaunchFlags(start({ argv: ['comment', '--pr', '7'] }))).toEqual([POOL_FLAG]);
    expect(relaunchFlags(start({ argv: [] }))).toEqual([POOL_FLAG]);
  });

  it('runs here on more cores, under flags Node was started with, or with a pool size the user chose', () => {
    expect(relaunchFlags(start({ argv: ['--to', 'v1'], cores: 3 }))).toBeUndefined();
    expect(relaunchFlags(start({ argv: ['--to', 'v1'], execArgv: [POOL_FLAG] }))).toBeUndefined();
    expect(relaunchFlags(start({ argv: ['--to', 'v1'], execArgv: ['--cpu-prof'] }))).toBeUndefined();
    expect(relaunchFlags(start({ argv: ['--to', 'v1'], nodeOptions: '--max-old-space-size=4096 --v8-pool-size=4' }))).toBeUndefined();
    expect(relaunchFlags(start({ argv: ['--to', 'v1'], nodeOptions: '--max-old-space-size=4096' }))).toEqual([POOL_FLAG]);
  });

  it('runs here what analyses nothing: help, the version, rules, explain, init', () => {
    for (const argv of [
      ['--help'],
      ['-h'],
      ['--version'],
      ['-v'],
      ['analyze', '--help'],
      ['help'],
      ['rules'],
      ['explain', 'drop-column'],
      ['init'],
    ]) {
      expect(relaunchFlags(start({ argv })), argv.join(' ')).toBeUndefined();
    }
  });
});

// The relaunch happens where the machine has two cores or fewer; elsewhere taskset gives the process one core.
const TASKSET = spawnSync('taskset', ['--version']).status === 0;
const ONE_CORE = availableParallelism() <= 2 ? [] : TASKSET ? ['taskset', '-c', '0'] : undefined;

interface NodeProcess {
  pid: number;
  ppid: number;
  execArgv: string[];
}

/** A preload that notes each Node process it runs in, and the environment that loads it. */
function processLog(extraOptions = '') {
  const dir = tempDir();
  const log = join(dir, 'processes.log');
  const preload = join(dir, 'note.cjs');
  writeFileSync(
    preload,
    `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, ppid: process.ppid, execArgv: process.execArgv }) + '\\n');\n`,
  );
  return {
    env: { NODE_OPTIONS: `--require ${preload} ${extraOptions}`.trim() },
    processes: (): NodeProcess[] =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as NodeProcess)
        : [],
  };
}

function runBin(args: string[], env: Record<string, string>) {
  const [command, ...prefix] = [...ONE_CORE!, process.execPath];
  const run = spawnSync(command!, [...prefix, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

// The release drops a column the older code still reads: BLOCKED, and the gate fails (exit 1).
const dropColumn = dropColumnRelease();
const analysis = ['--repo', dropColumn, '--from', 'v2', '--to', 'v1', '--format', 'json', '--fail-on', 'critical'];

describe.skipIf(ONE_CORE === undefined)('the analysis in a child Node', () => {
  it('runs in one child with one pool thread; its report and exit status reach the caller unchanged', () => {
    const log = processLog();
    const relaunched = runBin(analysis, log.env);
    const [parent, child, ...more] = log.processes();
    expect(more).toEqual([]);
    expect(parent!.execArgv).toEqual([]);
    expect(child!.execArgv).toEqual([POOL_FLAG]);
    expect(child!.ppid).toBe(parent!.pid);

    // The same analysis in one process, the pool size chosen by the user: the same report, the same status.
    const here = processLog('--v8-pool-size=4');
    const inProcess = runBin(analysis, here.env);
    expect(here.processes()).toHaveLength(1);
    expect(relaunched.code).toBe(1);
    expect(inProcess.code).toBe(1);
    const report = (out: string) => {
      const { stats: _stats, ...rest } = JSON.parse(out) as Record<string, unknown>;
      return rest;
    };
    expect(report(relaunched.stdout)).toEqual(report(inProcess.stdout));
    expect((JSON.parse(relaunched.stdout) as { verdict: string }).verdict).toBe('blocked');
  });

  it('passes a usage error through: one line on stderr, exit 2', () => {
    const log = processLog();
    const run = runBin(['--repo', dropColumn, '--from', 'v2', '--to', 'no-such-tag'], log.env);
    expect(log.processes()).toHaveLength(2);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-tag');
  });

  it('starts no child for the version', () => {
    const log = processLog();
    const run = runBin(['--version'], log.env);
    expect(run.code).toBe(0);
    expect(log.processes()).toHaveLength(1);
  });

  it('passes a SIGTERM on to the child, and ends by it as the child did', async () => {
    // A git that never answers: the child waits on it until the signal comes.
    const shims = tempDir();
    const waiting = join(shims, 'git-waiting');
    writeFileSync(join(shims, 'git'), `#!/bin/sh\necho $$ >> '${waiting}'\nexec sleep 60\n`);
    chmodSync(join(shims, 'git'), 0o755);
    const log = processLog();
    const [command, ...prefix] = [...ONE_CORE!, process.execPath];
    const parent = spawn(command!, [...prefix, BIN, ...analysis], {
      env: { ...process.env, ...log.env, PATH: `${shims}${delimiter}${process.env.PATH ?? ''}` },
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => parent.on('exit', (_code, signal) => resolve(signal)));
    try {
      await until(() => existsSync(waiting));
      const [first, child] = log.processes();
      expect(child?.ppid).toBe(first?.pid);
      parent.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
      await until(() => !alive(child!.pid));
    } finally {
      parent.kill('SIGKILL');
      if (existsSync(waiting)) for (const pid of readFileSync(waiting, 'utf8').split('\n').filter(Boolean)) kill(Number(pid));
    }
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function kill(pid: number) {
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

async function until(done: () => boolean, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
