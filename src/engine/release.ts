import type { Project, SourceFile, ts } from 'ts-morph';
import type { GrepHit, Release } from '../analyzers/analyzer.js';
import { pathAt } from '../analyzers/analyzer.js';
import { isScript, isTest } from '../parse/kinds.js';
import { digestChange, digestScript, type ChangeDigest, type DigestJob, type ScriptDigest } from '../parse/scripts/digest.js';
import { dropSpareWorkers, ScriptPool, workersFor } from '../parse/scripts/pool.js';
import { parseScript, tsMorph, typescript } from '../parse/typescript/compiler.js';
import type { BlobStore } from '../git/blobs.js';
import type { CommitInfo } from '../git/refs.js';
import type { Repo } from '../git/repo.js';
import type { TreeIndexes } from '../git/tree-index.js';
import { listReleaseTags } from '../git/tags.js';
import type { Config } from '../config/schema.js';
import type { BlobContent, ChangedFile, RefInfo, Side } from '../model/report.js';

export interface ReleaseInput {
  repo: Repo;
  blobs: BlobStore;
  /** Both sides' trees, each listed once: every lookup of a path or a folder is answered from them. */
  trees: TreeIndexes;
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
  files: ChangedFile[];
  /** The release's commits, still being listed by git while the blobs are read. */
  commits: Promise<CommitInfo[]>;
  config: Config;
  /** The folders in scope (undefined: the whole repository). */
  scope?: readonly string[];
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Epoch milliseconds after which the analysis is out of time. */
  deadline: number;
  /** What the time is, in epoch milliseconds (default: Date.now). */
  clock?: () => number;
  /** Worker threads for parsing scripts (default: by the release's size and the machine's cores). */
  workers?: number;
  /** Changed scripts whose trees an analyzer reads before the digests (`Analyzer.readsTreeOf`): digested here. */
  treeReadHere?: (file: ChangedFile) => boolean;
  /** Called when reading ends and when parsing ends (for the timings). */
  onPhase?: (phase: 'read' | 'parse') => void;
}

/** Changed scripts get a digest (tests are classified by name and never parsed for it). */
function digestible(file: ChangedFile): boolean {
  const paths = [file.path, ...(file.oldPath ? [file.oldPath] : [])];
  return paths.some(isScript) && !paths.every(isTest);
}

const SUBMODULE_MODE = '160000';
/** The files `grep` reads: scripts (pathspecs are literal, so the extension is matched here rather than by git). */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A line longer than this is not a line of code a question is about (minified bundles): skipped. */
const MAX_GREP_LINE = 2000;
const SYMLINK_MODE = '120000';

/** The release as the engine holds it: the digests of the changed scripts may still be being computed. */
export interface LoadedRelease extends Release {
  /**
   * Resolves once every changed script is digested (this thread joins the workers in): the analyzers that read
   * digests run after it, the others before, while the workers parse.
   */
  settle(): Promise<void>;
  /** Ends the workers. */
  close(): void;
}

/**
 * Reads both sides of every changed file in bulk and hands the changed scripts to the parsing workers, which
 * start on them at once; serves the contents and, once settled, the digests to the analyzers.
 */
export async function loadRelease(input: ReleaseInput): Promise<LoadedRelease> {
  const scripts = input.files.filter(digestible);
  // Workers start first (or were started with the process): each loads TypeScript while git reads the blobs.
  const pool = new ScriptPool(workersFor(scripts.length, input.workers));
  dropSpareWorkers();
  try {
    return await readRelease(input, scripts, pool);
  } catch (error) {
    pool.close();
    throw error;
  }
}

/** What a read returns once the time budget has run out. */
const OUT_OF_TIME: BlobContent = { size: 0, unreadable: 'out-of-time' };

