import type { SourceFile } from 'ts-morph';
import type { GrepHit, Release } from '../../analyzer.js';
import type { Side } from '../../../model/report.js';
import { isScript } from '../../../parse/kinds.js';
import { ImportIndex, type SpecifiersByLine } from './imports.js';
import { ModuleResolver } from './modules.js';

/** A tree listing of one side, indexed by folder: from one listing of the whole tree. */
class Tree {
  readonly all: string[];
  readonly paths: Set<string>;
  private readonly byDir = new Map<string, string[]>();

  constructor(paths: string[]) {
    this.all = paths;
    this.paths = new Set(paths);
    for (const path of paths) {
      const slash = path.lastIndexOf('/');
      const dir = slash < 0 ? '' : path.slice(0, slash);
      const list = this.byDir.get(dir);
      if (list) list.push(path);
      else this.byDir.set(dir, [path]);
    }
  }

  folder(dir: string): string[] {
    return this.byDir.get(dir) ?? [];
  }
}

/**
 * What the route readers know of one release: each side's tree listed once, scripts read and parsed once
 * (within a budget of files the release did not change), `git grep` answers cached, the imports of every
 * script of a side indexed from one grep, and module specifiers resolved as the app's tooling would.
 */
export class CodeReader {
  private readonly cache = new Map<string, Promise<SourceFile | undefined>>();
  private readonly trees = new Map<Side, Promise<Tree>>();
  private readonly greps = new Map<string, Promise<GrepHit[]>>();
  private readonly importIndexes = new Map<Side, Promise<ImportIndex>>();
  /** Both sides' import indexes share it: the target's grep hands back the running release's hits of unchanged scripts. */
  private readonly importLines: SpecifiersByLine = new Map();
  private readonly resolvers = new Map<Side, ModuleResolver>();
  private readonly changed: Record<Side, Set<string>>;
  reads = 0;
  /** Files not read because the budget was spent (named on what they would have resolved). */
  skipped = 0;

  constructor(
    readonly release: Release,
    readonly budget = 400,
  ) {
    this.changed = { from: new Set(), to: new Set() };
    for (const f of release.files) {
      if (f.fromBlob) this.changed.from.add(f.path);
      if (f.toBlob) this.changed.to.add(f.oldPath ?? f.path);
    }
  }

  /** Whether the release changed the file at this side's path. */
  isChanged(side: Side, path: string): boolean {
    return this.changed[side].has(path);
  }

  private tree(side: Side): Promise<Tree> {
    let tree = this.trees.get(side);
    if (!tree) {
      tree = this.release.listFiles(side, '').then(
        (paths) => new Tree(paths),
        () => new Tree([]),
      );
      this.trees.set(side, tree);
    }
    return tree;
  }

  /** Every path of the side's tree. */
  async files(side: Side): Promise<readonly string[]> {
    return (await this.tree(side)).all;
  }

  async exists(side: Side, path: string): Promise<boolean> {
    return (await this.tree(side)).paths.has(path);
  }

  /** Files directly in `dir` (not in sub-folders). */
  async list(side: Side, dir: string): Promise<string[]> {
    return (await this.tree(side)).folder(dir);
  }

  async text(side: Side, path: string): Promise<string | undefined> {
    if (!(await this.exists(side, path))) return undefined;
    return (await this.release.readPath(side, path)).text;
  }

  /** A script parsed once; changed files are always read, others within the budget. */
  source(side: Side, path: string): Promise<SourceFile | undefined> {
    const key = `${side}\0${path}`;
    let result = this.cache.get(key);
    if (!result) {
      // The same text at the other side (an unchanged file on a mount chain): the tree read there. A release too
      // large for the release's cache keeps no tree, and would parse it a second time. Taken before any wait: the
      // side asked second waits for the first, never both for each other.
      const other = this.cache.get(`${side === 'from' ? 'to' : 'from'}\0${path}`);
      result = (async () => {
        if (!isScript(path) || !(await this.exists(side, path))) return undefined;
        if (!this.isChanged(side, path)) {
          if (this.reads >= this.budget) {
            this.skipped += 1;
            return undefined;
          }
          this.reads += 1;
        }
        const theirs = await other;
        if (theirs && theirs.getFullText() === (await this.release.readPath(side, path)).text) return theirs;
        return (await this.release.tree(side, path))?.morph();
      })();
      this.cache.set(key, result);
    }
    return result;
  }

  async firstExisting(side: Side, candidates: readonly string[]): Promise<{ path: string; source: SourceFile } | undefined> {
    for (const path of candidates) {
      if (!(await this.exists(side, path))) continue;
      const source = await this.source(side, path);
      if (source) return { path, source };
    }
    return undefined;
  }

  /** Lines with any of the fixed strings, in scripts (or `paths`), at one side; one grep per question. */
  grep(side: Side, patterns: readonly string[], paths?: readonly string[]): Promise<GrepHit[]> {
    const key = `${side}\0${patterns.join('\0')}\0${(paths ?? []).join('\0')}`;
    let result = this.greps.get(key);
    if (!result) {
      result = this.release.grep ? this.release.grep(side, patterns, paths).catch(() => []) : Promise.resolve([]);
      this.greps.set(key, result);
    }
    return result;
  }

  /** Which scripts import which specifiers, at one side. */
  imports(side: Side): Promise<ImportIndex> {
    let index = this.importIndexes.get(side);
    if (!index) {
      index = this.grep(side, ImportIndex.PATTERNS).then((hits) => new ImportIndex(hits, this.importLines));
      this.importIndexes.set(side, index);
    }
    return index;
  }

  modules(side: Side): ModuleResolver {
    let resolver = this.resolvers.get(side);
    if (!resolver) {
      resolver = new ModuleResolver({
        files: () => this.files(side),
        exists: (path) => this.exists(side, path),
        text: (path) => this.text(side, path),
      });
      this.resolvers.set(side, resolver);
    }
    return resolver;
  }

  /** The module a specifier in `fromFile` names, or undefined (a package from node_modules, a missing file). */
  resolve(side: Side, fromFile: string, specifier: string): Promise<string | undefined> {
    return this.modules(side).resolve(fromFile, specifier);
  }

  /** Files at one side whose imports resolve to `file`, with the specifiers that do. */
  async importers(side: Side, file: string): Promise<{ path: string; specifier: string }[]> {
    const index = await this.imports(side);
    const resolver = this.modules(side);
    const out: { path: string; specifier: string }[] = [];
    for (const candidate of index.candidates(file, await resolver.packageNamesOf(file))) {
      if (candidate.path === file) continue;
      if ((await resolver.resolve(candidate.path, candidate.specifier)) === file) out.push(candidate);
    }
    return out;
  }
}
