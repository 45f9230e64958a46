// `npm run bench`: speed and memory of a full analysis against the floor (test/bench/floor.ts).
//
//   npm run bench                                   generated repositories (the synthetic scenarios)
//   npm run bench -- --quick                        the small synthetic scenarios only
//   npm run bench -- --repo DIR --from A --to B     a pair of real releases (repeat the three for more pairs)
//   npm run bench -- --pairs bench/pairs.txt --mirrors ROOT [--only TEXT]   the pairs of a pairs file
//   --runs N                                        timed runs of each, floor and analysis alternating
//   --tool LABEL=PATH                               another build's dist/bin/main.js, timed beside this one (repeatable)
//   --variant LABEL:NAME=VALUE,…                    this build again, with that environment (repeatable)
//   --env NAME=VALUE                                environment for the analyses (repeatable)
//   --out FILE                                      the file written under bench-results/ (default bench.json or real.json)
//
// Both are timed as whole processes (Node's start included), alternately. Synthetic scenarios: best of RUNS each;
// each scenario has a code cache of its own (src/util/code-cache.ts): its first run starts without one, and is
// reported on its own too; the floor is also timed with the same code cache. Real pairs: see real.ts.
// Prints a table and writes bench-results/bench.json (synthetic) or bench-results/real.json (real pairs).
// Targets are read from here, never enforced by a test.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/version.js';
import { buildRepo, type FileMap } from '../../src/testing/fixture-repo.js';
import { generateBenchRepo, type BenchShape } from './generate.js';
import { BIN, FLOOR, FLOOR_FLAGS, MACHINE_START_COST, median, ms, runNode, timingsOf } from './run.js';
import { readPairs, realTable, runReal, type Pair } from './real.js';
import { syntheticTable } from '../../src/demo/bench-tables.js';

interface Scenario extends BenchShape {
  name: string;
  /** Builds the repository at the folder (default: the generated release of `changed` files in `unchanged` others). */
  build?: (dir: string) => void;
}

interface Row {
  scenario: string;
  changed: number;
  unchanged: number;
  /** Best of the runs: the first compiles TypeScript and the SQL parser and keeps V8's code cache, the others use it. */
  analysisMs: number;
  floorMs: number;
  ratioToFloor: number;
  /** The first run, with an empty code cache (as on a machine where the tool never ran). */
  coldMs: number;
  coldRatioToFloor: number;
  /** The floor with TypeScript and the SQL parser compiled from a code cache, as the analysis' later runs do. */
  floorCachedMs: number;
  ratioToCachedFloor: number;
  gitDiffPatchMs: number;
  peakRssMb: number | null;
  /** User and system CPU of the analysis process and its children (git), in ms: above the wall time, work ran in parallel. */
  analysisCpuMs: number | null;
  phases: Record<string, number>;
  /** Two floors run at once, over one alone (1: the machine ran both in parallel at full speed; 2: not at all). */
  parallelSlowdown?: number;
  blobs: number;
  stats: Record<string, number>;
}

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
/** The values of a repeatable flag, in order. */
const valuesOf = (flag: string) => argv.flatMap((arg, i) => (arg === flag && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
const scenarios: Scenario[] = [
  { name: '100 changed files', changed: 100, unchanged: 0 },
  { name: '1,000 changed files', changed: 1000, unchanged: 0 },
  ...(quick
    ? []
    : [
        { name: '10,000 changed files', changed: 10_000, unchanged: 0 },
        { name: '1,000 changed in 10,000 unchanged', changed: 1000, unchanged: 10_000 },
        { name: '1,000 changed in 100,000 unchanged', changed: 1000, unchanged: 100_000 },
      ]),
  { name: '300-module library, 100 changed (contracts)', changed: 100, unchanged: 200, build: buildLibrary },
];

// A published library of 300 modules behind one barrel entry; the release changed 100 of them (a new optional
// parameter each, so the rollback narrows 100 signatures). The contract analysis must parse only those and the barrel.
function contractModule(i: number, changed: boolean): string {
  const signature = changed ? 'id: number, label?: string' : 'id: number';
  return [
    "import { helper } from './helper';",
    '',
    `export interface Record${i} {`,
    '  id: number;',
    '}',
    '',
    `export function load${i}(${signature}): Record${i} {`,
    '  return { id: helper(id) };',
    '}',
    '',
  ].join('\n');
}

function library(changedModules: number): FileMap {
  const tree: FileMap = { 'package.json': JSON.stringify({ name: 'bench-lib', version: '1.0.0', exports: { '.': './dist/index.js' } }) };
  tree['src/helper.ts'] = 'export const helper = (n: number) => n;\n';
  tree['src/index.ts'] = Array.from({ length: 300 }, (_, i) => `export * from './m${i}';`).join('\n') + '\n';
  for (let i = 0; i < 300; i++) tree[`src/m${i}.ts`] = contractModule(i, i < changedModules);
  return tree;
}

function buildLibrary(dir: string): void {
  buildRepo(
    [
      { tree: library(0), tag: 'v1' },
      { tree: library(100), tag: 'v2' },
    ],
    dir,
  );
}

/**
 * Alternating runs of the floor and the analysis per scenario, the best of each kept. This VM's speed drifts by a
 * third within a run: with two runs, the same 1,000-file analysis read anywhere from 1.47 to 1.81 times its floor.
 */
const RUNS = Number(valuesOf('--runs')[0] ?? 4);

/** Wall time of `copies` floor processes started together: how much of a second core this machine gives. */
async function floorsAtOnce(repo: string, copies: number): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from(
      { length: copies },
      () => new Promise((resolve) => spawn(process.execPath, [...FLOOR, repo, 'v2', 'v1'], { stdio: 'ignore' }).on('close', resolve)),
    ),
  );
  return ms(start);
}

