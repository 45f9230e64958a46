import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../util/errors.js';
import { oneLine } from '../util/sanitize.js';
import { openRepo } from './repo.js';

// The tool never writes into a repository's git directories: not the one of the work tree it was pointed at,
// not the common one a linked work tree shares, not another work tree's, not a `.git` link file, and not
// through a symbolic link that leads there (a repository can commit one: `reports -> .git`). Every file the
// tool writes (reports, the review record, the starter config, GitHub Actions files) passes this guard first.

export interface WriteGuard {
  /** Throws a one-line UsageError naming `flag` when writing `file` would write into a git directory. */
  check(file: string, flag: string): void;
}

/**
 * The real path `path` leads to, whether or not it exists yet: symbolic links are followed (a dangling one to
 * where it points, since writing through it creates its target), and what does not exist is joined to the real
 * path of its deepest existing ancestor.
 */
export function realTarget(path: string, hops = 0): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // Missing, or a link that leads nowhere yet.
  }
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    // Does not exist.
  }
  if (link && hops < 40) return realTarget(resolve(dirname(abs), readlinkSync(abs)), hops + 1);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realTarget(parent, hops), basename(abs));
}

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

const throughGitLink = (path: string) => path.split(/[\\/]+/).some((part) => part.toLowerCase() === '.git');

/** The guard for the given git directories (real paths): anything inside them, or through a `.git` name, is refused. */
export function guardOf(gitDirs: readonly string[]): WriteGuard {
  const dirs = [...new Set(gitDirs.map((dir) => realTarget(dir)))];
  return {
    check(file, flag) {
      const abs = resolve(file);
      const real = realTarget(abs);
      const hit = dirs.find((dir) => inside(dir, real));
      if (hit !== undefined) {
        throw new UsageError(
          `${flag} ${oneLine(file)}: inside a git directory of the analysed repository (${oneLine(hit)})`,
          "write it to a folder outside the repository's git directories",
        );
      }
      if (throughGitLink(abs) || throughGitLink(real)) {
        throw new UsageError(
          `${flag} ${oneLine(file)}: a .git folder or link file, or a path through one`,
          'write it to a folder outside any git directory',
        );
      }
    },
  };
}

/** Every git directory of the repository at `dir`: its own, the common one, and each work tree's `.git` link and gitdir. */
export async function gitDirectories(dir: string): Promise<string[]> {
  const repo = await openRepo(dir);
  const [common = '', own = ''] = (await repo.git.raw(['rev-parse', '--path-format=absolute', '--git-common-dir', '--absolute-git-dir']))
    .trim()
    .split('\n');
  const dirs = [resolve(dir, common), resolve(dir, own)];
  // Work trees as git lists them (their `.git` is a link file, or the main repository's folder) ...
  try {
    const list = await repo.git.raw(['worktree', 'list', '--porcelain', '-z']);
    for (const field of list.split('\0')) if (field.startsWith('worktree ')) dirs.push(join(field.slice('worktree '.length), '.git'));
  } catch {
    // An old git without -z: the gitdir files below still name each linked work tree.
  }
  // ... and as the common directory records them, prunable ones included: `worktrees/<id>/gitdir` holds the
  // path of that work tree's `.git` link file.
  const worktrees = join(resolve(dir, common), 'worktrees');
  let ids: string[] = [];
  try {
    ids = readdirSync(worktrees);
  } catch {
    // No linked work tree.
  }
  for (const id of ids) {
    dirs.push(join(worktrees, id));
    try {
      const link = readFileSync(join(worktrees, id, 'gitdir'), 'utf8').trim();
      if (link) dirs.push(resolve(join(worktrees, id), link));
    } catch {
      // A broken entry: its folder is inside the common directory anyway.
    }
  }
  return dirs;
}

/** The guard for the repository at `dir`; outside a repository, only paths through a `.git` name are refused. */
export async function writeGuard(dir: string): Promise<WriteGuard> {
  let dirs: string[] = [];
  try {
    dirs = await gitDirectories(dir);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
  }
  return guardOf(dirs);
}
