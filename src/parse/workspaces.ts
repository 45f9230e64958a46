// npm, yarn and pnpm workspaces: the one reader of their globs, for scope, contracts and `init`.
import { readYamlDocument } from './structured.js';

/** Workspace globs from the root package.json (npm, yarn) and pnpm-workspace.yaml. */
export function workspaceGlobs(packageJson: string | undefined, pnpmWorkspace: string | undefined): string[] {
  const globs: string[] = [];
  if (packageJson) {
    try {
      const pkg = JSON.parse(packageJson) as { workspaces?: unknown };
      const ws = pkg.workspaces;
      const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' ? (ws as { packages?: unknown }).packages : undefined;
      if (Array.isArray(list)) globs.push(...list.filter((g): g is string => typeof g === 'string'));
    } catch {
      // Not JSON: no workspaces to read.
    }
  }
  if (pnpmWorkspace) {
    // Not YAML (undefined): no workspaces to read.
    const doc = readYamlDocument(pnpmWorkspace) as { packages?: unknown } | null | undefined;
    if (Array.isArray(doc?.packages)) globs.push(...doc.packages.filter((g): g is string => typeof g === 'string'));
  }
  return [...new Set(globs.map((g) => g.replace(/^\.\//, '').replace(/\/$/, '')))];
}