async function measure(scenario: Scenario, root: string): Promise<Row> {
  const slug = scenario.name.replace(/[^a-z0-9]+/gi, '-');
  const repo = join(root, slug);
  if (scenario.build) scenario.build(repo);
  else generateBenchRepo(repo, scenario);
  // Warm the OS cache once, as a real repository in use would be.
  execFileSync('git', ['-C', repo, 'diff', '--raw', 'v1', 'v2'], { stdio: 'ignore', maxBuffer: 1 << 30 });

  const patchStart = process.hrtime.bigint();
  execFileSync('git', ['-C', repo, 'diff', '-p', 'v1', 'v2'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  const gitDiffPatchMs = ms(patchStart);

  // Floor and analysis alternate, and each is the best of its runs: the machine's noise falls on both alike.
  const floors: number[] = [];
  const cachedFloors: number[] = [];
  let blobs = 0;
  const runs: ReturnType<typeof runNode>[] = [];
  // A code cache of this scenario's own: the first run starts without one.
  const cache = { ROLLBACK_READY_CACHE: join(root, `${slug}-code-cache`) };
  const floorCache = { ROLLBACK_READY_CACHE: join(root, `${slug}-floor-code-cache`) };
  for (let i = 0; i < RUNS; i++) {
    const floor = runNode([...FLOOR, repo, 'v2', 'v1']);
    const parsed = JSON.parse(floor.stdout) as { ms: number; blobs: number };
    floors.push(floor.ms);
    cachedFloors.push(runNode([...FLOOR, repo, 'v2', 'v1', '--code-cache'], floorCache).ms);
    blobs = parsed.blobs;
    const run = runNode([BIN, '--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json', '--timings'], cache);
    if (run.status !== 0 && run.status !== 1) throw new Error(`analysis failed on ${scenario.name}: ${run.stderr.slice(0, 500)}`);
    runs.push(run);
  }
  const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const floorMs = Math.min(...floors);
  // The first cached floor fills the floor's cache; the best of the rest is what a warm floor takes.
  const cachedFloorMs = Math.min(...cachedFloors.slice(1));
  const stats = (JSON.parse(best.stdout) as { stats?: Record<string, number> }).stats ?? {};
  let parallelSlowdown: number | undefined;
  if (scenario.name === '1,000 changed files') {
    const alone = Math.min(await floorsAtOnce(repo, 1), await floorsAtOnce(repo, 1));
    const together = Math.min(await floorsAtOnce(repo, 2), await floorsAtOnce(repo, 2));
    parallelSlowdown = Math.round((together / alone) * 100) / 100;
  }
  rmSync(repo, { recursive: true, force: true });
  return {
    scenario: scenario.name,
    changed: scenario.changed,
    unchanged: scenario.unchanged,
    analysisMs: Math.round(best.ms),
    floorMs: Math.round(floorMs),
    ratioToFloor: Math.round((best.ms / floorMs) * 100) / 100,
    floorCachedMs: Math.round(cachedFloorMs),
    ratioToCachedFloor: Math.round((best.ms / cachedFloorMs) * 100) / 100,
    coldMs: Math.round(runs[0]!.ms),
    coldRatioToFloor: Math.round((runs[0]!.ms / floorMs) * 100) / 100,
    gitDiffPatchMs: Math.round(gitDiffPatchMs),
    peakRssMb: Math.max(...runs.map((r) => r.rssMb ?? 0)) || null,
    analysisCpuMs: best.cpuMs,
    phases: timingsOf(best.stderr),
    ...(parallelSlowdown !== undefined ? { parallelSlowdown } : {}),
    blobs,
    stats,
  };
}

/** Median of 7 runs of node with the args (`keepMachine`: with this machine's NODE_EXTRA_CA_CERTS). */
function medianRun(args: string[], keepMachine = false): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push(runNode(args, {}, keepMachine).ms);
  return Math.round(median(times));
}

function startTimes() {
  const withMachine = process.env[MACHINE_START_COST]
    ? { helpMs: medianRun([BIN, '--help'], true), nodeMs: medianRun(['-e', '0'], true) }
    : undefined;
  return {
    helpMs: medianRun([BIN, '--help']),
    nodeMs: medianRun(['-e', '0']),
    ...(withMachine ? { [MACHINE_START_COST]: withMachine } : {}),
  };
}

async function synthetic(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'rollback-ready-bench-'));
  const rows: Row[] = [];
  try {
    for (const scenario of scenarios) {
      process.stderr.write(`bench: ${scenario.name}…\n`);
      rows.push(await measure(scenario, root));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const starts = startTimes();
  const help = starts.helpMs;

  console.log(syntheticTable(rows));
  console.log(`\n--help: ${help} ms (median of 7; Node's own start, \`node -e 0\`: ${starts.nodeMs} ms)`);
  const machineStart = starts[MACHINE_START_COST];
  if (machineStart)
    console.log(
      `with this machine's ${MACHINE_START_COST}, which every Node process reads at start (the timed runs above go without it): --help ${machineStart.helpMs} ms, \`node -e 0\` ${machineStart.nodeMs} ms`,
    );
  const probe = rows.find((r) => r.parallelSlowdown !== undefined);
  if (probe)
    console.log(
      `two floors at once take ${probe.parallelSlowdown}× the time of one (1.0: this machine runs two processes in parallel at full speed, 2.0: not at all)`,
    );
  const libraryRow = rows.find((r) => r.scenario.includes('(contracts)'));
  if (libraryRow)
    console.log(
      `contracts on the 300-module library: ${libraryRow.stats.contractModulesParsed ?? 0} modules parsed, ${libraryRow.stats.contractModulesScanned ?? 0} only scanned`,
    );
  const byName = (name: string) => rows.find((r) => r.scenario === name);
  const small = byName('1,000 changed in 10,000 unchanged');
  const big = byName('1,000 changed in 100,000 unchanged');
  if (small && big) {
    // The machine's speed drifts during a run: the floor, measured beside each analysis, shows how much.
    const wall = Math.round((big.analysisMs / small.analysisMs - 1) * 100);
    const byFloor = Math.round((big.ratioToFloor / small.ratioToFloor - 1) * 100);
    const floorDrift = Math.round((big.floorMs / small.floorMs - 1) * 100);
    const change = (n: number, more: string, less: string) => `${Math.abs(n)}% ${n < 0 ? less : more}`;
    console.log(
      `100,000 vs 10,000 unchanged files: ${change(byFloor, 'slower', 'faster')} against the floor measured beside each (${change(wall, 'slower', 'faster')} in wall time; the floor itself took ${change(floorDrift, 'longer', 'less')})`,
    );
  }

  const out = join(PACKAGE_ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  const file = valuesOf('--out')[0] ?? 'bench.json';
  writeFileSync(
    join(out, file),
    `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), helpMs: help, starts, rows }, null, 2)}\n`,
  );
  console.log(`\nwritten: bench-results/${file} (${machine()})`);
}

function real(): void {
  const pairsFile = valuesOf('--pairs')[0];
  const mirrors = valuesOf('--mirrors')[0];
  const only = valuesOf('--only');
  const repos = valuesOf('--repo');
  const froms = valuesOf('--from');
  const tos = valuesOf('--to');
  if (repos.length !== froms.length || repos.length !== tos.length) throw new Error('give --repo, --from and --to once per pair');
  let pairs: Pair[] = repos.map((repo, i) => ({ repo, from: froms[i]!, to: tos[i]! }));
  if (pairsFile) {
    if (!mirrors) throw new Error('--pairs needs --mirrors ROOT: the folder the repositories are cloned in');
    pairs.push(...readPairs(pairsFile, mirrors));
  }
  if (only.length > 0) pairs = pairs.filter((p) => only.some((text) => `${p.name ?? p.repo} ${p.from}`.includes(text)));
  if (pairs.length === 0) throw new Error('no pair to measure');
  // Other builds to time beside this one (`--tool LABEL=PATH/dist/bin/main.js`), and environment for them all.
  const env = Object.fromEntries(valuesOf('--env').map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const others = valuesOf('--tool').map((t) =>
    t.includes('=') ? { label: t.slice(0, t.indexOf('=')), bin: t.slice(t.indexOf('=') + 1), env } : { label: t, bin: t, env },
  );
  // This build with other environment (`--variant LABEL:NAME=VALUE,NAME=VALUE`), for switches the tool reads.
  const variants = valuesOf('--variant').map((v) => {
    const colon = v.indexOf(':');
    const settings = v
      .slice(colon + 1)
      .split(',')
      .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]);
    return { label: v.slice(0, colon), bin: BIN, env: { ...env, ...Object.fromEntries(settings) } };
  });
  const tools = [{ label: 'this build', bin: BIN, env }, ...others, ...variants];
  const rows = runReal(pairs, Number(valuesOf('--runs')[0] ?? 5), tools);
  console.log(realTable(rows));
  const out = join(PACKAGE_ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  const file = valuesOf('--out')[0] ?? 'real.json';
  writeFileSync(join(out, file), `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(`\nwritten: bench-results/${file} (${machine()})`);
}

function machine(): string {
  const floor = FLOOR_FLAGS.length > 0 ? `, the floor run with ${FLOOR_FLAGS.join(' ')}` : '';
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${process.platform} ${process.arch}${floor}`;
}

if (argv.includes('--repo') || argv.includes('--pairs')) real();
else await synthetic();
