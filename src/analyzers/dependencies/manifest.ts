import type { DependencyChangedFact, RuntimeChangedFact } from '../../model/facts/dependencies.js';
import { moveOf } from './versions.js';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

type Manifest = Record<string, unknown>;

function record(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Line of `"key"` in a JSON text (the first one after `section` when given). */
export function jsonKeyLine(text: string | undefined, key: string, section?: string): number | undefined {
  if (text === undefined) return undefined;
  const start = section ? Math.max(0, text.indexOf(`"${section}"`)) : 0;
  const at = text.indexOf(`"${key}"`, start);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** Dependencies and runtimes (`engines`, `packageManager`) a rollback moves in a package.json. */
export function manifestMoves(
  path: string,
  from: { json: Manifest; text?: string },
  to: { json: Manifest; text?: string },
): (DependencyChangedFact | RuntimeChangedFact)[] {
  const facts: (DependencyChangedFact | RuntimeChangedFact)[] = [];
  const lineOf = (key: string, section?: string) => jsonKeyLine(from.text, key, section) ?? jsonKeyLine(to.text, key, section);
  for (const section of SECTIONS) {
    const a = record(from.json[section]);
    const b = record(to.json[section]);
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      // `workspace:^1.40.1`: a package of the same repository, which rolls back with it; its range still moves.
      const workspace = [a[name], b[name]].some((spec) => spec?.startsWith('workspace:'));
      const bare = (spec: string | undefined) => (spec?.startsWith('workspace:') ? spec.slice('workspace:'.length) : spec);
      const move = moveOf(workspace ? bare(a[name]) : a[name], workspace ? bare(b[name]) : b[name]);
      if (move) facts.push({ kind: 'dependency.changed', path, line: lineOf(name, section), name, section, ...move, ...(workspace ? { workspace: true } : {}) });
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
    const move = pmFrom && pmTo && pmFrom.split('@')[0] !== pmTo.split('@')[0] ? { rollback: 'changes' as const, from: pmFrom, to: pmTo } : moveOf(version(pmFrom), version(pmTo));
    if (move) facts.push({ kind: 'runtime.changed', path, line: lineOf('packageManager'), runtime: name, source: 'packageManager', ...move });
  }
  return facts;
}
