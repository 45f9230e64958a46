import { globMatcher, globBase } from '../util/glob.js';
import { workspaceGlobs } from '../parse/workspaces.js';
import { closest } from '../config/suggest.js';
import { UsageError } from '../util/errors.js';
import type { BlobStore } from '../git/blobs.js';
import type { Repo } from '../git/repo.js';
import type { TreeIndex } from '../git/tree-index.js';
import { listReleaseTags } from '../git/tags.js';
import type { BlobContent, ChangedFile, ScopeReport } from '../model/report.js';
import { oneLine } from '../util/sanitize.js';

// The rollback of one service in a monorepo: only the changes under its paths, plus the
// workspace packages it depends on (a change to a shared package travels with the service).

interface WorkspacePackage {
  dir: string;
  name: string;
  /** Workspace package names it depends on, with the field that says so. */
  deps: { name: string; field: string }[];
}

export interface Scope extends ScopeReport {
  /** Every path in scope: the requested ones and the joined packages. */
  all: string[];
  /** The package name when the scope is exactly one workspace package. */
  packageName?: string;
}

const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;
const MAX_PACKAGE_BYTES = 1024 * 1024;

export function normalizeScopePath(path: string): string {
  const clean = path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (clean.startsWith('/') || clean.split('/').includes('..') || /[\n\r\0]/.test(clean)) {
    throw new UsageError(
      `--scope ${oneLine(path)}: not a path inside the repository`,
      'pass a folder relative to the repository root, e.g. --scope apps/api',
    );
  }
  return clean === '.' ? '' : clean;
}

export function underAny(paths: readonly string[], path: string): boolean {
  return paths.some((p) => p === '' || path === p || path.startsWith(`${p}/`));
}

export function fileInScope(scope: Scope, file: ChangedFile): boolean {
  return underAny(scope.all, file.path) || (file.oldPath !== undefined && underAny(scope.all, file.oldPath));
}

/** Workspace packages of a commit's tree (npm, yarn and pnpm workspaces), read from git, never the work tree. */
export async function workspacePackages(tree: TreeIndex, blobs: BlobStore): Promise<WorkspacePackage[]> {
  const read = (path: string): Promise<BlobContent> =>
    tree.isFile(path) ? blobs.readWithin(tree.entry(path)!.id, MAX_PACKAGE_BYTES) : Promise.resolve({ size: 0, unreadable: 'missing' });
  const [rootPkg, pnpm] = await Promise.all([read('package.json'), read('pnpm-workspace.yaml')]);
  const globs = workspaceGlobs(rootPkg.text, pnpm.text);
  const positive = globs.filter((g) => !g.startsWith('!'));
  if (positive.length === 0) return [];
  const isMember = globMatcher(positive);
  const excluded = globMatcher(globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1)));
  // Only the folders the globs start from are listed: work stays proportional to the workspaces.
  const bases = [...new Set(positive.map((g) => globBase(g)))];
  const dirs = new Set<string>();
  for (const base of bases) {
    for (const path of tree.under(base)) {
      if (!path.endsWith('/package.json') || /(^|\/)node_modules\//.test(path)) continue;
      const dir = path.slice(0, -'/package.json'.length);
      if (isMember(dir) && !excluded(dir)) dirs.add(dir);
    }
  }
  const packages: WorkspacePackage[] = [];
  for (const dir of [...dirs].sort()) {
    const content = await read(`${dir}/package.json`);
    if (content.text === undefined || content.size > MAX_PACKAGE_BYTES) continue;
    let pkg: Record<string, unknown>;
    try {
      pkg = JSON.parse(content.text) as Record<string, unknown>;
    } catch {
      continue; // A package.json that does not parse names no dependency; the files analyzers report it.
    }
    if (pkg === null || typeof pkg !== 'object') continue;
    const name = typeof pkg.name === 'string' ? pkg.name : dir;
    const deps: WorkspacePackage['deps'] = [];
    for (const field of DEP_FIELDS) {
      const value = pkg[field];
      if (value && typeof value === 'object') for (const dep of Object.keys(value)) deps.push({ name: dep, field });
    }
    packages.push({ dir, name, deps });
  }
  return packages;
}

/**
 * Resolves the requested scope paths at `from` (its tree, `ref` its name): each must exist there (or name a
 * workspace package); workspace packages they depend on, directly or through others, join with the reason.
 */
export async function resolveScope(
  tree: () => Promise<TreeIndex>,
  blobs: BlobStore,
  ref: string,
  requested: readonly string[],
): Promise<Scope | undefined> {
  if (requested.length === 0) return undefined;
  const index = await tree();
  const packages = await workspacePackages(index, blobs);
  const byName = new Map(packages.map((p) => [p.name, p]));
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const paths: string[] = [];
  for (const raw of requested) {
    let path = normalizeScopePath(raw);
    if (!byDir.has(path) && byName.has(path)) path = byName.get(path)!.dir;
    if (path !== '' && !byDir.has(path) && !existsAt(index, path)) {
      const near = closest(
        path,
        packages.map((p) => p.dir),
      );
      throw new UsageError(
        `--scope ${oneLine(raw)}: no such path at ${oneLine(ref)}`,
        near ? `did you mean ${near}?` : 'pass a folder of the repository (or a workspace package name)',
      );
    }
    if (!paths.includes(path)) paths.push(path);
  }

  const joined: ScopeReport['joined'] = [];
  const queue = paths.map((p) => byDir.get(p)).filter((p): p is WorkspacePackage => p !== undefined);
  const seen = new Set(queue.map((p) => p.dir));
  while (queue.length > 0) {
    const pkg = queue.shift()!;
    for (const dep of pkg.deps) {
      const target = byName.get(dep.name);
      if (!target || seen.has(target.dir) || underAny(paths, target.dir)) continue;
      seen.add(target.dir);
      joined.push({ path: target.dir, package: target.name, because: `${pkg.name} depends on ${target.name} (${dep.field})` });
      queue.push(target);
    }
  }
  const single = paths.length === 1 ? byDir.get(paths[0]!) : undefined;
  return {
    paths,
    joined,
    filesOutside: 0,
    all: [...paths, ...joined.map((j) => j.path)],
    ...(single ? { packageName: single.name } : {}),
  };
}

/** A file or folder (what `git ls-tree <sha> -- <path>` lists). */
function existsAt(tree: TreeIndex, path: string): boolean {
  return tree.entry(path) !== undefined || tree.under(path).length > 0;
}

/** `<name>@*` when the scope is one workspace package and the repository has such release tags. */
export async function defaultTagPattern(repo: Repo, scope: Scope | undefined): Promise<string | undefined> {
  if (!scope?.packageName) return undefined;
  const pattern = `${scope.packageName}@*`;
  return (await listReleaseTags(repo, pattern)).length > 0 ? pattern : undefined;
}
