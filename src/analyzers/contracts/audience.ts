import type { PackageInfo } from './workspace.js';

// Who consumes a package's exports, and so whether they roll back with the release. Modules of one deployable
// roll back together: their exports are no contract. Users of a published package do not roll back, nor does a
// deployable outside the analysed scope that imports a workspace package from inside it.

export type Audience =
  | { kind: 'published'; reason: string }
  | { kind: 'outside-scope'; consumers: string[]; reason: string }
  | { kind: 'internal'; reason: string };

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Published: not `"private": true` and with a real version (a workspace placeholder `0.0.0`, or none, is never
 * released to a registry).
 */
export function isPublished(manifest: Record<string, unknown>): boolean {
  if (manifest.private === true || manifest.private === 'true') return false;
  return typeof manifest.version === 'string' && manifest.version.trim() !== '' && manifest.version.trim() !== '0.0.0';
}

/** Names of the packages a manifest depends on, in any dependency field. */
export function dependencyNames(manifest: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (isRecord(deps)) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

const under = (paths: readonly string[], dir: string) => paths.some((p) => p === '' || dir === p || dir.startsWith(`${p}/`));

/**
 * The audience of each package (by folder). `scope` is the analysed paths (undefined: the whole repository, where
 * every workspace consumer rolls back with the release).
 */
export function audiences(packages: readonly PackageInfo[], scope: readonly string[] | undefined): Map<string, Audience> {
  const out = new Map<string, Audience>();
  for (const pkg of packages) {
    if (isPublished(pkg.manifest)) {
      out.set(pkg.dir, { kind: 'published', reason: `${pkg.name} is published (version ${String(pkg.manifest.version)}, not private)` });
      continue;
    }
    const why = pkg.manifest.private === true || pkg.manifest.private === 'true' ? '"private": true' : 'no released version';
    const consumers = scope
      ? packages
          .filter((other) => other.dir !== pkg.dir && !under(scope, other.dir) && dependencyNames(other.manifest).has(pkg.name))
          .map((other) => other.dir || other.name)
      : [];
    if (consumers.length > 0) {
      out.set(pkg.dir, {
        kind: 'outside-scope',
        consumers: consumers.sort(),
        reason: `${pkg.name} (${why}) is used by ${consumers.sort().join(', ')}, outside the scope`,
      });
    } else {
      out.set(pkg.dir, { kind: 'internal', reason: `${pkg.name} (${why}) is used only inside what rolls back` });
    }
  }
  return out;
}
