import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../util/errors.js';
import { isSafeRef } from './ref-syntax.js';

export interface Repo {
  /** Absolute path given by the user (work tree or bare repository). */
  dir: string;
  git: SimpleGit;
  shallow: boolean;
  bare: boolean;
}

/**
 * Options of every diff and log command: no external diff program and no textconv driver, whether set in the
 * configuration or through `.gitattributes` (in a tree or in info/attributes). Configuration cannot switch these
 * off (an empty `diff.external` makes git try to run ""), so they go on the command line.
 */
export const NO_EXTERNAL_DIFF = ['--no-ext-diff', '--no-textconv'] as const;

/**
 * Configuration that names no program, read after the repository's own (command-line scope wins): the analysed
 * repository is untrusted, and none of the programs its configuration names may run. What each value does in git:
 * - `core.fsmonitor=false`: commands that read the index (`ls-files`) would run the configured fsmonitor hook;
 * - `core.hooksPath=/dev/null`: no hook, neither from a configured folder nor from the git directory's `hooks/`;
 * - `log.showSignature=false`, and every `gpg.*.program` empty: a signed commit in a `git log` would be verified by
 *   running the configured program; an empty one makes git fail to start it instead;
 * - `credential.helper=` (empty): resets the list of helpers, URL-specific ones included; `core.askPass=` likewise.
 * Transports (`core.sshCommand`, `core.gitProxy`, remote helpers) are refused by GIT_ALLOW_PROTOCOL in gitEnv();
 * external diff and textconv drivers by NO_EXTERNAL_DIFF; clean and smudge filters only run on work-tree files,
 * which the tool never reads (it compares commits).
 */
const NO_PROGRAMS: readonly (readonly [key: string, value: string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['log.showSignature', 'false'],
  ['gpg.program', ''],
  ['gpg.openpgp.program', ''],
  ['gpg.ssh.program', ''],
  ['gpg.x509.program', ''],
  ['credential.helper', ''],
  ['core.askPass', ''],
];

/**
 * Configuration that would change what the tool reads, set back to git's defaults: the output of `git tag` in
 * columns (`column.ui=always` breaks the default target), colour codes in any output, and commit messages
 * re-encoded (UTF-16 would put NUL bytes in `git log -z`).
 */
const PLAIN_OUTPUT: readonly (readonly [key: string, value: string])[] = [
  ['column.ui', 'never'],
  ['color.ui', 'false'],
  ['i18n.logOutputEncoding', 'UTF-8'],
];

/**
 * The environment git runs with: only what it needs to find itself and the user's config, plus NO_PROGRAMS and
 * PLAIN_OUTPUT.
 * GIT_DIR and friends from the caller's shell must not redirect --repo; editors and pagers never run.
 */
export function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    // A partial clone must not download missing blobs into the repository (git >= 2.39.4) ...
    GIT_NO_LAZY_FETCH: '1',
    // ... and no transport is allowed at all (an empty list): nothing reaches a remote, on any git version.
    GIT_ALLOW_PROTOCOL: '',
    // Above `core.pager` and `pager.<command>`; git only pages to a terminal, which it never writes to here.
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    // Objects are read as they are: no replace ref (`refs/replace/…`) swaps a blob, commit or tree for another,
    // and no grafts file rewrites a commit's parents. Both are repository-controlled and invisible in a diff.
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_GRAFT_FILE: '/dev/null',
    // A path given to git is that path: never a glob, nor pathspec magic (`:(glob)**`, `:!src`) some commands refuse.
    GIT_LITERAL_PATHSPECS: '1',
  };
  for (const name of ['PATH', 'HOME', 'USER', 'TMPDIR', 'SYSTEMROOT', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  // GIT_CONFIG_COUNT/KEY/VALUE (git >= 2.31): the same as `-c key=value` on every command, and inherited by
  // the git processes git itself starts.
  const overrides = [...NO_PROGRAMS, ...PLAIN_OUTPUT];
  env.GIT_CONFIG_COUNT = String(overrides.length);
  overrides.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

/**
 * simple-git refuses to pass an environment that sets these keys (it guards against options an attacker
 * supplies); here they are set by the tool, to values that switch the programs off.
 */
const NO_PROGRAMS_ALLOWED = {
  allowUnsafeConfigEnvCount: true,
  allowUnsafePager: true,
  allowUnsafeFsMonitor: true,
  allowUnsafeHooksPath: true,
  allowUnsafeGpgProgram: true,
  allowUnsafeCredentialHelper: true,
  allowUnsafeAskPass: true,
} as const;

/**
 * How simple-git runs every command of the analysis: no program from the repository's config, output untrimmed,
 * and a command done when its output is closed. simple-git 3 otherwise takes a command as done 50 ms after the
 * process exits, with whatever output it has read by then: output still in the pipe while this thread was busy
 * longer than that (parsing) would be cut short, a listing missing its last files or tags.
 */
export const SIMPLE_GIT_OPTIONS = {
  trimmed: false,
  unsafe: NO_PROGRAMS_ALLOWED,
  completion: { onClose: true, onExit: false },
} as const;

/** simple-git in `dir` with the environment and guards every command of the analysis runs with. */
export function gitIn(dir: string, env = gitEnv(), options: { maxConcurrentProcesses?: number } = {}): SimpleGit {
  return simpleGit({ baseDir: dir, ...SIMPLE_GIT_OPTIONS, ...options }).env(env);
}

/**
 * Runs git in the repository with its output written to a temporary file (outside the repository), read back
 * once git exits: for a command that writes megabytes while this thread is busy parsing (a release's grep), which
 * through a pipe would stop each time the pipe is full until this thread drained it. Exit status 1 is git grep's
 * "nothing found" (what it printed is given); any other failure throws git's first line of error.
 * `patterns`: the pathspecs are read as patterns (`*.ts` names every TypeScript file, in any folder), for the
 * pathspecs the tool writes itself: never one from the command line or the repository, which stay literal.
 */
export async function gitToFile(repo: Repo, args: readonly string[], { patterns = false } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rollback-ready-git-'));
  const fd = openSync(join(dir, 'out'), 'w+');
  // Gone from the folder at once where the system allows it (git and this process keep the open file): nothing
  // is left behind, even when the process is killed. Elsewhere, removed once read.
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let removed = true;
  try {
    remove();
  } catch {
    removed = false;
  }
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const proc = spawn('git', [...args], {
        cwd: repo.dir,
        env: patterns ? { ...gitEnv(), GIT_LITERAL_PATHSPECS: '0' } : gitEnv(),
        stdio: ['ignore', fd, 'pipe'],
      });
      let stderr = '';
      proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      proc.on('error', fail);
      proc.on('close', (code) => done({ code, stderr }));
    });
    if (code !== 0 && code !== 1) {
      const error = stderr.split('\n').find((line) => line.trim() !== '' && !line.startsWith('hint:'));
      throw new Error(error?.trim() || `git ${args[0]} failed`);
    }
    const out = Buffer.alloc(fstatSync(fd).size);
    let at = 0;
    for (let got = 1; at < out.length && got > 0; at += got) got = readSync(fd, out, at, out.length - at, at);
    return out.toString('utf8', 0, at);
  } finally {
    closeSync(fd);
    if (!removed) remove();
  }
}

