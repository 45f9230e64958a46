import type { Side } from '../model/report.js';
import type { BlobStore } from './blobs.js';
import { gitToFile, type Repo } from './repo.js';
import type { TreeIndex, TreeIndexes } from './tree-index.js';
import { Lru } from '../util/lru.js';

/** One line of a script that holds one of the fixed strings asked for. */
export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/** Lines with any of `patterns` (fixed strings) in the scripts of one side, under `paths` (literal; none: everywhere). */
export type Grep = (patterns: readonly string[], paths?: readonly string[]) => Promise<GrepHit[]>;

/** The files a grep reads: scripts, by extension (matched here on every path git prints, and searched in memory). */
const SCRIPT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
const SCRIPT_FILE = new RegExp(`\\.(?:${SCRIPT_EXTENSIONS.join('|')})$`);
/** The same files as git pathspecs (`*` matches across folders). */
const SCRIPT_PATHSPECS = SCRIPT_EXTENSIONS.map((extension) => `*.${extension}`);
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
 * `git grep` of fixed strings over a commit's tree (no work tree needed). Binary files, colours, columns and
 * textconv drivers are off whatever the repository's config says; output is NUL-separated so that no file name
 * can forge a line. Exit status 1 (nothing found) and unreadable objects give what was found.
 */
export async function gitGrep(repo: Repo, sha: string, patterns: readonly string[], paths: readonly string[] = []): Promise<GrepHit[]> {
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
    // Only scripts' lines are kept: without paths, git is asked for scripts alone, rather than reading every
    // document and data file of the tree (generated JSON, Markdown) for lines that would be dropped.
    ...(paths.length > 0 ? ['--', ...paths] : ['--', ...SCRIPT_PATHSPECS]),
  ];
  let out: string;
  try {
    // Through a file: the release's grep writes megabytes of import lines while the scripts are parsed.
    out = await gitToFile(repo, args, { patterns: paths.length === 0 });
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

/** Reads the bytes of a blob (undefined when unreadable). */
type ReadBlob = (blobId: string) => Promise<Buffer | undefined>;

/**
 * What `gitGrep` finds, found in memory: the scripts of `tree` under `paths` read by `read` and searched as git
 * does (see `scanFiles`).
 */
export function scanTree(tree: TreeIndex, read: ReadBlob, patterns: readonly string[], paths: readonly string[] = []): Promise<GrepHit[]> {
  return scanFiles(tree, greppable(tree, paths), read, patterns);
}

/**
 * What `gitGrep` finds in `tree` (under `paths`), from what it found in `base`, another commit's tree: a file with
 * the same blob and mode at the same path has the same lines, and only the others are read and searched.
 */
export async function grepFrom(
  base: TreeIndex,
  baseHits: readonly GrepHit[],
  tree: TreeIndex,
  read: ReadBlob,
  patterns: readonly string[],
  /** Lines already found in blobs, by blob id and strings (shared by the analyses of several targets). */
  seen?: SharedLines,
  paths: readonly string[] = [],
): Promise<GrepHit[]> {
  const files = greppable(tree, paths);
  const same = (path: string) => {
    const [was, is] = [base.entry(path), tree.entry(path)];
    return was !== undefined && was.id === is?.id && was.mode === is.mode;
  };
  const known = byPath(baseHits);
  const searched = byPath(
    await scanFiles(
      tree,
      files.filter((path) => !same(path)),
      read,
      patterns,
      seen,
    ),
  );
  return files.flatMap((path) => (same(path) ? known : searched).get(path) ?? []);
}

function byPath(hits: readonly GrepHit[]): Map<string, GrepHit[]> {
  const out = new Map<string, GrepHit[]>();
  for (const hit of hits) {
    const list = out.get(hit.path);
    if (list) list.push(hit);
    else out.set(hit.path, [hit]);
  }
  return out;
}

/**
 * The files `git grep` reads in a tree under `paths` (default: all of it), in its order: regular files (not symlinks,
 * not submodules) that are scripts.
 */
function greppable(tree: TreeIndex, paths: readonly string[] = []): string[] {
  const inPaths = pathspecMatcher(paths);
  return tree.under('').filter((path) => SCRIPT_FILE.test(path) && /^100[67]/.test(tree.entry(path)?.mode ?? '') && inPaths(path));
}

/**
 * The lines of `files` (paths of `tree`, in order) with any of `patterns`, as `git grep -F -I -n` gives them: files
 * with a NUL byte early on are binary and skipped, and a string with a line break is several strings.
 */
async function scanFiles(
  tree: TreeIndex,
  files: readonly string[],
  read: ReadBlob,
  patterns: readonly string[],
  /** Lines already found in blobs, by blob id, for these patterns. */
  seen?: SharedLines,
): Promise<GrepHit[]> {
  const needles = patterns.flatMap((p) => p.split('\n'));
  if (needles.length === 0) return [];
  const matcher = needleMatcher(needles);
  const hits: GrepHit[] = [];
  for (let start = 0; start < files.length; start += SCAN_WINDOW) {
    const window = files.slice(start, start + SCAN_WINDOW);
    const ids = window.map((path) => tree.entry(path)!.id);
    const lines = await Promise.all(
      ids.map(async (id) => {
        const known = seen?.get(id);
        if (known) return known;
        const data = await read(id);
        if (!data) return NO_LINES;
        const found = data.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) < 0 ? linesWith(data.toString('utf8'), matcher) : NO_LINES;
        seen?.set(id, found);
        return found;
      }),
    );
    window.forEach((path, i) => {
      for (const { line, text } of lines[i]!) hits.push({ path, line, text });
    });
  }
  return hits;
}

