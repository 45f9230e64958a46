import { splitNul } from './path-bytes.js';
import { gitBytes, type Repo } from './repo.js';
import { Lru } from '../util/lru.js';

/** A file of a commit's tree: its blob (or, for a submodule, commit) id and mode. */
export interface TreeEntry {
  id: string;
  mode: string;
}

/**
 * Every file of one commit's tree, listed by one `git ls-tree -r` and kept: which paths exist, what is in a
 * folder and under it, and each file's blob id are then answered in memory, however many lookups follow.
 */
export class TreeIndex {
  /** Paths in git's order: a tree walk, so everything under a folder is one run of entries. */
  private readonly paths: string[] = [];
  private readonly entries = new Map<string, TreeEntry>();
  /** For each folder with files under it (`''`: the root), where its run of `paths` starts and ends. */
  private readonly runs = new Map<string, [start: number, end: number]>();
  private readonly folders = new Map<string, Set<string>>();

  /** `records`: `<mode> <type> <id>\t<path>` entries, each path as its bytes (src/git/path-bytes.ts). */
  constructor(records: readonly string[]) {
    for (const record of records) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', , id = ''] = record.slice(0, tab).split(' ');
      const path = record.slice(tab + 1);
      const index = this.paths.push(path) - 1;
      this.entries.set(path, { id, mode });
      for (let dir = parentOf(path); ; dir = parentOf(dir)) {
        const run = this.runs.get(dir);
        if (run) run[1] = index + 1;
        else this.runs.set(dir, [index, index + 1]);
        if (dir === '') break;
      }
    }
  }

  /** A tree git cannot list (objects missing from a partial or corrupt clone) is empty: every lookup finds nothing. */
  static async read(repo: Repo, sha: string): Promise<TreeIndex> {
    let listing: Buffer;
    try {
      listing = await gitBytes(repo, ['ls-tree', '-r', '-z', '--full-tree', sha]);
    } catch {
      return new TreeIndex([]);
    }
    return new TreeIndex(splitNul(listing));
  }

  /** The entry of a file (regular, executable, symlink or submodule) at `path`; undefined for a folder or nothing. */
  entry(path: string): TreeEntry | undefined {
    return this.entries.get(path);
  }

  /** True for a file (regular, executable or symlink) at `path`. */
  isFile(path: string): boolean {
    const mode = this.entries.get(path)?.mode;
    return mode !== undefined && (mode.startsWith('100') || mode === '120000');
  }

  /** Every path under folder `dir` (`''`: the whole tree), submodules included, in git's order. */
  under(dir: string): string[] {
    const run = this.runs.get(dir.replace(/\/+$/, ''));
    return run ? this.paths.slice(run[0], run[1]) : [];
  }

  /** Names of the files (regular, executable, symlink) directly in folder `dir`. */
  folder(dir: string): Set<string> {
    const key = dir.replace(/\/+$/, '');
    let names = this.folders.get(key);
    if (!names) {
      names = new Set();
      const prefix = key === '' ? 0 : key.length + 1;
      for (const path of this.under(key)) if (path.indexOf('/', prefix) < 0 && this.isFile(path)) names.add(path.slice(prefix));
      this.folders.set(key, names);
    }
    return names;
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Commits whose trees several analyses of one repository share (`SharedListings`): the running release's and the
 * last targets'. A listing is one entry per file of the commit, so this bounds the memory to a few trees.
 */
export const SHARED_LISTINGS = 4;

/**
 * Tree listings shared by several analyses of one repository (the release picker compares every target with the
 * same running release, whose tree is then listed once), by repository and commit; at most SHARED_LISTINGS.
 */
export type SharedListings = Lru<Promise<TreeIndex>>;

export function sharedListings(limit = SHARED_LISTINGS): SharedListings {
  return new Lru<Promise<TreeIndex>>(limit);
}

/** The trees of one repository's commits, each listed once, when first asked for. */
export class TreeIndexes {
  private readonly trees = new Map<string, Promise<TreeIndex>>();

  /** `shared`: listings kept across the analyses of the same repository. */
  constructor(
    private readonly repo: Repo,
    private readonly shared?: SharedListings,
  ) {}

  of(sha: string): Promise<TreeIndex> {
    let tree = this.trees.get(sha);
    if (!tree)
      this.trees.set(
        sha,
        (tree = this.shared
          ? this.shared.getOrSet(`${this.repo.dir}\0${sha}`, () => TreeIndex.read(this.repo, sha))
          : TreeIndex.read(this.repo, sha)),
      );
    return tree;
  }
}