async function readRelease(input: ReleaseInput, scripts: ChangedFile[], pool: ScriptPool): Promise<LoadedRelease> {
  const clock = input.clock ?? Date.now;
  const outOfTime = () => clock() > input.deadline;
  // Both sides' contents by the changed file's path: no key is built on a lookup (the analyzers make many).
  const contents: Record<Side, Map<string, BlobContent>> = { from: new Map(), to: new Map() };
  const contentOf = (file: ChangedFile, side: Side) => contents[side].get(file.path);
  let done = 0;
  const total = input.files.length * 2;
  const wanted: { file: ChangedFile; side: Side; blob: string; mode: string | undefined }[] = [];
  for (const file of input.files) {
    for (const side of ['from', 'to'] as const) {
      const blob = side === 'from' ? file.fromBlob : file.toBlob;
      const mode = side === 'from' ? file.fromMode : file.toMode;
      if (!blob) contents[side].set(file.path, { size: 0, unreadable: 'missing' });
      else if (mode === SUBMODULE_MODE) contents[side].set(file.path, { size: 0, unreadable: 'submodule' });
      else wanted.push({ file, side, blob, mode });
    }
  }
  // git writes the blobs out in bulk while this thread loads TypeScript for the digests. With workers, which
  // load their own, it does not: the workers can start only once the blobs are in, and git writes them faster
  // with a core to itself. This thread loads TypeScript later, while the workers parse.
  void input.blobs.prefetch(wanted.map((w) => w.blob));
  if (scripts.length > 0 && pool.size === 0) typescript();
  const reads = wanted.map(({ file, side, blob, mode }) =>
    input.blobs.read(blob).then((content) => {
      // A symlink's blob is its target path: never follow it, report it as what it is.
      contents[side].set(file.path, mode === SYMLINK_MODE ? { size: content.size, unreadable: 'symlink' } : content);
      done += 1;
      if (done % 500 === 0) input.onProgress?.('reading files', done, total);
    }),
  );
  await Promise.all(reads);
  const commits = await input.commits;
  input.onPhase?.('read');

  // Each changed script parsed once per side; the analyzers read the digests, and the trees are dropped.
  const digests = new Map<string, ScriptDigest>();
  const changes = new Map<ChangedFile, ChangeDigest>();
  // The scripts an analyzer parses on this thread come last, kept here (the pool's `hereFrom`).
  const anyThread: { job: DigestJob; file: ChangedFile }[] = [];
  const here: { job: DigestJob; file: ChangedFile }[] = [];
  const jobOf = new Map<ChangedFile, DigestJob>();
  for (const file of scripts) {
    const job: DigestJob = { compareStyle: file.status === 'modified' };
    for (const side of ['from', 'to'] as const) {
      const path = pathAt(file, side);
      const blob = side === 'from' ? file.fromBlob : file.toBlob;
      const text = isScript(path) && blob ? contentOf(file, side)?.text : undefined;
      if (text === undefined) continue;
      // An ASCII text in shared memory goes to a worker as its bytes, without a copy.
      const bytes = input.blobs.sharedBytes(blob!);
      job[side] = bytes?.length === text.length ? { path, text, bytes } : { path, text };
    }
    if (!job.from && !job.to) continue;
    (input.treeReadHere?.(file) ? here : anyThread).push({ job, file });
    jobOf.set(file, job);
  }
  const ordered = [...anyThread, ...here];
  const jobs = ordered.map((j) => j.job);
  const jobFiles = ordered.map((j) => j.file);
  if (jobs.length > 0) pool.begin(jobs, anyThread.length);
  // Trees an analyzer parsed before the digests (script migrations), kept for the digest of the same side.
  const trees: Record<Side, Map<ChangedFile, ts.SourceFile>> = { from: new Map(), to: new Map() };
  let settled: Promise<void> | undefined;
  const settle = async () => {
    try {
      if (jobs.length === 0) return;
      const parsedFor = (i: number) => {
        if (trees.from.size + trees.to.size === 0) return undefined;
        const file = jobFiles[i]!;
        const from = trees.from.get(file);
        const to = trees.to.get(file);
        return from || to ? { from, to } : undefined;
      };
      const results = await pool.finish(
        typescript,
        (doneCount) => input.onProgress?.('parsing scripts', doneCount, jobs.length),
        parsedFor,
        input.deadline,
        clock,
      );
      results.forEach((change, i) => {
        // Not parsed before the time budget ran out: its file reads as not read (`content`).
        if (!change) return;
        const file = jobFiles[i]!;
        changes.set(file, change);
        if (change.from) digests.set(`from\0${pathAt(file, 'from')}`, change.from);
        if (change.to) digests.set(`to\0${pathAt(file, 'to')}`, change.to);
      });
    } finally {
      trees.from.clear();
      trees.to.clear();
      pool.close();
      input.onPhase?.('parse');
    }
  };

  const projects: Partial<Record<Side, Project>> = {};
  const parsed = new Map<string, SourceFile>();
  const changedAt: Record<Side, Map<string, ChangedFile>> = { from: new Map(), to: new Map() };
  for (const file of input.files) {
    if (file.fromBlob) changedAt.from.set(pathAt(file, 'from'), file);
    if (file.toBlob) changedAt.to.set(pathAt(file, 'to'), file);
  }
  const shaOf = (side: Side) => (side === 'from' ? input.from.sha : input.to.sha);
  const treeOf = (side: Side) => input.trees.of(shaOf(side));

  return {
    from: input.from,
    to: input.to,
    toIsAncestor: input.toIsAncestor,
    files: input.files,
    commits,
    config: input.config,
    // Once the time budget has run out, nothing more is read: each file asked for is reported as not read.
    content: (file, side) => (outOfTime() ? OUT_OF_TIME : (contentOf(file, side) ?? { size: 0, unreadable: 'missing' })),
    readPath: async (side, path) => {
      if (outOfTime()) return OUT_OF_TIME;
      const changed = changedAt[side].get(path);
      if (changed) return contentOf(changed, side) ?? { size: 0, unreadable: 'missing' };
      const tree = await treeOf(side);
      // A file's blob, read by its id: the same blob at both sides (or changed elsewhere) is read once.
      return tree.isFile(path) ? input.blobs.read(tree.entry(path)!.id) : { size: 0, unreadable: 'missing' };
    },
    listFolder: async (side, dir) => (await treeOf(side)).folder(dir),
    listFiles: async (side, dir) => (await treeOf(side)).under(dir === '.' ? '' : dir),
    script: (side, path, text) => {
      const cacheKey = `${side}\0${path}`;
      let digest = digests.get(cacheKey);
      if (!digest) {
        digest = digestScript(typescript(), path, text);
        digests.set(cacheKey, digest);
      }
      return digest;
    },
    scriptChange: (file) => {
      let change = changes.get(file);
      if (!change && outOfTime()) return undefined;
      // Asked for before the digests are settled: digested here, the same as a worker would.
      const job = change ? undefined : jobOf.get(file);
      if (job) changes.set(file, (change = digestChange(typescript(), job)));
      return change;
    },
    syntaxTree: (file, side) => {
      const text = contentOf(file, side)?.text;
      if (text === undefined) return undefined;
      const kept = trees[side].get(file);
      if (kept) return kept;
      const tree = parseScript(typescript(), pathAt(file, side), text);
      // Only a digest still to come takes it (its job holds the same text); after that it is not kept.
      const job = settled === undefined ? jobOf.get(file) : undefined;
      if (job?.[side]?.text === text) trees[side].set(file, tree);
      return tree;
    },
    sourceFile: (side, path, text) => {
      const cacheKey = `${side}\0${path}`;
      let source = parsed.get(cacheKey);
      if (!source) {
        const morph = tsMorph();
        const project = (projects[side] ??= new morph.Project({
          useInMemoryFileSystem: true,
          skipLoadingLibFiles: true,
          skipFileDependencyResolution: true,
          compilerOptions: { allowJs: true, jsx: morph.ts.JsxEmit.Preserve, noLib: true },
        }));
        source = project.createSourceFile(`/${side}/${path}`, text, { overwrite: true });
        parsed.set(cacheKey, source);
      }
      return source;
    },
    ...(input.scope ? { scope: input.scope } : {}),
    grep: (side, patterns, paths = []) => grepTree(input.repo, shaOf(side), patterns, paths),
    outOfTime,
    settle: () => (settled ??= settle()),
    close: () => pool.close(),
    tagsInRange: async () => {
      const order = new Map(commits.map((c, i) => [c.sha, i]));
      const tags = (await listReleaseTags(input.repo)).filter((t) => order.has(t.sha));
      return tags
        .sort((a, b) => order.get(b.sha)! - order.get(a.sha)! || a.name.localeCompare(b.name))
        .map((t) => ({ name: t.name, sha: t.sha }));
    },
    readAt: (sha, path) => input.blobs.readPath(sha, path),
    progress: (phase, doneCount, totalCount) => input.onProgress?.(phase, doneCount, totalCount),
  };
}

