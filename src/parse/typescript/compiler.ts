import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ts as TsNamespace } from 'ts-morph';
import { requireCached } from '../../util/code-cache.js';

// TypeScript's compiler API, loaded once and only when a script must be read. The copy is the one ts-morph
// bundles, so raw syntax trees and ts-morph's wrappers agree on every SyntaxKind. It is loaded with
// `require`: importing its 9 MB bundle as ESM first lexes all of it for named exports (a third of a second).
// The CLI compiles it from V8's code cache when it can (src/util/code-cache.ts).

export type Ts = typeof TsNamespace;

const require = createRequire(import.meta.url);
let loaded: Ts | undefined;
let loadedFrom: ReturnType<typeof requireCached>['from'] | undefined;

export function typescript(): Ts {
  if (!loaded) {
    try {
      const common = require.resolve('@ts-morph/common', { paths: [dirname(require.resolve('ts-morph'))] });
      ({ exports: loaded, from: loadedFrom } = requireCached(join(dirname(common), 'typescript.js')) as {
        exports: Ts;
        from: typeof loadedFrom;
      });
    } catch {
      loaded = (require('ts-morph') as typeof import('ts-morph')).ts;
      loadedFrom = 'require';
    }
  }
  return loaded;
}

/** How this thread's TypeScript was loaded: from the code cache, compiled, or plainly required (not yet: undefined). */
export function typescriptLoadedFrom(): typeof loadedFrom {
  return loadedFrom;
}

let morphLoaded: typeof import('ts-morph') | undefined;

/**
 * ts-morph, for the analyzers that walk code with its wrappers (routes, script migrations). Loaded as TypeScript
 * is, with `require` and from the code cache: its two bundles (4 MB) would otherwise be lexed for named exports
 * and compiled on every run. ts-morph then finds the TypeScript this thread already loaded.
 */
export function tsMorph(): typeof import('ts-morph') {
  if (!morphLoaded) {
    typescript();
    try {
      const main = require.resolve('ts-morph');
      requireCached(require.resolve('@ts-morph/common', { paths: [dirname(main)] }));
      morphLoaded = requireCached(main).exports as typeof import('ts-morph');
    } catch {
      morphLoaded = require('ts-morph') as typeof import('ts-morph');
    }
  }
  return morphLoaded;
}

/**
 * A script's syntax tree with its parent links, its language (TS, TSX, JS, JSX) taken from the file name. JSDoc
 * comments are left unparsed: no analysis reads them, and they are comments to every comparison of shapes.
 */
export function parseScript(ts: Ts, path: string, text: string): TsNamespace.SourceFile {
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const file = ts.createSourceFile(path, text, options, false);
  try {
    linkParents(ts, file);
    return file;
  } catch (error) {
    // Nested deeper than the walk's stack allows (a generated chain of thousands of `+`): TypeScript's own links.
    if (!(error instanceof RangeError)) throw error;
    return ts.createSourceFile(path, text, options, true);
  }
}

/**
 * Sets the parent link of every node under `root`, as TypeScript's `setParentNodes` does, in one walk that
 * allocates nothing per node: TypeScript's own gathers the children of every node into a new array first, more
 * than a third of what a parse allocates. Scripts are parsed without JSDoc, so there is no JSDoc node to link.
 */
function linkParents(ts: Ts, root: TsNamespace.Node): void {
  const firstNode = ts.SyntaxKind.FirstNode;
  let parent = root;
  const visit = (child: TsNamespace.Node): undefined => {
    (child as { parent: TsNamespace.Node }).parent = parent;
    if (child.kind >= firstNode) {
      const outer = parent;
      parent = child;
      ts.forEachChild(child, visit);
      parent = outer;
    }
    return undefined;
  };
  ts.forEachChild(root, visit);
}

/**
 * `make(ts)` computed once per copy of TypeScript (tables of its SyntaxKind numbers, a printer): every later call
 * with the same copy returns that value.
 */
export function perTypescript<T>(make: (ts: Ts) => T): (ts: Ts) => T {
  const made = new WeakMap<Ts, T>();
  return (ts) => {
    let value = made.get(ts);
    if (value === undefined) made.set(ts, (value = make(ts)));
    return value;
  };
}
