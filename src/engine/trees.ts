import { parseScriptFile, type ParsedScript } from '../parse/typescript/parsed.js';

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
  private readonly trees = new Map<string, ParsedScript>();
  private held = 0;
  parses = 0;

  constructor(private readonly limit = TREE_CACHE_TEXT) {}

  get(path: string, text: string): ParsedScript {
    const key = `${text.length}\0${path}`;
    let parsed = this.trees.get(key);
    if (parsed && parsed.text === text) {
      // Most recently used last: a Map iterates in insertion order.
      this.trees.delete(key);
      this.trees.set(key, parsed);
      return parsed;
    }
    // Another text under the same key (same length, same path) gives way to this one.
    if (parsed) this.drop(key, parsed);
    parsed = parseScriptFile(path, text);
    this.parses += 1;
    this.trees.set(key, parsed);
    this.held += text.length;
    for (const [staleKey, stale] of this.trees) {
      if (this.held <= this.limit || stale === parsed) break;
      this.drop(staleKey, stale);
    }
    return parsed;
  }

  clear(): void {
    this.trees.clear();
    this.held = 0;
  }

  private drop(key: string, parsed: ParsedScript): void {
    this.trees.delete(key);
    this.held -= parsed.text.length;
  }
}

/**
 * What several analyses of one running release share (the review's release picker analyses one target after
 * another): the parsed scripts, and what each analyzer read of a changed script, by its blobs at both sides.
 */
export interface SharedParses {
  trees: TreeCache;
  readings: KnownReadings;
}

/** What each reader returned for a script (or the error it threw), by analyzer and the script's paths and blobs. */
export type KnownReadings = Map<string, { reading: unknown } | { error: string }>;

export function sharedParses(): SharedParses {
  return { trees: new TreeCache(), readings: new Map() };
}
