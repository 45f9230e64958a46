import { globMatcher } from '../../util/glob.js';
import type { Release } from '../analyzer.js';
import type { Side } from '../../model/report.js';
import { workspaceGlobs } from '../../parse/workspaces.js';

// The packages of a repository at one side (npm/yarn workspaces, pnpm-workspace.yaml, or the root alone)
// and the entry points their package.json publishes.

export interface PackageInfo {
  /** Folder of the package ('' for the repository root). */
  dir: string;
  name: string;
  manifest: Record<string, unknown>;
}

export interface EntryPoint {
  /** `.` or `./sub`. */
  subpath: string;
  /** Targets named by package.json for this subpath, in the order they are tried. */
  targets: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseManifest(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const join = (dir: string, path: string) => (dir ? `${dir}/${path}` : path).replace(/\/\.\//g, '/').replace(/^\.\//, '');

/** Every package at one side: the root (when it has a package.json) and each workspace package. */
/** The packages of one side: the root manifest, and the workspace packages (the tree is listed only when there are workspaces). */
export async function packagesAt(release: Release, side: Side, list: () => Promise<readonly string[]>): Promise<PackageInfo[]> {
  const root = parseManifest((await release.readPath(side, 'package.json')).text);
  const packages: PackageInfo[] = [];
  if (root) packages.push({ dir: '', name: typeof root.name === 'string' ? root.name : '(root)', manifest: root });
  const rootText = root ? (await release.readPath(side, 'package.json')).text : undefined;
  const globs = workspaceGlobs(rootText, (await release.readPath(side, 'pnpm-workspace.yaml')).text);
  const include = globs.filter((g) => !g.startsWith('!')).map((g) => `${g.replace(/\/+$/, '')}/package.json`);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => `${g.slice(1).replace(/\/+$/, '')}/package.json`);
  if (include.length === 0) return packages;
  const matches = globMatcher(include, { ignore: exclude });
  const manifests = (await list()).filter(
    (f) => f !== 'package.json' && f.endsWith('/package.json') && !f.includes('node_modules/') && matches(f),
  );
  const texts = await Promise.all(manifests.map((path) => release.readPath(side, path)));
  manifests.forEach((path, i) => {
    const manifest = parseManifest(texts[i]!.text);
    if (!manifest) return;
    const dir = path.slice(0, -'/package.json'.length);
    packages.push({ dir, name: typeof manifest.name === 'string' ? manifest.name : dir, manifest });
  });
  return packages;
}

/** Leaf targets of an `exports` value with the condition path that leads to each (`import`, `node.require`). */
export function conditionTargets(value: unknown, path: string[] = []): { conditions: string; target: string }[] {
  if (typeof value === 'string') return [{ conditions: path.join('.') || 'default', target: value }];
  if (Array.isArray(value)) return value.flatMap((v) => conditionTargets(v, path));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, v]) => conditionTargets(v, [...path, key]));
  return [];
}

/** `exports` as subpath → value, whichever of its three shapes package.json uses. */
export function exportSubpaths(manifest: Record<string, unknown>): Map<string, unknown> {
  const exportsField = manifest.exports;
  const out = new Map<string, unknown>();
  if (exportsField === undefined || exportsField === null) return out;
  if (isRecord(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'))) {
    for (const [key, value] of Object.entries(exportsField)) if (key.startsWith('.')) out.set(key, value);
  } else out.set('.', exportsField);
  return out;
}

/** The entry points a package publishes, as files to read (types first, since they carry the contract). */
export function entryPoints(manifest: Record<string, unknown>): EntryPoint[] {
  const entries = new Map<string, string[]>();
  const add = (subpath: string, target: unknown) => {
    if (typeof target !== 'string' || target.includes('*')) return;
    const list = entries.get(subpath) ?? [];
    if (!list.includes(target)) list.push(target);
    entries.set(subpath, list);
  };
  for (const [subpath, value] of exportSubpaths(manifest)) {
    const leaves = conditionTargets(value);
    const typesFirst = [
      ...leaves.filter((l) => /(^|\.)types$/.test(l.conditions)),
      ...leaves.filter((l) => !/(^|\.)types$/.test(l.conditions)),
    ];
    for (const leaf of typesFirst) add(subpath, leaf.target);
  }
  for (const field of ['types', 'typings', 'module', 'main']) add('.', manifest[field]);
  return [...entries].map(([subpath, targets]) => ({ subpath, targets }));
}

/**
 * Source files that may stand for a published target: the target itself, its TypeScript source
 * (`.js` → `.ts`, `.d.ts` → `.ts`) and the same under `src/` when it points into a build folder.
 */
export function sourceCandidates(dir: string, target: string): string[] {
  const clean = target.replace(/^\.\//, '');
  const variants = [clean];
  const built = /^(dist|lib|build|out|esm|cjs|types)\//.exec(clean);
  if (built) {
    const rest = clean.slice(built[0].length);
    variants.push(`src/${rest}`);
    // One build per module format (`dist/cjs/index.js`, `dist/types/index.d.ts`) from one `src/`.
    const format = /^(cjs|esm|es|mjs|umd|types|typings|module|commonjs|node|browser)\//.exec(rest);
    if (format) variants.push(`src/${rest.slice(format[0].length)}`);
  }
  const out: string[] = [];
  for (const v of variants) {
    out.push(v);
    const stem = v.replace(/\.d\.[mc]?ts$/, '').replace(/\.[mc]?[jt]sx?$/, '');
    out.push(`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`);
    if (!/\.[a-z]+$/.test(v)) out.push(`${v}/index.ts`, `${v}/index.js`, `${v}/index.d.ts`);
  }
  return [...new Set(out.map((p) => join(dir, p)))];
}

export function displayEntry(pkg: PackageInfo, subpath: string): string {
  return subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`;
}
