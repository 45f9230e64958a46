import semver from 'semver';
import { pathAt, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { ChangedFile } from '../../model/report.js';
import type { ContractAspect, ContractChangeFact, ContractChangeKind } from '../../model/facts/contracts.js';
import { conditionTargets, exportSubpaths, parseManifest } from './workspace.js';
import type { Audience } from './audience.js';
import { keyLines, type KeyLineOf } from '../../parse/key-lines.js';

// package.json as a contract: what `exports` and `bin` publish, and what `engines` and `peerDependencies` demand.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function binOf(manifest: Record<string, unknown>): Map<string, string> {
  const bin = manifest.bin;
  const name = typeof manifest.name === 'string' ? manifest.name.replace(/^@[^/]+\//, '') : 'bin';
  if (typeof bin === 'string') return new Map([[name, bin]]);
  if (isRecord(bin)) return new Map(Object.entries(bin).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return new Map<string, string>();
}

function ranges(value: unknown): Map<string, string> {
  return isRecord(value)
    ? new Map(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : new Map<string, string>();
}

/** How a required range moved, for whoever must satisfy it: a smaller set at `to` is narrower. */
export function rangeChange(before: string | undefined, after: string | undefined): ContractChangeKind | undefined {
  if (before === after) return undefined;
  if (before === undefined) return 'narrowed';
  if (after === undefined) return 'widened';
  try {
    const narrower = semver.subset(after, before);
    const wider = semver.subset(before, after);
    if (narrower && wider) return undefined;
    if (narrower) return 'narrowed';
    if (wider) return 'widened';
  } catch {
    // Not semver ranges (tags, URLs): any difference is a change.
  }
  return 'changed';
}

/**
 * `exports`, `bin`, `engines` and `peerDependencies` a rollback removes or narrows, judged public when the package's
 * consumers do not roll back with it (`audience`): a private app's package.json is read by no one else.
 */
export async function manifestChanges(
  release: Release,
  files: ChangedFile[],
  audience: (dir: string) => Promise<Audience>,
): Promise<Fact[]> {
  const facts: Fact[] = [];
  for (const file of files) {
    if (!file.fromBlob) continue;
    const fromText = release.content(file, 'from').text;
    const toText = file.toBlob ? release.content(file, 'to').text : '{}';
    if (fromText === undefined || toText === undefined) continue;
    const before = parseManifest(fromText);
    const after = parseManifest(toText);
    if (!before || !after) {
      facts.push({ kind: 'file.unreadable', path: file.path, side: !before ? 'from' : 'to', reason: 'package.json is not a JSON object' });
      continue;
    }
    const name = typeof before.name === 'string' ? before.name : pathAt(file, 'from');
    const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    const heard = await audience(dir);
    const surface = heard.kind === 'internal' ? 'internal' : 'public';
    const toPath = pathAt(file, 'to');
    let fromLines: KeyLineOf | null | undefined;
    let toLines: KeyLineOf | null | undefined;
    const push = (
      aspect: ContractAspect,
      change: ContractChangeKind,
      symbol: string,
      detail: string,
      b: string,
      a: string | undefined,
      place: string[],
    ) => {
      // What a private app requires of its runtime is the runtime rules' business, not a contract.
      if (surface === 'internal' && (aspect === 'package-engines' || aspect === 'package-peer')) return;
      fromLines ??= keyLines(fromText) ?? null;
      toLines ??= keyLines(toText) ?? null;
      const line = fromLines?.(place);
      const toLine = file.toBlob ? toLines?.(place) : undefined;
      const fact: ContractChangeFact = {
        kind: 'contract.change',
        path: file.path,
        surface,
        entry: name,
        symbol,
        aspect,
        change,
        detail,
        before: b,
        fromAt: line ? `${file.path}:${line}` : file.path,
      };
      if (line) fact.line = line;
      if (a !== undefined) {
        fact.after = a;
        fact.toAt = toLine ? `${toPath}:${toLine}` : toPath;
      }
      facts.push(fact);
    };

    const fromExports = exportSubpaths(before);
    const toExports = exportSubpaths(after);
    const toHasExports = after.exports !== undefined && after.exports !== null;
    for (const [subpath, value] of fromExports) {
      const leaves = conditionTargets(value);
      const shown = (l: { conditions: string; target: string }) => `"${subpath}" ${l.conditions} → ${l.target}`;
      // Without an `exports` field every file is importable again: nothing is removed by that alone.
      if (!toHasExports) continue;
      if (!toExports.has(subpath)) {
        push(
          'package-exports',
          'removed',
          `exports["${subpath}"]`,
          `subpath ${subpath} removed from exports`,
          leaves.map(shown).join('; '),
          undefined,
          ['exports', subpath],
        );
        continue;
      }
      const kept = conditionTargets(toExports.get(subpath));
      for (const leaf of leaves) {
        if (!kept.some((k) => k.conditions === leaf.conditions)) {
          push(
            'package-exports',
            'removed',
            `exports["${subpath}"].${leaf.conditions}`,
            `condition ${leaf.conditions} of ${subpath} removed`,
            shown(leaf),
            kept.map(shown).join('; ') || '(none)',
            ['exports', subpath],
          );
        }
      }
    }
    const fromBin = binOf(before);
    const toBin = binOf(after);
    for (const [command, target] of fromBin) {
      if (!toBin.has(command))
        push(
          'package-bin',
          'removed',
          `bin.${command}`,
          `command ${command} removed`,
          `${command} → ${target}`,
          undefined,
          typeof before.bin === 'string' ? ['bin'] : ['bin', command],
        );
    }
    for (const [field, aspect] of [
      ['engines', 'package-engines'],
      ['peerDependencies', 'package-peer'],
    ] as const) {
      const b = ranges(before[field]);
      const a = ranges(after[field]);
      for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
        const change = rangeChange(b.get(key), a.get(key));
        if (!change) continue;
        const show = (range: string | undefined) => (range === undefined ? '(none)' : `${key} ${range}`);
        const detail =
          b.get(key) === undefined
            ? `${field}.${key} added`
            : a.get(key) === undefined
              ? `${field}.${key} removed`
              : `${field}.${key} ${b.get(key)} → ${a.get(key)}`;
        push(aspect, change, `${field}.${key}`, detail, show(b.get(key)), show(a.get(key)), [field, key]);
      }
    }
  }
  return facts;
}
