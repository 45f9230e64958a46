import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of rollback-ready's own package.json (works from src/ under vitest and from dist/). */
function findPackage(): { root: string; name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rollback-ready') return { root: dir, name: pkg.name, version: pkg.version ?? '0.0.0' };
    }
    const parent = dirname(dir);
    if (parent === dir) return { root: dir, name: 'rollback-ready', version: '0.0.0' };
    dir = parent;
  }
}

const found = findPackage();
export const TOOL = { name: found.name, version: found.version };
export const PACKAGE_ROOT = found.root;
/** The command-line tool as installed (package.json `bin`): one bundle, so starting it reads few files. */
export const CLI_BUNDLE = join(PACKAGE_ROOT, 'dist', 'bin', 'main.js');