/** Opens the repository read-only. Nothing here or below ever writes to it. */
export async function openRepo(dir: string): Promise<Repo> {
  return (await openRepoWith(dir, [])).repo;
}

const SHA = /^[0-9a-f]{40,64}$/;

/**
 * Opens the repository and resolves commit refs in the same git process: every process spawned holds the
 * main thread for milliseconds. A ref that does not resolve comes back undefined (resolveCommit explains why).
 */
export async function openRepoWith(dir: string, refs: readonly string[]): Promise<{ repo: Repo; shas: (string | undefined)[] }> {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new UsageError(`--repo ${dir}: no such folder`, 'pass the path of a git repository');
  }
  // GIT_OPTIONAL_LOCKS=0 keeps read commands (status, diff) from refreshing the index.
  const git = gitIn(abs, gitEnv(), { maxConcurrentProcesses: 4 });
  const probe = ['rev-parse', '--is-bare-repository', '--is-shallow-repository'];
  const repo = (bare: string | undefined, shallow: string | undefined): Repo => ({
    dir: abs,
    git,
    bare: bare === 'true',
    shallow: shallow === 'true',
  });
  if (refs.length > 0 && refs.every(isSafeRef)) {
    try {
      // `--` after the revisions: none of them is ever read as a path.
      const [bare, shallow, ...shas] = (await git.raw([...probe, ...refs.map((ref) => `${ref}^{commit}`), '--'])).trim().split('\n');
      if (shas.length === refs.length + 1 && shas.slice(0, refs.length).every((sha) => SHA.test(sha))) {
        return { repo: repo(bare, shallow), shas: shas.slice(0, refs.length) };
      }
    } catch {
      // A ref that does not resolve, or not a repository: asked again one by one, for the exact error.
    }
  }
  let out: string;
  try {
    out = await git.raw(probe);
  } catch (error) {
    if (error instanceof Error && /not a git repository/i.test(error.message)) {
      throw new UsageError(`${dir} is not a git repository`, 'pass --repo with the path of a clone (bare clones work too)');
    }
    // A configuration git cannot parse (`bad config line 9 in file .git/config`): every command fails on it.
    const config =
      error instanceof Error
        ? /(?:bad|invalid) config\b.*|bad numeric config value.*|unknown repository format.*|repository format version.*/i.exec(
            error.message,
          )
        : null;
    if (config) throw new UsageError(`${dir}: git cannot read the repository (${config[0]})`, 'repair the file git names, then run again');
    throw error;
  }
  const [bare, shallow] = out.trim().split('\n');
  return { repo: repo(bare, shallow), shas: refs.map(() => undefined) };
}

/**
 * Runs git in the repository and gives its output as bytes, for output that holds paths: a path is bytes to
 * git, and decoding it as text would merge names that differ only in bytes that are not UTF-8 (see
 * path-bytes.ts). The bytes are taken from git's output stream as simple-git runs the command. Fails with git's
 * first line of error.
 */
export async function gitBytes(repo: Repo, args: readonly string[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const git = gitIn(repo.dir).outputHandler((_command, stdout) => stdout.on('data', (chunk: Buffer) => out.push(chunk)));
  try {
    await git.raw([...args]);
  } catch (error) {
    const message = error instanceof Error ? error.message.trim().split('\n')[0] : '';
    throw new Error(message || `git ${args[0]} failed`);
  }
  return Buffer.concat(out);
}
