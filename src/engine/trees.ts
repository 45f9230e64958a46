import { parseScriptFile, type ParsedScript } from '../parse/typescript/parsed.js';
import { sharedContents, type SharedContents } from '../git/blobs.js';
import { sharedGreps, type SharedGreps } from '../git/grep.js';
import { SHARED_LISTINGS, sharedListings, type SharedListings } from '../git/tree-index.js';
import { Lru } from '../util/lru.js';

/**
 * Script text whose trees the cache keeps: a syntax tree is twenty to thirty times its text, so this holds about
 * 30 MB of trees. A release whose changed scripts fit under it has every script it reads parsed once; a larger one
 * keeps no tree beyond the one in use (src/engine/release.ts), and a tree asked for again is parsed again. Holding
 * trees costs more memory and garbage collection than the parses it saves (docs/performance.md).
 */
export const TREE_CACHE_TEXT = 1024 * 1024;

/**
 * Parsed scripts by path and text (a tree is a function of both: the same file at both sides, or in the analyses
 * of several targets, is parsed once), the least recently used dropped first beyond `limit`.
 */
export class TreeCache {
  /** By text length and path: texts of one path with the same length (a version bumped) are told apart by their text. */
  private readonly trees = new Map<string, ParsedScript[]>();
  /** Every tree kept, least recently used first (a Set iterates in insertion order). */
  private readonly order = new Set<ParsedScript>();
  private held = 0;
  parses = 0;

  constructor(private readonly limit = TREE_CACHE_TEXT) {}

  /** How many trees are kept. */
  get size(): number {
    return this.order.size;
  }

  get(path: string, text: string): ParsedScript {
    const key = `${text.length}\0${path}`;
    let same = this.trees.get(key);
    let parsed = same?.find((tree) => tree.text === text);
    if (parsed) {
      this.order.delete(parsed);
      this.order.add(parsed);
      return parsed;
    }
    parsed = parseScriptFile(path, text);
    this.parses += 1;
    if (!same) this.trees.set(key, (same = []));
    same.push(parsed);
    this.order.add(parsed);
    this.held += text.length;
    for (const stale of this.order) {
      if (this.held <= this.limit || stale === parsed) break;
      this.drop(stale);
    }
    return parsed;
  }

  clear(): void {
    this.trees.clear();
    this.order.clear();
    this.held = 0;
  }

  private drop(parsed: ParsedScript): void {
    const key = `${parsed.text.length}\0${parsed.path}`;
    const rest = this.trees.get(key)?.filter((tree) => tree !== parsed) ?? [];
    if (rest.length > 0) this.trees.set(key, rest);
    else this.trees.delete(key);
    this.order.delete(parsed);
    this.held -= parsed.text.length;
  }
}

/**
 * What several analyses of one running release share (the review's release picker analyses one target after
 * another), each a function of blob ids or of the running release alone, each bounded: the files read (by blob,
 * SHARED_CONTENT_TEXT), the trees listed (SHARED_LISTINGS), the tags listed, the running release's grep and the
 * lines found in each changed blob (SHARED_GREPS, SHARED_GREP_TEXT), the parsed
 * scripts (TREE_CACHE_TEXT), and what each analyzer read of a changed script, by its blobs at both sides (a
 * reading is a small summary of a script, one per changed script of the targets analysed).
 */
export interface SharedParses {
  contents: SharedContents;
  listings: SharedListings;
  greps: SharedGreps;
  /** git's listing of the tags, by repository (SHARED_LISTINGS). */
  tagListings: Lru<Promise<string>>;
  trees: TreeCache;
  readings: KnownReadings;
}

/** What each reader returned for a script (or the error it threw), by analyzer and the script's paths and blobs. */
export type KnownReadings = Map<string, { reading: unknown } | { error: string }>;

export function sharedParses(): SharedParses {
  return {
    contents: sharedContents(),
    listings: sharedListings(),
    greps: sharedGreps(),
    tagListings: new Lru(SHARED_LISTINGS),
    trees: new TreeCache(),
    readings: new Map(),
  };
}