const weighLines = (lines: Lines) => lines.reduce((n, l) => n + l.text.length, 1);

/** The lines of one file's text with a match of `needles` (see `needleMatcher`), numbered from 1, long lines left out. */
function linesWith(text: string, needles: RegExp | undefined): Lines {
  // An empty string is in every line.
  if (!needles) return everyLine(text);
  // One search of the whole text, a line at a time: a file is not split into lines (most lines hold no needle).
  const hits: { line: number; text: string }[] = [];
  let line = 1;
  let counted = 0;
  needles.lastIndex = 0;
  for (let match = needles.exec(text); match; match = needles.exec(text)) {
    const start = text.lastIndexOf('\n', match.index) + 1;
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) {
      line += 1;
      counted = nl + 1;
    }
    const end = text.indexOf('\n', match.index);
    const lineText = end < 0 ? text.slice(start) : text.slice(start, end);
    if (lineText.length < MAX_GREP_LINE) hits.push({ line, text: lineText });
    if (end < 0) break;
    needles.lastIndex = end + 1;
  }
  return hits;
}

/** Any of the fixed strings, as one search; undefined when one is empty (it is in every line). */
function needleMatcher(needles: readonly string[]): RegExp | undefined {
  if (needles.includes('')) return undefined;
  return new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'g');
}

/** Every line of a text, numbered from 1, long lines left out. */
function everyLine(text: string): Lines {
  const lines = text.split('\n');
  // A final line break ends the last line; it starts none.
  if (lines[lines.length - 1] === '') lines.pop();
  const hits: { line: number; text: string }[] = [];
  lines.forEach((line, i) => {
    if (line.length < MAX_GREP_LINE) hits.push({ line: i + 1, text: line });
  });
  return hits;
}

/**
 * Scripts in a tree from which a question of other strings asked at one side goes to `git grep` rather than being
 * answered by reading every script through `git cat-file`, which would follow the size of the repository
 * (docs/performance.md).
 */
export const LARGE_TREE = 20_000;

/** Commits whose known hits several analyses of one repository share (`SharedGreps`): the running release's. */
export const SHARED_GREPS = 2;

/**
 * Text of the lines found in blobs that several analyses share (`SharedGreps`), each blob weighing one more than
 * its lines' text: most blobs have no line with a known string.
 */
export const SHARED_GREP_TEXT = 8 * 1024 * 1024;

type Lines = readonly { line: number; text: string }[];
const NO_LINES: Lines = [];

/** The lines of blobs with any of one set of strings, by blob id. */
type SharedLines = Lru<Lines>;

/**
 * What the analyses of several targets against one running release (the release picker) share of their greps:
 * the known strings' hits in the running release's tree, by repository, commit and strings (its `git grep` runs
 * once; at most SHARED_GREPS), and the lines found in each blob a target changed (read and searched once; at most
 * SHARED_GREP_TEXT of line text).
 */
