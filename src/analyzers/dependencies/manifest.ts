import type { DependencyChangedFact, RuntimeChangedFact, VersionMove } from '../../model/facts/dependencies.js';
import { lowestVersion, moveOf } from './versions.js';
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
  const lineOf = (key: string, section?: string) => lineAt(section ? [section, key] : [key]);
  function lineAt(path: string[]): number | undefined {
    for (const side of sides) {
      const line = side?.()?.(path);
      if (line !== undefined) return line;
    }
    return undefined;
  }
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
  const pins = overrideMoves(from.json, to.json);
  if (pins.length > 0) {
    const at = [from.json, to.json].flatMap((json) => OVERRIDE_SECTIONS.filter((keys) => sectionAt(json, keys) !== undefined));
    const line = at.length > 0 ? lineAt([...at[0]!]) : undefined;
    for (const [name, move] of pins) facts.push({ kind: 'dependency.changed', path, line, name, section: 'overrides', ...move });
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

/**
 * Where a manifest pins versions anywhere in the dependency tree: npm's `overrides`, Yarn's `resolutions`, pnpm's
 * `pnpm.overrides` (what `pnpm audit --fix` writes: `"axios@<1.15.0": "^1.15.0"`).
 */
const OVERRIDE_SECTIONS = [['overrides'], ['resolutions'], ['pnpm', 'overrides']] as const;

function sectionAt(json: Manifest, keys: readonly string[]): Record<string, unknown> | undefined {
  let section: unknown = json;
  for (const key of keys) section = section && typeof section === 'object' ? (section as Manifest)[key] : undefined;
  return section && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>) : undefined;
}

/**
 * What a selector names: the package (`axios@<1.15.0` → axios, `a>b@1` → b, `packages/@scope/c`, a Yarn path, →
 * @scope/c), and the versions it pins the package out of when it says (`<1.15.0`).
 */
export function overriddenPackage(selector: string): { name: string; range?: string } {
  // pnpm's `parent>child`: a `>` before a name, not the `>=` of a range (`ajv@>=7.0.0 <8.18.0`).
  const last = selector
    .split(/(?<![@\s])>(?=[A-Za-z_@])/)
    .pop()!
    .trim();
  // A version after the name: the first `@` that does not start a scope (at the start or after a `/`).
  const at = last.search(/(?<=[^/])@/);
  const path = (at > 0 ? last.slice(0, at) : last).split('/');
  const scoped = path.length >= 2 && path.at(-2)!.startsWith('@');
  const name = scoped ? path.slice(-2).join('/') : path.at(-1)!;
  const range = at > 0 ? last.slice(at + 1).trim() : '';
  return range ? { name, range } : { name };
}

/** A version override: the version it sets, under which selector, and the versions it lifts the package out of. */
export interface Pin {
  spec: string;
  selector: string;
  range?: string;
}

/** Every pin a manifest sets, by package: npm's nested overrides (`{ "a": { ".": "1", "b": "2" } }`) flattened. */
export function overridesOf(json: Manifest): Map<string, Pin[]> {
  const pins = new Map<string, Pin[]>();
  const add = (selector: string, value: unknown, parent?: string) => {
    const own = selector === '.' && parent !== undefined ? parent : selector;
    if (typeof value === 'string') {
      const { name, range } = overriddenPackage(own);
      pins.set(name, [...(pins.get(name) ?? []), { spec: value, selector: own, ...(range ? { range } : {}) }]);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) add(key, inner, own);
    }
  };
  for (const keys of OVERRIDE_SECTIONS) for (const [key, value] of Object.entries(sectionAt(json, keys) ?? {})) add(key, value);
  return pins;
}

/**
 * How the rollback moves each overridden package: its pins at both sides paired by major version (a package pinned
 * on several lines, `brace-expansion` 1.x, 2.x and 5.x, keeps one pin a line; the pins left pair in order), a pin
 * without a partner removed or brought back. Each move keeps the selector of the running release's pin (the target's for one brought back).
 */
type PinMove = VersionMove & { selector: string; lifts?: string };

function overrideMoves(from: Manifest, to: Manifest): [string, PinMove][] {
  const a = overridesOf(from);
  const b = overridesOf(to);
  const moves: [string, PinMove][] = [];
  const of = (pin: Pin) => ({ selector: pin.selector, ...(pin.range ? { lifts: pin.range } : {}) });
  const line = (pin: Pin) => lowestVersion(pin.spec)?.major ?? pin.spec;
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const kept = new Set((b.get(name) ?? []).map((pin) => pin.spec));
    const pinsFrom = (a.get(name) ?? []).filter((pin) => !kept.has(pin.spec));
    const same = new Set((a.get(name) ?? []).map((pin) => pin.spec));
    const rest = (b.get(name) ?? []).filter((pin) => !same.has(pin.spec));
    // Same major line first; then what is left pairs in order (`@types/node` 24.x at the release, 22.x at the target).
    const unpaired: Pin[] = [];
    for (const pin of pinsFrom) {
      const partner = rest.findIndex((other) => line(other) === line(pin));
      if (partner < 0) unpaired.push(pin);
      else moves.push([name, { ...moveOf(pin.spec, rest.splice(partner, 1)[0]!.spec)!, ...of(pin) }]);
    }
    for (const pin of unpaired) moves.push([name, { ...moveOf(pin.spec, rest.shift()?.spec)!, ...of(pin) }]);
    for (const pin of rest) moves.push([name, { ...moveOf(undefined, pin.spec)!, ...of(pin) }]);
  }
  return moves;
}
