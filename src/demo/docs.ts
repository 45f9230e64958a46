// `npm run docs`: rewrites every generated block of README.md and docs/*.md with what the built CLI prints now,
// run on the sample repositories (the demo's, by default). test/demo/docs.test.ts runs the same generation in
// memory and fails on any block that differs. Markers (the command is run in the sample repository):
//
//   <!-- output: rollback-ready --from v1.1.0 --to v1.0.0 -->      the whole output, as a console block
//   <!-- /output -->
//   <!-- output: rollback-ready … | show 1-3, Checklist, last 1 -->   lines 1-3, the section "Checklist", the last line; … marks a gap
//   <!-- output: rollback-ready … --format json | jq '{verdict, riskScore}' -->   those keys, as jq prints them
//   <!-- output in fixtures/style-only: rollback-ready --from v2 --to v1 -->    another sample (fixtures/<name>, or a deeper folder)
//   <!-- markdown: rollback-ready rules --format markdown -->      the output as Markdown (a table), not a code block
//   <!-- /markdown -->
//   <!-- screen: rollback-ready --from v1.1.0 | keys enter j -->      the terminal review at 80×24 after those keys
//   <!-- /screen -->
//   <!-- bench: real bench-results/real.json -->                    a table of what `npm run bench` wrote (src/demo/bench-tables.ts):
//   <!-- /bench -->                                                 real (the pairs), phases (where their time goes), synthetic,
//                                                                   picker, or `without LABEL` (one mechanism off)
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeTempDirs, tempDir } from '../testing/fixture-repo.js';
import { CLI_BUNDLE, PACKAGE_ROOT } from '../util/version.js';
import { DEMO_SAMPLE, buildSample } from './samples.js';
import { renderScreen } from './screens.js';
import {
  phasesTable,
  pickerTable,
  realTable,
  syntheticTable,
  withoutTable,
  type PairRow,
  type PickerResult,
  type SyntheticRow,
} from './bench-tables.js';

export interface Block {
  /** Index of the block in its file, from 1. */
  index: number;
  /** The marker's text after `output:` or `markdown:` (the command and its filter). */
  marker: string;
  current: string;
  expected: string;
}

export interface DocFile {
  /** Path relative to the package root. */
  file: string;
  before: string;
  after: string;
  blocks: Block[];
}

const MARKER = /(<!-- (output|markdown|screen|bench)(?: in fixtures\/([\w.-]+(?:\/[\w.-]+)*))?: (.*?) -->\n)([\s\S]*?)(<!-- \/\2 -->)/g;

/** README.md and every Markdown page under docs/. */
export function docFiles(root = PACKAGE_ROOT): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join('docs', name));
  return ['README.md', ...docs];
}

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

/** Renders every block of every doc file with what the CLI prints now. Nothing is written. */
export async function renderDocs(root = PACKAGE_ROOT, files = docFiles(root)): Promise<DocFile[]> {
  const texts = files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const samples = new Map<string, Promise<string>>();
  const runs = new Map<string, Promise<Run>>();
  const limit = concurrency(3);
  const sampleRepo = (name: string) => {
    if (!samples.has(name))
      samples.set(
        name,
        Promise.resolve(realpathSync(buildSample(name, join(tempDir('rollback-ready-docs-'), name === DEMO_SAMPLE ? 'shop-api' : name)))),
      );
    return samples.get(name)!;
  };
  const runIn = (sample: string, args: string[]) => {
    const key = JSON.stringify([sample, args]);
    if (!runs.has(key))
      runs.set(
        key,
        sampleRepo(sample).then((repo) => limit(() => runCli(args, repo))),
      );
    return runs.get(key)!;
  };
  try {
    return await Promise.all(
      texts.map(async ({ file, text }) => {
        const fenced = fencedRanges(text);
        const isMarker = (at: number) => !fenced.some(([start, end]) => at > start && at < end);
        const matches = [...text.matchAll(MARKER)].filter((m) => isMarker(m.index));
        const blocks = await Promise.all(
          matches.map(async (m, i): Promise<Block> => {
            const [, , kind, sample = DEMO_SAMPLE, marker, current] = m as unknown as [
              string,
              string,
              'output' | 'markdown' | 'screen' | 'bench',
              string | undefined,
              string,
              string,
            ];
            const where = `${file}: block ${i + 1} (${marker})`;
            if (kind === 'bench') return { index: i + 1, marker, current, expected: `${benchTable(root, marker, where)}\n` };
            const { command, filters } = parseMarker(marker, where);
            if (kind === 'screen') {
              const keys = filters.filter((f) => f.name === 'keys').flatMap((f) => f.arg.split(' ').filter(Boolean));
              const screen = await limit(async () => renderScreen(await sampleRepo(sample), command.slice(1), keys, where));
              return { index: i + 1, marker, current, expected: textBlock(screen) };
            }
            const run = await runIn(sample, command.slice(1));
            const repo = await sampleRepo(sample);
            if (run.stderr.includes('internal error')) throw new Error(`${where}: the CLI failed: ${run.stderr.trim()}`);
            const output = normalise(run.stdout + run.stderr, repo);
            const shown = applyFilters(output, filters, where);
            return { index: i + 1, marker, current, expected: kind === 'markdown' ? shown : consoleBlock(command, filters, shown) };
          }),
        );
        let n = 0;
        const after = text.replace(MARKER, (whole: string, open: string, ...groups: unknown[]) =>
          isMarker(groups[5] as number) ? `${open}${blocks[n++]!.expected}${groups[4] as string}` : whole,
        );
        return { file, before: text, after, blocks };
      }),
    );
  } finally {
    removeTempDirs();
  }
}