/**
 * `git grep` of fixed strings over a commit's tree (no work tree needed). Binary files, colours, columns and
 * textconv drivers are off whatever the repository's config says; output is NUL-separated so that no file name
 * can forge a line. Exit status 1 (nothing found) and unreadable objects give what was found.
 */
async function grepTree(repo: Repo, sha: string, patterns: readonly string[], paths: readonly string[]): Promise<GrepHit[]> {
  if (patterns.length === 0) return [];
  const args = [
    'grep',
    '--no-color',
    '--no-column',
    '--no-textconv',
    '-I',
    '-n',
    '--null',
    '-F',
    ...patterns.flatMap((p) => ['-e', p]),
    sha,
    ...(paths.length > 0 ? ['--', ...paths] : []),
  ];
  let out: string;
  try {
    out = await repo.git.raw(args);
  } catch {
    return [];
  }
  const hits: GrepHit[] = [];
  const prefix = `${sha}:`;
  let at = 0;
  while (at < out.length) {
    const pathEnd = out.indexOf('\0', at);
    const lineEnd = pathEnd < 0 ? -1 : out.indexOf('\0', pathEnd + 1);
    if (lineEnd < 0) break;
    let textEnd = out.indexOf('\n', lineEnd + 1);
    if (textEnd < 0) textEnd = out.length;
    const path = out.slice(at, pathEnd);
    if (textEnd - lineEnd <= MAX_GREP_LINE && SCRIPT_FILE.test(path))
      hits.push({
        path: path.startsWith(prefix) ? path.slice(prefix.length) : path,
        line: Number(out.slice(pathEnd + 1, lineEnd)),
        text: out.slice(lineEnd + 1, textEnd),
      });
    at = textEnd + 1;
  }
  return hits;
}
