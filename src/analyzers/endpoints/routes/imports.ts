import type { GrepHit } from '../../analyzer.js';
import { IMPORT_LINES } from '../../greps.js';

const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])([^'"\n]{1,300})\1/g;

/** The name a specifier is indexed under: its last segment without a script extension (`./a/init.js` → `init`). */
function tailOf(specifier: string): string {
  const trimmed = specifier.replace(/\/+$/, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return last.replace(/\.(?:[cm]?[jt]sx?)$/, '');
}

/** The specifiers of each import line read, by its hit: a script the release did not change has the same hits at both sides. */
export type SpecifiersByLine = Map<GrepHit, readonly string[]>;

const NONE: readonly string[] = [];

function specifiersIn(text: string): readonly string[] {
  let found: string[] | undefined;
  for (const match of text.matchAll(SPECIFIER)) (found ??= []).push(match[2]!);
  return found ?? NONE;
}

/**
 * Every import specifier of one side's scripts, from one `git grep` of the lines that import (multi-line
 * imports end with their `from '…'` line), indexed by the specifier's last segment: the importers of a file
 * are found without reading a script.
 */
export class ImportIndex {
  static readonly PATTERNS = IMPORT_LINES;
  private readonly byTail = new Map<string, { path: string; specifier: string }[]>();

  /** `lines`: the specifiers of lines already read (the other side's index), by hit; the lines read here are added. */
  constructor(hits: readonly GrepHit[], lines: SpecifiersByLine = new Map()) {
    // Specifiers seen by file (no key built per import: a side has tens of thousands of import lines), and each
    // specifier's tail worked out once (the same packages and folders are imported all over).
    const seen = new Map<string, Set<string>>();
    const tails = new Map<string, string>();
    for (const hit of hits) {
      let inLine = lines.get(hit);
      if (!inLine) lines.set(hit, (inLine = specifiersIn(hit.text)));
      let specifiers = seen.get(hit.path);
      for (const specifier of inLine) {
        if (!specifiers) seen.set(hit.path, (specifiers = new Set()));
        else if (specifiers.has(specifier)) continue;
        specifiers.add(specifier);
        let tail = tails.get(specifier);
        if (tail === undefined) tails.set(specifier, (tail = tailOf(specifier)));
        const list = this.byTail.get(tail);
        if (list) list.push({ path: hit.path, specifier });
        else this.byTail.set(tail, [{ path: hit.path, specifier }]);
      }
    }
  }

  /** Imports that may name `file` (by its name, its folder's name for an index file, or a package name). */
  candidates(file: string, packageNames: readonly string[] = []): { path: string; specifier: string }[] {
    const stem = tailOf(file);
    const tails = new Set([stem]);
    if (stem === 'index') {
      const dir = file.slice(0, Math.max(0, file.lastIndexOf('/')));
      tails.add(dir.slice(dir.lastIndexOf('/') + 1));
    }
    for (const name of packageNames) tails.add(tailOf(name));
    return [...tails].flatMap((t) => this.byTail.get(t) ?? []);
  }
}
