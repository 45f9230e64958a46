import type { Side } from '../model/report.js';
import type { BlobStore } from './blobs.js';
import type { Repo } from './repo.js';
import type { TreeIndex, TreeIndexes } from './tree-index.js';

/** One line of a script that holds one of the fixed strings asked for. */
export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/** Lines with any of `patterns` (fixed strings) in the scripts of one side, under `paths` (literal; none: everywhere). */
export type Grep = (patterns: readonly string[], paths?: readonly string[]) => Promise<GrepHit[]>;

/** The files a grep reads: scripts (pathspecs are literal, so the extension is matched here rather than by git). */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A line longer than this is not a line of code a question is about (minified bundles): skipped. */
const MAX_GREP_LINE = 2000;
/** git reads a file as binary when a NUL byte shows up in its first bytes; `-I` skips it. */
const BINARY_SNIFF_BYTES = 8000;
/** Blobs asked of git at once by a scan: enough to keep its pipe full, few enough to bound the memory held. */
const SCAN_WINDOW = 256;

/**
 * The grep of one side of an analysis. A question whose fixed strings are all `known` (those the analyzers ask on
 * every release) is answered from `knownHits`, the hits of every known string, got once. Any other question is
 * answered by `scan`, in memory: no git process for it.
 */
export function sideGrep(known: readonly string[], knownHits: () => Promise<GrepHit[]>, scan: Grep): Grep {
  const knownSet = new Set(known);
  return async (patterns, paths = []) => {
    if (patterns.length === 0) return [];
    if (!patterns.every((p) => knownSet.has(p))) return scan(patterns, paths);
    const hits = await knownHits();
    const inPaths = pathspecMatcher(paths);
    return hits.filter((hit) => inPaths(hit.path) && patterns.some((p) => hit.text.includes(p)));
  };
}

/** Whether a path is one of `paths` or under one of them, as git matches literal pathspecs (none: every path). */
export function pathspecMatcher(paths: readonly string[]): (path: string) => boolean {
  if (paths.length === 0) return () => true;
  return (path) => paths.some((spec) => spec === '' || path === spec || path.startsWith(spec.endsWith('/') ? spec : `${spec}/`));
}

/**
 * `git grep` of fixed strings over commits' trees (no work tree needed), by commit: one process for them all.
 * Binary files, colours, columns and textconv drivers are off whatever the repository's config says; output is
 * NUL-separated so that no file name can forge a line. Exit status 1 (nothing found) and unreadable objects give
 * what was found.
 */
export async function gitGrep(
  repo: Repo,
  shas: readonly string[],
  patterns: readonly string[],
  paths: readonly string[] = [],
): Promise<Map<string, GrepHit[]>> {
  const unique = [...new Set(shas)];
  const bySha = new Map(unique.map((sha) => [sha, [] as GrepHit[]]));
  if (patterns.length === 0 || unique.length === 0) return bySha;
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
    ...unique,
    ...(paths.length > 0 ? ['--', ...paths] : []),
  ];
  let out: string;
  try {
    out = await repo.git.raw(args);
  } catch {
    return bySha;
  }
  let at = 0;
  while (at < out.length) {
    const pathEnd = out.indexOf('\0', at);
    const lineEnd = pathEnd < 0 ? -1 : out.indexOf('\0', pathEnd + 1);
    if (lineEnd < 0) break;
    let textEnd = out.indexOf('\n', lineEnd + 1);
    if (textEnd < 0) textEnd = out.length;
    // `<sha>:<path>`: the commit's id has no colon.
    const named = out.slice(at, pathEnd);
    const colon = named.indexOf(':');
    const path = named.slice(colon + 1);
    const hits = bySha.get(named.slice(0, colon));
    if (hits && textEnd - lineEnd <= MAX_GREP_LINE && SCRIPT_FILE.test(path))
      hits.push({ path, line: Number(out.slice(pathEnd + 1, lineEnd)), text: out.slice(lineEnd + 1, textEnd) });
    at = textEnd + 1;
  }
  return bySha;
}

/**
 * What `gitGrep` finds, found in memory: the regular files of `tree` that are scripts under `paths`, in git's
 * order, read by `read` (the bytes of a blob; undefined when unreadable), binary ones skipped as `-I` does.
 * A string with a line break is several strings, as git takes it.
 */
export async function scanTree(
  tree: TreeIndex,
  read: (blobId: string) => Promise<Buffer | undefined>,
  patterns: readonly string[],
  paths: readonly string[] = [],
): Promise<GrepHit[]> {
  const needles = patterns.flatMap((p) => p.split('\n'));
  if (needles.length === 0) return [];
  const inPaths = pathspecMatcher(paths);
  const files = tree.under('').filter((path) => SCRIPT_FILE.test(path) && inPaths(path) && /^100[67]/.test(tree.entry(path)?.mode ?? ''));
  const hits: GrepHit[] = [];
  for (let start = 0; start < files.length; start += SCAN_WINDOW) {
    const window = files.slice(start, start + SCAN_WINDOW);
    const contents = await Promise.all(window.map((path) => read(tree.entry(path)!.id)));
    window.forEach((path, i) => {
      const data = contents[i];
      if (data && data.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) < 0) hits.push(...linesWith(path, data.toString('utf8'), needles));
    });
  }
  return hits;
}

/** The lines of one file's text with any of the needles, numbered from 1, long lines left out. */
function linesWith(path: string, text: string, needles: readonly string[]): GrepHit[] {
  if (!needles.some((n) => text.includes(n))) return [];
  const lines = text.split('\n');
  // A final line break ends the last line; it starts none.
  if (lines[lines.length - 1] === '') lines.pop();
  const hits: GrepHit[] = [];
  lines.forEach((line, i) => {
    if (line.length < MAX_GREP_LINE && needles.some((n) => line.includes(n))) hits.push({ path, line: i + 1, text: line });
  });
  return hits;
}

/**
 * The grep of both sides of a release (`sideGrep` each): the known strings are grepped in both trees at once, by
 * one `git grep` when a side first asks for them, so that an analysis starts one grep process whatever it asks.
 */
export function releaseGrep(
  repo: Repo,
  blobs: BlobStore,
  trees: TreeIndexes,
  shaOf: (side: Side) => string,
  known: readonly string[],
): (side: Side, patterns: readonly string[], paths?: readonly string[]) => Promise<GrepHit[]> {
  let knownHits: Promise<Map<string, GrepHit[]>> | undefined;
  const sides = new Map<Side, Grep>();
  return (side, patterns, paths) => {
    let grep = sides.get(side);
    if (!grep) {
      const sha = shaOf(side);
      grep = sideGrep(
        known,
        async () => (await (knownHits ??= gitGrep(repo, [shaOf('from'), shaOf('to')], known))).get(sha) ?? [],
        async (asked, under) => scanTree(await trees.of(sha), (id) => blobs.readBytes(id), asked, under),
      );
      sides.set(side, grep);
    }
    return grep(patterns, paths);
  };
}
