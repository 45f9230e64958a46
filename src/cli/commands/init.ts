import { lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { detect } from '../../config/detect.js';
import { CONFIG_FILES, PACKAGE_KEY } from '../../config/load.js';
import { starterConfig } from '../../config/starter.js';
import { UsageError } from '../../util/errors.js';
import { gitIn } from '../../git/repo.js';
import { writeGuard } from '../../git/write-guard.js';
import { parseOptions } from '../options.js';

export const STARTER_FILE = 'rollback-ready.config.yaml';
const MAX_WALK = 20_000;

/** `rollback-ready init`: writes a commented starter config into the current folder, detected from the files there. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, false, 'rollback-ready help init');
  if (values.help) {
    process.stdout.write(
      `Usage: rollback-ready init\n\nWrites ${STARTER_FILE} in the current folder: commented defaults, with the\nmigration folders, API specs, workspaces and platform found there. Never overwrites.\n`,
    );
    return 0;
  }
  const dir = process.cwd();
  const existing = existingConfig(dir);
  if (existing) throw new UsageError(`${existing} already exists here`, `edit it, or remove it to write a new ${STARTER_FILE}`);
  // Run inside a git directory (`cd .git`), init would write there.
  (await writeGuard(dir)).check(join(dir, STARTER_FILE), 'init: writing');
  const paths = await listFiles(dir);
  const found = detect(paths, (path) => readSmall(join(dir, path)));
  try {
    // `wx`: never through a symbolic link, never over a file that appeared meanwhile.
    writeFileSync(join(dir, STARTER_FILE), starterConfig(found), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `cannot write ${STARTER_FILE} here (${code})`,
      code === 'EEXIST' ? `remove the ${STARTER_FILE} that is in the way` : 'run init in a folder you can write to',
    );
  }
  const summary = [
    found.migrations.length > 0 ? `${found.migrations.length} migration folder${found.migrations.length === 1 ? '' : 's'}` : '',
    found.specs.length > 0 ? `${found.specs.length} API spec${found.specs.length === 1 ? '' : 's'}` : '',
    found.packages.length > 0 ? `${found.packages.length} workspace package${found.packages.length === 1 ? '' : 's'}` : '',
    found.platform ? `platform ${found.platform.id}` : '',
  ].filter(Boolean);
  process.stdout.write(
    `wrote ${STARTER_FILE}${summary.length > 0 ? ` (found ${summary.join(', ')})` : ''}; commit it so the analysis of each release reads it\n`,
  );
  return 0;
}

function existingConfig(dir: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const path = join(dir, name);
    // lstat: a symbolic link is there even when what it points to is not.
    const entry = lstatSync(path, { throwIfNoEntry: false });
    if (!entry) continue;
    if (entry.isSymbolicLink() && name === STARTER_FILE) return `${name} (a symbolic link)`;
    if (name !== 'package.json') return name;
    try {
      if (Object.hasOwn(JSON.parse(readFileSync(path, 'utf8')) as object, PACKAGE_KEY)) return `package.json (${PACKAGE_KEY})`;
    } catch {
      // A package.json that does not parse holds no config.
    }
  }
  return undefined;
}

function readSmall(path: string): string | undefined {
  try {
    return statSync(path).size <= 1024 * 1024 ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Tracked files when this is a git work tree (read-only), else a bounded walk of the folder. */
async function listFiles(dir: string): Promise<string[]> {
  try {
    const git = gitIn(dir, undefined, { maxConcurrentProcesses: 1 });
    const out = await git.raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    return out.split('\0').filter(Boolean);
  } catch {
    const files: string[] = [];
    const walk = (current: string) => {
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        if (files.length >= MAX_WALK) return;
        if (entry.name === 'node_modules' || entry.name === '.git') continue;
        const path = join(current, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) files.push(relative(dir, path).split('\\').join('/'));
      }
    };
    walk(dir);
    return files;
  }
}
