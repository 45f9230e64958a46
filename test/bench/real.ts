// The bench on real releases: the full analysis of a pair of releases of a real repository against the floor on
// that same pair (test/bench/floor.ts), alternately, several runs each, in whole processes. Per pair: the changed
// files, best and median of each, their ratios, the peak RSS of each, and the git processes the analysis starts
// (counted in one more run, untimed, through a `git` first on its PATH).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countGitProcesses } from '../../src/testing/git-count.js';
import { BIN, FLOOR, median, round2, runNode, timingsOf, type NodeRun } from './run.js';

export { realTable } from '../../src/demo/bench-tables.js';
import type { PairRow as TableRow, ToolResult as TableResult } from '../../src/demo/bench-tables.js';

export interface Pair {
  /** `owner/name` as on GitHub, when the pair comes from a pairs file. */
  name?: string;
  repo: string;
  from: string;
  to: string;
}

/** A build of the tool to time (the bench compares several: `--tool`), with environment of its own. */
export interface Tool {
  label: string;
  bin: string;
  env?: Record<string, string>;
}

/** A tool's result on a pair, as the tables read it, with what only the bench's own printout uses. */
export interface ToolResult extends TableResult {
  cpuMs: number | null;
  /** Phase wall times of the median run (`--timings`). */
  phases: Record<string, number>;
}

export interface PairRow extends TableRow {
  /** One per tool timed, in the order given. */
  tools: ToolResult[];
}

/**
 * The pairs of a pairs file (`owner/name from to` a line, `#` comments), each found under `mirrors`:
 * `<owner>+<name>/repo`, `<owner>+<name>`, `<owner>/<name>` or `<name>.git`, the first that exists.
 */
export function readPairs(file: string, mirrors: string): Pair[] {
  const pairs: Pair[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [name, from, to] = line.split(/\s+/);
    if (!name || !from || !to || !name.includes('/')) throw new Error(`${file}: not a pair (owner/name from to): ${line}`);
    const [owner, repoName] = name.split('/') as [string, string];
    const candidates = [
      join(mirrors, `${owner}+${repoName}`, 'repo'),
      join(mirrors, `${owner}+${repoName}`),
      join(mirrors, owner, repoName),
      join(mirrors, `${repoName}.git`),
    ];
    const repo = candidates.find((c) => existsSync(c));
    if (!repo) throw new Error(`${name}: no clone under ${mirrors} (looked for ${candidates.join(', ')})`);
    pairs.push({ name, repo, from, to });
  }
  return pairs;
}

const label = (p: Pair) => `${p.name ?? p.repo} ${p.from} ← ${p.to}`;

export function measurePair(pair: Pair, runs: number, tools: readonly Tool[], cacheDir: string): PairRow {
  const floorArgs = [...FLOOR, pair.repo, pair.from, pair.to];
  const check = (run: NodeRun, what: string) => {
    if (run.status !== 0 && run.status !== 1) throw new Error(`${what} failed on ${label(pair)}: ${run.stderr.slice(0, 500)}`);
    return run;
  };
  // Each build keeps a code cache of its own, filled by its first run (as on a machine where the tool ran before).
  const plan = tools.map((tool, i) => ({
    tool,
    args: [tool.bin, '--repo', pair.repo, '--from', pair.from, '--to', pair.to, '--format', 'json', '--timings'],
    env: { ROLLBACK_READY_CACHE: join(cacheDir, String(i)), ...tool.env },
  }));
  // One untimed run of each first: the OS caches the pair's objects, the code caches fill, and the git
  // processes of each analysis are counted.
  check(runNode(floorArgs), 'the floor');
  const counted = plan.map(({ tool, args, env }) => {
    const counter = countGitProcesses();
    try {
      const run = check(runNode(args, { ...env, ...counter.env }), tool.label);
      return { report: JSON.parse(run.stdout) as { volume: { files: number }; verdict: string; riskScore: number }, git: counter.count() };
    } finally {
      counter.close();
    }
  });
  const floors: NodeRun[] = [];
  const analyses: NodeRun[][] = plan.map(() => []);
  // Floor and every build alternate, so the machine's drift falls on all of them alike.
  for (let i = 0; i < runs; i++) {
    floors.push(check(runNode(floorArgs), 'the floor'));
    plan.forEach(({ tool, args, env }, t) => analyses[t]!.push(check(runNode(args, env), tool.label)));
  }
  const floorMs = floors.map((r) => r.ms);
  const peak = (list: NodeRun[]) => Math.max(...list.map((r) => r.rssMb ?? 0)) || null;
  const floorRss = peak(floors);
  return {
    pair: label(pair),
    files: counted[0]!.report.volume.files,
    runs,
    floor: { bestMs: Math.round(Math.min(...floorMs)), medianMs: Math.round(median(floorMs)), rssMb: floorRss },
    tools: plan.map(({ tool }, t) => {
      const list = analyses[t]!;
      const toolMs = list.map((r) => r.ms);
      const byTime = [...list].sort((a, b) => a.ms - b.ms);
      const medianRun = byTime[Math.floor((byTime.length - 1) / 2)]!;
      const toolRss = peak(list);
      return {
        tool: tool.label,
        bestMs: Math.round(Math.min(...toolMs)),
        medianMs: Math.round(median(toolMs)),
        rssMb: toolRss,
        cpuMs: medianRun.cpuMs,
        ratioBest: round2(Math.min(...toolMs) / Math.min(...floorMs)),
        ratioMedian: round2(median(toolMs) / median(floorMs)),
        rssRatio: floorRss && toolRss ? round2(toolRss / floorRss) : null,
        git: counted[t]!.git,
        phases: timingsOf(medianRun.stderr),
        verdict: counted[t]!.report.verdict,
        riskScore: counted[t]!.report.riskScore,
      };
    }),
  };
}

export function runReal(pairs: readonly Pair[], runs: number, tools: readonly Tool[] = [{ label: 'analysis', bin: BIN }]): PairRow[] {
  const cacheDir = mkdtempSync(join(tmpdir(), 'rollback-ready-bench-cache-'));
  const rows: PairRow[] = [];
  try {
    for (const pair of pairs) {
      // Fail early on a pair the clone cannot read, before any timing.
      for (const ref of [pair.from, pair.to])
        execFileSync('git', ['-C', pair.repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
          stdio: 'ignore',
        });
      process.stderr.write(`bench: ${label(pair)}…\n`);
      rows.push(measurePair(pair, runs, tools, cacheDir));
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return rows;
}
