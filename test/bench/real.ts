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

export interface Pair {
  /** `owner/name` as on GitHub, when the pair comes from a pairs file. */
  name?: string;
  repo: string;
  from: string;
  to: string;
}

export interface PairRow {
  pair: string;
  files: number;
  runs: number;
  floor: { bestMs: number; medianMs: number; rssMb: number | null };
  analysis: { bestMs: number; medianMs: number; rssMb: number | null; cpuMs: number | null };
  ratioBest: number;
  ratioMedian: number;
  /** Peak RSS of the analysis over the floor's, on the same pair. */
  rssRatio: number | null;
  git: { total: number; byCommand: Record<string, number> };
  /** Phase wall times of the analysis' median run (`--timings`). */
  phases: Record<string, number>;
  verdict: string;
  riskScore: number;
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
    const candidates = [join(mirrors, `${owner}+${repoName}`, 'repo'), join(mirrors, `${owner}+${repoName}`), join(mirrors, owner, repoName), join(mirrors, `${repoName}.git`)];
    const repo = candidates.find((c) => existsSync(c));
    if (!repo) throw new Error(`${name}: no clone under ${mirrors} (looked for ${candidates.join(', ')})`);
    pairs.push({ name, repo, from, to });
  }
  return pairs;
}

const label = (p: Pair) => `${p.name ?? p.repo} ${p.from} ← ${p.to}`;

export function measurePair(pair: Pair, runs: number, cacheDir: string): PairRow {
  const floorArgs = [FLOOR, pair.repo, pair.from, pair.to];
  const toolArgs = [BIN, '--repo', pair.repo, '--from', pair.from, '--to', pair.to, '--format', 'json', '--timings'];
  const cache = { ROLLBACK_READY_CACHE: cacheDir };
  const check = (run: NodeRun, what: string) => {
    if (run.status !== 0 && run.status !== 1) throw new Error(`${what} failed on ${label(pair)}: ${run.stderr.slice(0, 500)}`);
    return run;
  };
  // One untimed run of each first: the OS caches the pair's objects, the code cache fills, and the git
  // processes of the analysis are counted.
  check(runNode(floorArgs), 'the floor');
  const counter = countGitProcesses();
  let counted: NodeRun;
  let git: PairRow['git'];
  try {
    counted = check(runNode(toolArgs, { ...cache, ...counter.env }), 'the analysis');
    git = counter.count();
  } finally {
    counter.close();
  }
  const floors: NodeRun[] = [];
  const analyses: NodeRun[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(check(runNode(floorArgs), 'the floor'));
    analyses.push(check(runNode(toolArgs, cache), 'the analysis'));
  }
  const report = JSON.parse(counted.stdout) as { volume: { files: number }; verdict: string; riskScore: number };
  const floorMs = floors.map((r) => r.ms);
  const toolMs = analyses.map((r) => r.ms);
  const byTime = [...analyses].sort((a, b) => a.ms - b.ms);
  const medianRun = byTime[Math.floor((byTime.length - 1) / 2)]!;
  const peak = (list: NodeRun[]) => Math.max(...list.map((r) => r.rssMb ?? 0)) || null;
  const floorRss = peak(floors);
  const toolRss = peak(analyses);
  return {
    pair: label(pair),
    files: report.volume.files,
    runs,
    floor: { bestMs: Math.round(Math.min(...floorMs)), medianMs: Math.round(median(floorMs)), rssMb: floorRss },
    analysis: { bestMs: Math.round(Math.min(...toolMs)), medianMs: Math.round(median(toolMs)), rssMb: toolRss, cpuMs: medianRun.cpuMs },
    ratioBest: round2(Math.min(...toolMs) / Math.min(...floorMs)),
    ratioMedian: round2(median(toolMs) / median(floorMs)),
    rssRatio: floorRss && toolRss ? round2(toolRss / floorRss) : null,
    git,
    phases: timingsOf(medianRun.stderr),
    verdict: report.verdict,
    riskScore: report.riskScore,
  };
}

export function runReal(pairs: readonly Pair[], runs: number): PairRow[] {
  // A code cache of the bench's own, filled by the first run (as on a machine where the tool ran before).
  const cacheDir = mkdtempSync(join(tmpdir(), 'rollback-ready-bench-cache-'));
  const rows: PairRow[] = [];
  try {
    for (const pair of pairs) {
      // Fail early on a pair the clone cannot read, before any timing.
      for (const ref of [pair.from, pair.to]) execFileSync('git', ['-C', pair.repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { stdio: 'ignore' });
      process.stderr.write(`bench: ${label(pair)}…\n`);
      rows.push(measurePair(pair, runs, cacheDir));
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return rows;
}

const num = (n: number | null) => (n === null ? 'n/a' : n.toLocaleString('en-US'));

/** The table of the rows, in Markdown, and a line for the medians and the worst. */
export function realTable(rows: readonly PairRow[]): string {
  const lines = [
    '| pair | files | floor best / median (ms) | analysis best / median (ms) | ratio best / median | peak RSS analysis / floor (MB) | RSS ratio | git processes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.pair} | ${num(r.files)} | ${num(r.floor.bestMs)} / ${num(r.floor.medianMs)} | ${num(r.analysis.bestMs)} / ${num(r.analysis.medianMs)} | ${r.ratioBest} / ${r.ratioMedian} | ${num(r.analysis.rssMb)} / ${num(r.floor.rssMb)} | ${r.rssRatio ?? 'n/a'} | ${r.git.total} |`,
    );
  }
  if (rows.length > 1) {
    const best = rows.map((r) => r.ratioBest);
    const rss = rows.flatMap((r) => (r.rssRatio === null ? [] : [r.rssRatio]));
    lines.push(
      '',
      `ratio to the floor (best runs): median ${round2(median(best))}, worst ${Math.max(...best)}; of the median runs: median ${round2(median(rows.map((r) => r.ratioMedian)))}, worst ${Math.max(...rows.map((r) => r.ratioMedian))}`,
      `peak RSS over the floor's: median ${rss.length ? round2(median(rss)) : 'n/a'}, worst ${rss.length ? Math.max(...rss) : 'n/a'}; git processes: at most ${Math.max(...rows.map((r) => r.git.total))}`,
    );
  }
  return lines.join('\n');
}