/** `real FILE`, `phases FILE`, `synthetic FILE`, `picker FILE` or `without LABEL FILE`: the table of a file the bench wrote. */
function benchTable(root: string, marker: string, where: string): string {
  const words = marker.trim().split(/\s+/);
  const file = words.at(-1)!;
  let json: { rows?: unknown[]; machine?: string; date?: string };
  try {
    json = JSON.parse(readFileSync(join(root, file), 'utf8')) as typeof json;
  } catch (error) {
    throw new Error(`${where}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rows = json.rows ?? [];
  const measured = `Measured${json.date ? ` on ${json.date.slice(0, 10)}` : ''} on ${json.machine ?? 'an unnamed machine'} (${file}).\n\n`;
  if (words[0] === 'real' && words.length === 2) return measured + realTable(rows as PairRow[]);
  if (words[0] === 'phases' && words.length === 2) return measured + phasesTable(rows as PairRow[]);
  if (words[0] === 'synthetic' && words.length === 2) return measured + syntheticTable(rows as SyntheticRow[]);
  if (words[0] === 'without' && words.length === 3) return measured + withoutTable(rows as PairRow[], words[1]!);
  if (words[0] === 'picker' && words.length === 2) return measured + pickerTable(rows as PickerResult[]);
  throw new Error(`${where}: a bench block is "real FILE", "phases FILE", "synthetic FILE", "picker FILE" or "without LABEL FILE"`);
}

/** Where the page's fenced code blocks are: a marker shown inside one is an example, not a block. */
function fencedRanges(text: string): [number, number][] {
  return [...text.matchAll(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm)].map((m) => [m.index, m.index + m[0].length]);
}

interface Filter {
  name: 'show' | 'jq' | 'keys';
  arg: string;
}

/** `rollback-ready ARGS [| show …] [| jq '…']` → the command's words and its filters. */
export function parseMarker(marker: string, where: string): { command: string[]; filters: Filter[] } {
  const [head = '', ...rest] = marker.split(' | ');
  const command = shellWords(head, where);
  if (command[0] !== 'rollback-ready') throw new Error(`${where}: a generated block runs rollback-ready, not ${command[0] ?? 'nothing'}`);
  const filters = rest.map((part): Filter => {
    const [name = '', ...arg] = part.trim().split(' ');
    if (name !== 'show' && name !== 'jq' && name !== 'keys') throw new Error(`${where}: unknown filter ${name}: use show, jq or keys`);
    return { name, arg: name === 'jq' ? shellWords(arg.join(' '), where).join(' ') : arg.join(' ') };
  });
  return { command, filters };
}

/** Splits a command line as a POSIX shell would for plain words and '…' or "…" quoting (no expansion). */
function shellWords(line: string, where: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/\s*(?:'([^']*)'|"([^"]*)"|([^\s'"]+))/gy)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    if (m.index > 0 && !/\s/.test(line[m.index]!) && words.length > 0) words[words.length - 1] += word;
    else words.push(word);
  }
  if (words.join('').length === 0 && line.trim().length > 0) throw new Error(`${where}: cannot read the command ${line}`);
  return words;
}

function runCli(args: string[], cwd: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // What the docs show is what a person sees outside CI.
  for (const name of Object.keys(env))
    if (name === 'GITHUB_ACTIONS' || name === 'CI' || name.startsWith('CI_') || name.startsWith('GITHUB_')) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

/** The sample's temporary path never shows; shas and dates are fixed by the sample's commits. */
function normalise(output: string, repo: string): string {
  return output
    .split(repo)
    .join('.')
    .replace(/[ \t]+$/gm, '');
}

export function applyFilters(output: string, filters: readonly Filter[], where: string): string {
  let text = output.replace(/\n+$/, '');
  for (const filter of filters) {
    if (filter.name === 'show') text = show(text, filter.arg, where);
    else if (filter.name === 'jq') text = jq(text, filter.arg, where);
    else throw new Error(`${where}: keys are for screens`);
  }
  return text;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * `show 1-3, Checklist, last 1`: line ranges, sections (a title line and the lines indented under it) and the last
 * lines, in output order.
 */
function show(text: string, spec: string, where: string): string {
  const lines = text.split('\n');
  const keep = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const tail = /^last (\d+)$/.exec(part);
    if (tail) {
      for (let i = Math.max(0, lines.length - Number(tail[1])); i < lines.length; i++) keep.add(i);
      continue;
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (range) {
      const first = Number(range[1]);
      const last = Math.min(Number(range[2] ?? range[1]), lines.length);
      for (let i = first; i <= last; i++) keep.add(i - 1);
      continue;
    }
    const at = lines.findIndex((l) => {
      // A checklist line is found by its title, without its mark.
      const t = l.trim().replace(/^[✔✖?] /, '');
      return t === part || t.startsWith(`${part} (`) || t.startsWith(`${part}:`);
    });
    if (at < 0) throw new Error(`${where}: the output has no section ${part}`);
    keep.add(at);
    for (let i = at + 1; i < lines.length && lines[i]!.trim() !== '' && indentOf(lines[i]!) > indentOf(lines[at]!); i++) keep.add(i);
  }
  const out: string[] = [];
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (i !== last + 1) out.push('…');
    out.push(lines[i]!);
    last = i;
  }
  if (lines.slice(last + 1).some((l) => l.trim() !== '')) out.push('…');
  return out.join('\n');
}

/** `jq '{a, b}'` or a path such as `jq .findings[0]`: what jq prints, for these two forms only. */
function jq(text: string, program: string, where: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where}: jq needs JSON output`);
  }
  const keys = /^\{\s*([\w\s,]+)\s*\}$/.exec(program);
  if (keys) {
    const object = value as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(keys[1]!.split(',').map((k) => [k.trim(), object[k.trim()] ?? null])), null, 2);
  }
  if (/^(\.\w+|\.?\[\d+\])+$/.test(program)) {
    for (const step of program.matchAll(/\.(\w+)|\[(\d+)\]/g))
      value = (value as Record<string, unknown> | undefined)?.[step[1] ?? Number(step[2])];
    return JSON.stringify(value ?? null, null, 2);
  }
  throw new Error(`${where}: jq ${program}: only '{key, …}' and paths such as .findings[0] are supported`);
}

