// The tables of docs/performance.md, made from what `npm run bench` wrote in bench-results/ (the bench prints the
// same tables). Plain functions of the JSON: the figures are measured once, on one machine, and kept.

export interface ToolResult {
  tool: string;
  bestMs: number;
  medianMs: number;
  rssMb: number | null;
  /** User and system CPU of the median run, git included. */
  cpuMs?: number | null;
  ratioBest: number;
  ratioMedian: number;
  rssRatio: number | null;
  git: { total: number; byCommand: Record<string, number> };
  verdict: string;
  riskScore: number;
  /** Wall time of each phase of the median run (`--timings`), in the order they ran. */
  phases?: Record<string, number>;
}

export interface PairRow {
  pair: string;
  files: number;
  runs: number;
  floor: { bestMs: number; medianMs: number; rssMb: number | null };
  tools: ToolResult[];
}

export interface RealResults {
  machine: string;
  date: string;
  rows: PairRow[];
}

const num = (n: number | null) => (n === null ? 'n/a' : n.toLocaleString('en-US'));
export const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A line per pair and tool: files, floor, analysis (best / median), ratios, peak RSS, git processes; then a summary per tool. */
export function realTable(rows: readonly PairRow[]): string {
  const several = (rows[0]?.tools.length ?? 0) > 1;
  const lines = [
    `| pair |${several ? ' build |' : ''} files | floor best / median (ms) | analysis best / median (ms) | ratio best / median | peak RSS analysis / floor (MB) | RSS ratio | git processes |`,
    `| --- |${several ? ' --- |' : ''} ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const r of rows) {
    for (const t of r.tools) {
      lines.push(
        `| ${r.pair} |${several ? ` ${t.tool} |` : ''} ${num(r.files)} | ${num(r.floor.bestMs)} / ${num(r.floor.medianMs)} | ${num(t.bestMs)} / ${num(t.medianMs)} | ${t.ratioBest} / ${t.ratioMedian} | ${num(t.rssMb)} / ${num(r.floor.rssMb)} | ${t.rssRatio ?? 'n/a'} | ${t.git.total} |`,
      );
    }
  }
  if (rows.length > 1) {
    lines.push('');
    for (const [i, tool] of (rows[0]?.tools.map((t) => t.tool) ?? []).entries()) {
      const results = rows.map((r) => r.tools[i]!);
      const ratios = (pick: (t: ToolResult) => number) => {
        const values = results.map(pick);
        return `median ${round2(median(values))}, worst ${Math.max(...values)}`;
      };
      const rss = results.flatMap((t) => (t.rssRatio === null ? [] : [t.rssRatio]));
      lines.push(
        `- ${several ? `${tool}: ` : ''}ratio to the floor, best runs: ${ratios((t) => t.ratioBest)}; median runs: ${ratios((t) => t.ratioMedian)}; ` +
          `peak RSS over the floor's: ${rss.length ? `median ${round2(median(rss))}, worst ${Math.max(...rss)}` : 'n/a'}; ` +
          `git processes: at most ${Math.max(...results.map((t) => t.git.total))}`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * One mechanism measured by switching it off (a tool labelled `without`) beside the same build with it (the first
 * tool): per pair, the medians of each and what removing it costs (positive: slower without it).
 */
export function withoutTable(rows: readonly PairRow[], without: string): string {
  const lines = [
    '| pair | files | with it: best / median (ms) | without it: best / median (ms) | removing it costs (medians) | (best runs) | (CPU time) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const pct = (a: number, b: number) => {
    const change = Math.round((b / a - 1) * 100);
    return `${change > 0 ? '+' : ''}${change}%`;
  };
  for (const r of rows) {
    const base = r.tools[0]!;
    const off = r.tools.find((t) => t.tool === without);
    if (!off) continue;
    lines.push(
      `| ${r.pair} | ${num(r.files)} | ${num(base.bestMs)} / ${num(base.medianMs)} | ${num(off.bestMs)} / ${num(off.medianMs)} | ${pct(base.medianMs, off.medianMs)} | ${pct(base.bestMs, off.bestMs)} | ${base.cpuMs && off.cpuMs ? pct(base.cpuMs, off.cpuMs) : 'n/a'} |`,
    );
  }
  return lines.join('\n');
}

/** The phases of `--timings` as the table groups them: git and reading, parsing with the readers, two analyzers, the rest. */
const PHASE_GROUPS: { title: string; phases: (phase: string) => boolean }[] = [
  { title: 'start, git, read', phases: (p) => p === 'start' || p === 'git' || p === 'read' },
  { title: 'parse and readers', phases: (p) => p === 'parse' },
  { title: 'contracts', phases: (p) => p === 'analyze:contracts' },
  { title: 'endpoints', phases: (p) => p === 'analyze:endpoints' },
  { title: 'other analyzers, rules, report', phases: () => true },
];

/**
 * Where the analysis of each pair spends its wall time (the phases of the first tool's median run), each group in
 * milliseconds and as a multiple of the floor's median: the groups add up to the analysis's ratio to the floor.
 */
export function phasesTable(rows: readonly PairRow[]): string {
  const lines = [
    `| pair | files | floor median (ms) | ${PHASE_GROUPS.map((g) => `${g.title} (ms, × floor)`).join(' | ')} |`,
    `| --- | ---: | ---: | ${PHASE_GROUPS.map(() => '---:').join(' | ')} |`,
  ];
  for (const r of rows) {
    const phases = r.tools[0]?.phases;
    if (!phases) continue;
    const sums = PHASE_GROUPS.map(() => 0);
    for (const [phase, ms] of Object.entries(phases)) sums[PHASE_GROUPS.findIndex((g) => g.phases(phase))]! += ms;
    const cells = sums.map((ms) => `${num(Math.round(ms))}, ${round2(ms / r.floor.medianMs)}`);
    lines.push(`| ${r.pair} | ${num(r.files)} | ${num(r.floor.medianMs)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export interface SyntheticRow {
  scenario: string;
  analysisMs: number;
  floorMs: number;
  ratioToFloor: number;
  floorCachedMs: number;
  ratioToCachedFloor: number;
  coldMs: number;
  coldRatioToFloor: number;
  analysisCpuMs: number | null;
  gitDiffPatchMs: number;
  peakRssMb: number | null;
  phases: Record<string, number>;
}

export function syntheticTable(rows: readonly SyntheticRow[]): string {
  const lines = [
    '| scenario | full analysis (ms) | floor (ms) | ratio to floor | floor with code cache (ms) | ratio to it | first run, no code cache (ms) | its ratio to floor | CPU of the analysis (ms) | git diff -p (ms) | peak RSS (MB) | slowest phases |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const slowest = Object.entries(r.phases)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([phase, t]) => `${phase} ${t}`)
      .join(', ');
    lines.push(
      `| ${r.scenario} | ${r.analysisMs} | ${r.floorMs} | ${r.ratioToFloor} | ${r.floorCachedMs} | ${r.ratioToCachedFloor} | ${r.coldMs} | ${r.coldRatioToFloor} | ${r.analysisCpuMs ?? 'n/a'} | ${r.gitDiffPatchMs} | ${r.peakRssMb ?? 'n/a'} | ${slowest} |`,
    );
  }
  return lines.join('\n');
}

export interface PickerResult {
  name: string;
  from: string;
  targets: string[];
  runs: number;
  /** One analysis of the nearest target. */
  oneMs: number;
  /** One analysis of the farthest target (rows measured before it was timed have none). */
  farthestMs?: number;
  fillMs: number;
  aloneMs: number;
}

/**
 * The release picker: one analysis of the nearest and of the farthest target, the picker filled (shared parses)
 * against each, and the same analyses without sharing.
 */
export function pickerTable(results: readonly PickerResult[]): string {
  const lines = [
    '| repository | running release | targets | nearest (ms) | farthest (ms) | filling the picker (ms) | × nearest | × farthest | without sharing (ms) | × nearest |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const farthest = r.farthestMs === undefined ? ['', ''] : [num(r.farthestMs), round2(r.fillMs / r.farthestMs)];
    lines.push(
      `| ${r.name} | ${r.from} | ${r.targets.length} | ${num(r.oneMs)} | ${farthest[0]} | ${num(r.fillMs)} | ${round2(r.fillMs / r.oneMs)} | ${farthest[1]} | ${num(r.aloneMs)} | ${round2(r.aloneMs / r.oneMs)} |`,
    );
  }
  return lines.join('\n');
}
