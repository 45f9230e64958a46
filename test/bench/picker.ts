// The release picker's cost: the review analyses one target after another against the same running release, in
// one process, sharing what is a function of blob ids or of the running release (`sharedParses`). Timed as whole
// processes, alternately:
//   one    the CLI's analysis of the nearest target alone
//   far    the CLI's analysis of the farthest target alone (filling cannot cost less than it)
//   fill   one process analysing the N nearest targets in turn, sharing (as the picker does)
//   alone  the same N analyses in one process without sharing (for comparison)
//
//   node dist/test/bench/picker.js --repo DIR --from REF [--name OWNER/NAME] [--targets 10] [--runs 3]
// Adds its row to bench-results/picker.json (--out FILE). A timed run calls this file again with --analyse MODE.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeRollback, sharedParses } from '../../src/index.js';
import { openRepo } from '../../src/git/repo.js';
import { resolveCommit } from '../../src/git/refs.js';
import { rollbackTargets } from '../../src/git/targets.js';
import { PACKAGE_ROOT } from '../../src/util/version.js';
import { median } from '../../src/demo/bench-tables.js';
import { BIN, runNode } from './run.js';

const argv = process.argv.slice(2);
const value = (flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const repo = value('--repo');
const from = value('--from');
if (!repo || !from) throw new Error('give --repo DIR --from REF');

const mode = value('--analyse');
if (mode) {
  // One timed run: analyse the targets given, in turn, in this process.
  const targets = value('--to')!.split(',');
  const shared = mode === 'fill' ? sharedParses() : undefined;
  for (const to of targets) await analyzeRollback({ repo, from, to, ...(shared ? { shared } : {}) });
} else {
  const count = Number(value('--targets') ?? 10);
  const runs = Number(value('--runs') ?? 3);
  const opened = await openRepo(repo);
  const sha = await resolveCommit(opened, from, '--from');
  const targets = (await rollbackTargets(opened, sha, undefined, count)).map((t) => t.tag);
  const self = fileURLToPath(import.meta.url);
  const times: Record<'one' | 'far' | 'fill' | 'alone', number[]> = { one: [], far: [], fill: [], alone: [] };
  const cli = (to: string) => runNode([BIN, '--repo', repo, '--from', from, '--to', to, '--format', 'json']).ms;
  for (let i = 0; i < runs; i++) {
    times.one.push(cli(targets[0]!));
    times.far.push(cli(targets[targets.length - 1]!));
    for (const m of ['fill', 'alone'] as const)
      times[m].push(runNode([self, '--repo', repo, '--from', from, '--analyse', m, '--to', targets.join(',')]).ms);
  }
  const result = {
    name: value('--name') ?? basename(repo),
    from,
    targets,
    runs,
    oneMs: Math.round(median(times.one)),
    farthestMs: Math.round(median(times.far)),
    fillMs: Math.round(median(times.fill)),
    aloneMs: Math.round(median(times.alone)),
  };
  const ratio = (ms: number, of = result.oneMs) => Math.round((ms / of) * 100) / 100;
  console.log(
    `${targets.length} targets of ${from}: nearest ${result.oneMs} ms, farthest ${result.farthestMs} ms; ` +
      `filling the picker ${result.fillMs} ms (${ratio(result.fillMs)}× nearest, ${ratio(result.fillMs, result.farthestMs)}× farthest), ` +
      `without sharing ${result.aloneMs} ms (${ratio(result.aloneMs)}× nearest); medians of ${runs}`,
  );
  const out = join(PACKAGE_ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  // One row per running release measured: a run adds its row to the file, replacing the same release's.
  const file = join(out, value('--out') ?? 'picker.json');
  let rows: (typeof result)[] = [];
  try {
    rows = (JSON.parse(readFileSync(file, 'utf8')) as { rows: (typeof result)[] }).rows;
  } catch {
    // a new file
  }
  rows = [...rows.filter((r) => r.name !== result.name || r.from !== from), result];
  writeFileSync(file, `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), rows }, null, 2)}\n`);
}

function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${process.platform} ${process.arch}`;
}