/** A console block: the command as typed (with jq, the one filter a reader can run too), then its output. */
function consoleBlock(command: readonly string[], filters: readonly Filter[], shown: string): string {
  const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w}'`);
  const jqs = filters.filter((f) => f.name === 'jq').map((f) => ` | jq ${quote(f.arg)}`);
  const body = `$ ${command.map(quote).join(' ')}${jqs.join('')}\n${shown}`;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}console\n${body}\n${fence}\n`;
}

/** A plain text block (a screen has no command line of its own). */
function textBlock(text: string): string {
  return `\`\`\`text\n${text}\n\`\`\`\n`;
}

function concurrency(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const started = performance.now();
  const files = await renderDocs();
  const stale = files.flatMap((f) =>
    f.blocks.filter((b) => b.current !== b.expected).map((b) => `${f.file}: block ${b.index} (${b.marker})`),
  );
  if (!check) for (const f of files) if (f.after !== f.before) writeFileSync(join(PACKAGE_ROOT, f.file), f.after);
  const count = files.reduce((n, f) => n + f.blocks.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${count} generated blocks in ${files.length} files, ${seconds} s; ${stale.length} ${check ? 'differ' : 'rewritten'}\n`,
  );
  for (const line of stale) process.stdout.write(`  ${line}\n`);
  if (check && stale.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`docs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
