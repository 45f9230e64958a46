// `npm run bench`: measures a full analysis against the floor (git diff -p on the same range).
// Figures are printed as a table and written to bench-results/bench.json; nothing here is a pass/fail test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, type FileMap } from '../../src/testing/fixture-repo.js';
import { PACKAGE_ROOT } from '../../src/version.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

function module(i: number, variant: number): string {
  const lines = [
    `import { helper${(i + 1) % 50} } from './helper';`,
    '',
    `export interface Thing${i} {`,
    '  id: number;',
    `  name${variant}: string;`,
    '}',
    '',
    `export function make${i}(id: number, name: string): Thing${i} {`,
    `  return { id, name${variant}: name };`,
    '}',
  ];
  while (lines.length < 40) lines.push(`export const value${i}_${lines.length} = ${variant + lines.length};`);
  return `${lines.join('\n')}\n`;
}

function release(files: number, variant: number): FileMap {
  const tree: FileMap = { 'package.json': '{ "name": "bench-app", "version": "1.0.0" }\n' };
  for (let i = 0; i < files; i++) tree[`src/area${i % 20}/module${i}.ts`] = module(i, variant);
  return tree;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Row {
  scenario: string;
  changedFiles: number;
  analysisMs: number;
  gitDiffMs: number;
  ratio: number;
  peakRssMb: number;
}

function measure(scenario: string, changed: number): Row {
  const repo = buildRepo([
    { tree: release(changed, 1), tag: 'v1' },
    { tree: release(changed, 2), tag: 'v2' },
  ]);
  const gitDiffMs = time(() => execFileSync('git', ['-C', repo, 'diff', '-p', 'v1', 'v2'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 }));
  let peakRssMb = 0;
  const analysisMs = time(() => {
    const timed = existsSync('/usr/bin/time');
    const cmd = timed ? '/usr/bin/time' : process.execPath;
    const run = spawnSync(cmd, [...(timed ? ['-f', '%M', process.execPath] : []), BIN, '--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`analysis failed: ${run.stderr}`);
    peakRssMb = timed ? Math.round(Number(run.stderr.trim().split('\n').pop()) / 1024) : NaN;
  });
  return { scenario, changedFiles: changed, analysisMs: Math.round(analysisMs), gitDiffMs: Math.round(gitDiffMs), ratio: Math.round((analysisMs / gitDiffMs) * 10) / 10, peakRssMb };
}

// A published library of 300 modules behind one barrel entry; the release changed 100 of them (a new optional
// parameter each, so the rollback narrows 100 signatures). The contract analysis must parse only those and the barrel.
function contractModule(i: number, changed: boolean): string {
  const signature = changed ? `id: number, label?: string` : 'id: number';
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

function measureContracts(): Row {
  const repo = buildRepo([
    { tree: library(0), tag: 'v1' },
    { tree: library(100), tag: 'v2' },
  ]);
  const gitDiffMs = time(() => execFileSync('git', ['-C', repo, 'diff', '-p', 'v1', 'v2'], { stdio: ['ignore', 'ignore', 'ignore'] }));
  let stdout = '';
  let peakRssMb = NaN;
  const analysisMs = time(() => {
    const timed = existsSync('/usr/bin/time');
    const cmd = timed ? '/usr/bin/time' : process.execPath;
    const run = spawnSync(cmd, [...(timed ? ['-f', '%M', process.execPath] : []), BIN, '--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`analysis failed: ${run.stderr}`);
    stdout = run.stdout;
    if (timed) peakRssMb = Math.round(Number(run.stderr.trim().split('\n').pop()) / 1024);
  });
  const report = JSON.parse(stdout) as { stats: Record<string, number>; findings: { ruleId: string }[] };
  const narrowed = report.findings.filter((f) => f.ruleId === 'signature-narrowed').length;
  const parsed = report.stats.contractModulesParsed ?? 0;
  const scanned = report.stats.contractModulesScanned ?? 0;
  return {
    scenario: `300-module library, 100 changed: contract analysis parsed ${parsed} modules, scanned ${scanned}, ${narrowed} signatures narrowed`,
    changedFiles: 100,
    analysisMs: Math.round(analysisMs),
    gitDiffMs: Math.round(gitDiffMs),
    ratio: Math.round((analysisMs / gitDiffMs) * 10) / 10,
    peakRssMb,
  };
}

const rows = [measure('5,000 changed TypeScript modules', 5000)];
rows.push(measureContracts());
console.log('| scenario | changed files | full analysis (ms) | git diff -p (ms) | ratio | peak RSS (MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.scenario} | ${r.changedFiles} | ${r.analysisMs} | ${r.gitDiffMs} | ${r.ratio} | ${r.peakRssMb} |`);
const out = join(PACKAGE_ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, rows }, null, 2)}\n`);
