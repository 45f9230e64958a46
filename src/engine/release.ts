import type { Release } from '../analyzers/analyzer.js';
import { pathAt } from '../analyzers/analyzer.js';
import { isScript, isTest } from '../parse/kinds.js';
import { typescript } from '../parse/typescript/compiler.js';
import { TREE_CACHE_TEXT, TreeCache, type SharedParses } from './trees.js';
import type { BlobStore } from '../git/blobs.js';
import type { CommitInfo } from '../git/refs.js';
import type { Repo } from '../git/repo.js';
import type { TreeIndexes } from '../git/tree-index.js';
import { releaseGrep } from '../git/grep.js';
import { RELEASE_GREP_PATTERNS } from '../analyzers/greps.js';
import { tagCommits, tagSeries } from '../git/tags.js';
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
  /** Parsed scripts shared with other analyses of the same running release (the release picker). */
  shared?: SharedParses;
  /** Called when reading ends (for the timings). */
  onPhase?: (phase: 'read') => void;
}

/** The changed scripts the analyzers read (`Analyzer.readScript`); tests are classified by name and never parsed for it. */
export function isReadScript(file: ChangedFile): boolean {
  const paths = [file.path, ...(file.oldPath ? [file.oldPath] : [])];
  return paths.some(isScript) && !paths.every(isTest);
}

const SUBMODULE_MODE = '160000';
const SYMLINK_MODE = '120000';

/** The release as the engine holds it. */
export interface LoadedRelease extends Release {
  /** How many times this analysis parsed a script (each once, while the cache holds it). */
  parses(): number;
  /** Lets the parsed scripts go. */
  close(): void;
}

/** What a read returns once the time budget has run out. */
const OUT_OF_TIME: BlobContent = { size: 0, unreadable: 'out-of-time' };

/** Reads both sides of every changed file in bulk, then serves contents, listings and parsed scripts to the analyzers. */
export async function loadRelease(input: ReleaseInput): Promise<LoadedRelease> {
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
  const shaOf = (side: Side) => (side === 'from' ? input.from.sha : input.to.sha);
  const hasScripts = input.files.some(isReadScript);
  // The strings the endpoints analyzer asks on every release with scripts are searched for from the start: git
  // greps on a core of its own while this thread reads and parses.
  const grep = releaseGrep(input.repo, input.blobs, input.trees, shaOf, RELEASE_GREP_PATTERNS, {
    start: hasScripts,
    ...(input.shared ? { shared: input.shared.greps } : {}),
  });
  // Both trees are listed now too, on git's side while this thread reads and parses: nearly every analysis looks
  // a path or a folder up in them, and asked for later, the listing would be waited for.
  for (const side of ['from', 'to'] as const) void input.trees.of(shaOf(side));
  const reads = wanted.map(({ file, side, blob, mode }) =>
    input.blobs.read(blob).then((content) => {
      // A symlink's blob is its target path: never follow it, report it as what it is.
      contents[side].set(file.path, mode === SYMLINK_MODE ? { size: content.size, unreadable: 'symlink' } : content);
      done += 1;
      if (done % 500 === 0) input.onProgress?.('reading files', done, total);
    }),
  );
  // The reads go to git in one batch at the end of this tick: this thread loads TypeScript while git answers.
  if (hasScripts) typescript();
  await Promise.all(reads);
  const commits = await input.commits;
  input.onPhase?.('read');

  // When every changed script fits under the cache's bound, their trees are kept: a route file or a migration is
  // read again by its analyzer after the readers parsed it. Beyond it, the readers' pass pushes each tree out long
  // before that, and a window of trees held only makes the garbage collector copy them: each tree then lives while
  // it is in use (docs/performance.md).
  let scriptText = 0;
  for (const file of input.files)
    if (isReadScript(file)) for (const side of ['from', 'to'] as const) scriptText += contentOf(file, side)?.text?.length ?? 0;
  const trees = input.shared?.trees ?? new TreeCache(scriptText <= TREE_CACHE_TEXT ? TREE_CACHE_TEXT : 0);
  const parsesBefore = trees.parses;
  const changedAt: Record<Side, Map<string, ChangedFile>> = { from: new Map(), to: new Map() };
  for (const file of input.files) {
    if (file.fromBlob) changedAt.from.set(pathAt(file, 'from'), file);
    if (file.toBlob) changedAt.to.set(pathAt(file, 'to'), file);
  }
  const treeOf = (side: Side) => input.trees.of(shaOf(side));
  const readPath = async (side: Side, path: string): Promise<BlobContent> => {
    if (outOfTime()) return OUT_OF_TIME;
    const changed = changedAt[side].get(path);
    if (changed) return contentOf(changed, side) ?? { size: 0, unreadable: 'missing' };
    const tree = await treeOf(side);
    // A file's blob, read by its id: the same blob at both sides (or changed elsewhere) is read once.
    return tree.isFile(path) ? input.blobs.read(tree.entry(path)!.id) : { size: 0, unreadable: 'missing' };
  };

  return {
    from: input.from,
    to: input.to,
    toIsAncestor: input.toIsAncestor,
    files: input.files,
    commits,
    config: input.config,
    // Once the time budget has run out, nothing more is read: each file asked for is reported as not read.
    content: (file, side) => (outOfTime() ? OUT_OF_TIME : (contentOf(file, side) ?? { size: 0, unreadable: 'missing' })),
    readPath,
    listFolder: async (side, dir) => (await treeOf(side)).folder(dir),
    listFiles: async (side, dir) => (await treeOf(side)).under(dir === '.' ? '' : dir),
    tree: async (side, path) => {
      if (!isScript(path)) return undefined;
      const text = (await readPath(side, path)).text;
      return text === undefined ? undefined : trees.get(path, text);
    },

    ...(input.scope ? { scope: input.scope } : {}),
    grep,
    outOfTime,
    parses: () => trees.parses - parsesBefore,
    close: () => {
      if (!input.shared) trees.clear();
    },
    tagsInRange: async () => {
      const order = new Map(commits.map((c, i) => [c.sha, i]));
      const all = await tagCommits(input.repo);
      // The running release's series of tags (`v1.2.3`, `api@1.2.3`): another package's or a build's tag in the
      // range is no release of this one.
      const series = releaseSeries(all, input.from);
      // Ordered by the commits they point at: no version is read, and only the tags in range are sorted.
      const tags = all.filter((t) => order.has(t.sha) && (series === undefined || series.has(tagSeries(t.name))));
      return tags
        .sort((a, b) => order.get(b.sha)! - order.get(a.sha)! || a.name.localeCompare(b.name))
        .map((t) => ({ name: t.name, sha: t.sha }));
    },
    readAt: (sha, path) => input.blobs.readPath(sha, path),
    progress: (phase, doneCount, totalCount) => input.onProgress?.(phase, doneCount, totalCount),
  };
}

/**
 * The series of the tags naming the running release: the tag the user named, else every tag on its commit.
 * Undefined when its commit has no tag (every tag in the range is then looked at).
 */
function releaseSeries(tags: readonly { name: string; sha: string }[], from: RefInfo): Set<string> | undefined {
  const named = tags.find((t) => (t.name === from.ref || `refs/tags/${t.name}` === from.ref) && t.sha === from.sha);
  const own = named ? [named] : tags.filter((t) => t.sha === from.sha);
  return own.length === 0 ? undefined : new Set(own.map((t) => tagSeries(t.name)));
}