export interface SharedGreps {
  hits: Lru<Promise<GrepHit[]>>;
  /** By the strings asked (the known ones: one set in practice). */
  lines: Lru<SharedLines>;
}

export function sharedGreps(): SharedGreps {
  return { hits: new Lru<Promise<GrepHit[]>>(SHARED_GREPS), lines: new Lru<SharedLines>(SHARED_GREPS) };
}

/**
 * The grep of both sides of a release (`sideGrep` each), with one `git grep` of the known strings at most: they are
 * grepped in the running release's tree when first asked for, and the target's hits follow from those
 * (`grepFrom`): a rollback changes few of the files. A tree of LARGE_TREE scripts or more adds one more, for the
 * first question of other strings.
 */
export function releaseGrep(
  repo: Repo,
  blobs: BlobStore,
  trees: TreeIndexes,
  shaOf: (side: Side) => string,
  known: readonly string[],
  {
    start = false,
    shared,
    largeTree = LARGE_TREE,
  }: {
    start?: boolean;
    shared?: SharedGreps;
    /** Scripts in a tree from which a question of other strings goes to git (LARGE_TREE). */
    largeTree?: number;
  } = {},
): (side: Side, patterns: readonly string[], paths?: readonly string[]) => Promise<GrepHit[]> {
  const read: ReadBlob = (id) => blobs.readBytes(id);
  const knownHits: Partial<Record<Side, Promise<GrepHit[]>>> = {};
  const grepFromSide = () => gitGrep(repo, shaOf('from'), known);
  const knownAt = (side: Side): Promise<GrepHit[]> => {
    const from = (knownHits.from ??= shared
      ? shared.hits.getOrSet(`${repo.dir}\0${shaOf('from')}\0${known.join('\0')}`, grepFromSide)
      : grepFromSide());
    if (side === 'from') return from;
    return (knownHits.to ??= (async () => {
      const [base, baseHits, tree] = await Promise.all([trees.of(shaOf('from')), from, trees.of(shaOf('to'))]);
      const seen = shared?.lines.getOrSet(known.join('\0'), () => new Lru<Lines>(SHARED_GREP_TEXT, weighLines));
      return grepFrom(base, baseHits, tree, read, known, seen);
    })());
  };
  // Started at once when asked (`start`): git greps on a core of its own while this thread parses the scripts.
  if (start) void knownAt('from');
  // A question of other strings asked at one side is answered by reading that side's scripts; asked again at the
  // other side, it is answered from those hits and the scripts that differ between the two trees.
  const scans = new Map<string, Partial<Record<Side, Promise<GrepHit[]>>>>();
  let grepUsed = false;
  const scan = (side: Side, asked: readonly string[], under: readonly string[]): Promise<GrepHit[]> => {
    const key = JSON.stringify([asked, under]);
    let bySide = scans.get(key);
    if (!bySide) scans.set(key, (bySide = {}));
    const otherSide: Side = side === 'from' ? 'to' : 'from';
    const other = bySide[otherSide];
    return (bySide[side] ??= (async () => {
      const tree = await trees.of(shaOf(side));
      if (!other) {
        // In a tree of very many scripts, reading each through cat-file follows the size of the repository: one
        // question goes to a second `git grep` instead (one at most, so the analysis stays within its git processes).
        const files = greppable(tree, under);
        if (files.length >= largeTree && !grepUsed) {
          grepUsed = true;
          return gitGrep(repo, shaOf(side), asked, under);
        }
        return scanFiles(tree, files, read, asked);
      }
      const [base, baseHits] = await Promise.all([trees.of(shaOf(otherSide)), other]);
      return grepFrom(base, baseHits, tree, read, asked, undefined, under);
    })());
  };
  const sides = new Map<Side, Grep>();
  return (side, patterns, paths) => {
    let grep = sides.get(side);
    if (!grep) {
      grep = sideGrep(
        known,
        () => knownAt(side),
        (asked, under = []) => scan(side, asked, under),
      );
      sides.set(side, grep);
    }
    return grep(patterns, paths);
  };
}
