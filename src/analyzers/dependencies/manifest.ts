import type { DependencyChangedFact, RuntimeChangedFact } from '../../model/facts/dependencies.js';
import { moveOf } from './versions.js';
import { keyLines } from '../../parse/key-lines.js';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

type Manifest = Record<string, unknown>;

function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function record(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Dependencies and runtimes (`engines`, `packageManager`) a rollback moves in a package.json. */
export function manifestMoves(
  path: string,
  from: { json: Manifest; text?: string },
  to: { json: Manifest; text?: string },
): (DependencyChangedFact | RuntimeChangedFact)[] {
  const facts: (DependencyChangedFact | RuntimeChangedFact)[] = [];
  // The line of the key at `from`, else at `to` (where a dependency the release removed is).
  const sides = [from.text, to.text].map((text) => (text === undefined ? undefined : lazy(() => keyLines(text))));
  const lineOf = (key: string, section?: string) => {
    const path = section ? [section, key] : [key];
    for (const side of sides) {
      const line = side?.()?.(path);
      if (line !== undefined) return line;
    }
    return undefined;
  };
  for (const section of SECTIONS) {
    const a = record(from.json[section]);
    const b = record(to.json[section]);
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      // `workspace:^1.40.1`: a package of the same repository, which rolls back with it; its range still moves.
      const workspace = [a[name], b[name]].some((spec) => spec?.startsWith('workspace:'));
      const bare = (spec: string | undefined) => (spec?.startsWith('workspace:') ? spec.slice('workspace:'.length) : spec);
      const move = moveOf(workspace ? bare(a[name]) : a[name], workspace ? bare(b[name]) : b[name]);
      if (move)
        facts.push({
          kind: 'dependency.changed',
          path,
          line: lineOf(name, section),
          name,
          section,
          ...move,
          ...(workspace ? { workspace: true } : {}),
        });
    }
  }
  const engines = [record(from.json.engines), record(to.json.engines)] as const;
  for (const runtime of [...new Set([...Object.keys(engines[0]), ...Object.keys(engines[1])])].sort()) {
    const move = moveOf(engines[0][runtime], engines[1][runtime]);
    if (move) facts.push({ kind: 'runtime.changed', path, line: lineOf(runtime, 'engines'), runtime, source: 'engines', ...move });
  }
  const manager = (json: Manifest) => (typeof json.packageManager === 'string' ? json.packageManager : undefined);
  const [pmFrom, pmTo] = [manager(from.json), manager(to.json)];
  if (pmFrom !== pmTo) {
    const name = (pmFrom ?? pmTo)!.split('@')[0]!;
    const version = (spec: string | undefined) => (spec?.split('@')[0] === name ? spec.split('@')[1]?.split('+')[0] : spec);
    const move =
      pmFrom && pmTo && pmFrom.split('@')[0] !== pmTo.split('@')[0]
        ? { rollback: 'changes' as const, from: pmFrom, to: pmTo }
        : moveOf(version(pmFrom), version(pmTo));
    if (move)
      facts.push({ kind: 'runtime.changed', path, line: lineOf('packageManager'), runtime: name, source: 'packageManager', ...move });
  }
  return facts;
}
