// The analysed repository's git configuration can name programs (signature verifiers, hooks, an fsmonitor, a
// pager, diff and filter drivers, transports, credential helpers). None of them may run, whatever command the
// tool is asked for: each program here leaves a marker file, and every run must leave none.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitEnv, NO_EXTERNAL_DIFF } from '../../src/git/repo.js';
import { localGitHubPerTest, runCli } from '../support/github-server.js';
import { configurePrograms, Markers, signedCommit, type SignatureKind } from '../support/hostile-git.js';
import { BIN, ROOT, buildRepo, cli, git, tempDir } from '../support/repo.js';

const DRIVER = join(ROOT, 'test', 'support', 'pty-drive.py');

const V1 = {
  '.gitattributes': '* diff=evil filter=evil\n',
  'README.md': '# shop\n',
  'migrations/001_users.sql': 'CREATE TABLE users (id int PRIMARY KEY, email text);\n',
  'src/users.ts': 'export function findUser(id: string) {\n  return { id, email: "a@example.com" };\n}\n',
  'src/legacy.ts': 'export const legacy = 1;\n'.repeat(20),
};
const V2 = {
  ...V1,
  'migrations/002_drop_users.sql': 'DROP TABLE users;\n',
  'src/users.ts': 'export function findUser(id: string) {\n  return { id };\n}\n',
  // A rename with an edit: rename detection reads both blobs.
  'src/legacy.ts': undefined,
  'src/renamed.ts': `${'export const legacy = 1;\n'.repeat(20)}export const more = 2;\n`,
};

function tree(map: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Two releases, v1 and v2, where v2 ends in commits signed three ways (OpenPGP, SSH, X.509), and a git config that
 * names a marker program for every key that can name one. HEAD is v2; the work tree is clean.
 */
function hostileRepo(markers: Markers): { dir: string; base: string; head: string } {
  const dir = buildRepo([
    { tree: tree(V1), tag: 'v1' },
    { tree: tree(V2), tag: 'v2' },
  ]);
  let head = git(dir, ['rev-parse', 'v2^{commit}']).trim();
  for (const kind of ['openpgp', 'ssh', 'x509'] as SignatureKind[]) head = signedCommit(dir, head, kind);
  git(dir, ['update-ref', 'refs/heads/main', head]);
  git(dir, ['tag', '-f', '-a', '-m', 'v2', 'v2', head]);
  configurePrograms(dir, markers);
  return { dir, base: git(dir, ['rev-parse', 'v1^{commit}']).trim(), head };
}

/** A person's terminal: no CI variables (the default would be the plain report), colours on. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  for (const name of Object.keys(env))
    if (name === 'NO_COLOR' || name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete env[name];
  return env;
}

const startGitHub = localGitHubPerTest();

describe('no program named in the analysed repository runs', () => {
  it('in any command: every format, the default target, --output, the changelog, init, the terminal review and comment', async () => {
    const markers = new Markers();
    const { dir, base, head } = hostileRepo(markers);
    // The programs are live: git itself, run as a user would, runs them.
    git(dir, ['log', '-1', 'v2']);
    expect(markers.fired()).toEqual(['gpg.x509.program']);
    rmSync(join(markers.dir, 'gpg.x509.program'));

    const server = await startGitHub({
      owner: 'acme',
      name: 'shop',
      pullRequests: [
        { number: 3, title: 'Drop users', baseRefName: 'main', headRefName: 'drop', baseRefOid: base, headRefOid: head, comments: [] },
      ],
      commits: [{ oid: head, pullRequests: [{ number: 3, title: 'Drop users', labels: ['migration'] }] }],
    });
    const github = ['--github-repo', 'acme/shop', '--api-url', server.url];
    const env = { GITHUB_TOKEN: 'ghs_programs0123456789' };

    for (const format of ['text', 'json', 'markdown', 'sarif', 'gitlab']) {
      const run = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/drop-table/);
    }
    const out = tempDir();
    const byDefault = await runCli(
      ['--repo', dir, '--format', 'json', '--output', `sarif=${join(out, 'r.sarif')}`, '--github-changelog', ...github],
      env,
    );
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(JSON.parse(byDefault.stdout).to.ref).toBe('v1');

    const init = cli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    for (const name of readdirSync(dir)) if (name.startsWith('rollback-ready.config')) rmSync(join(dir, name));

    // The terminal review: the picker lists the release tags, the review shows the analysis of the pick.
    const steps = [
      { wait: 'pick the release to roll back to' },
      { wait: '› v1' },
      { send: '\r' },
      { wait: 'Checklist' },
      { send: 'q' },
      { wait: 'Rollback review:' },
    ];
    const review = JSON.parse(
      execFileSync('python3', [DRIVER, '100', '30', JSON.stringify(steps), '--', process.execPath, BIN, '--repo', dir], {
        encoding: 'utf8',
        env: terminalEnv(),
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as { status: number; error: string | null; output: string };
    expect(review.error, review.output.slice(-1000)).toBeNull();

    const comment = await runCli(['comment', '--repo', dir, '--pr', '3', ...github], env);
    expect(comment.code, comment.stderr).toBe(0);
    expect(server.mutations.map((m) => m.name)).toEqual(['addComment']);

    expect(markers.fired()).toEqual([]);
  });

  it('in a partial clone missing its blobs: nothing is fetched through the configured transport', () => {
    const markers = new Markers();
    const source = buildRepo([
      { tree: tree(V1), tag: 'v1' },
      { tree: tree(V2), tag: 'v2' },
    ]);
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const clone = join(tempDir(), 'partial.git');
    git(ROOT, ['clone', '-q', '--bare', '--filter=blob:none', `file://${source}`, clone]);
    git(clone, ['config', 'remote.origin.url', 'ssh://git.example.invalid/shop.git']);
    git(clone, ['config', 'core.sshCommand', markers.program('core.sshCommand')]);
    git(clone, ['config', 'credential.helper', markers.program('credential.helper')]);
    git(clone, ['config', 'core.askPass', markers.program('core.askPass')]);
    const objects = readdirSync(join(clone, 'objects', 'pack')).sort();

    const run = cli(['--repo', clone, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    // The blobs are not there, so the changes are unread (a manual-review item), never fetched.
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('unclassified-change');
    expect(markers.fired()).toEqual([]);
    expect(readdirSync(join(clone, 'objects', 'pack')).sort()).toEqual(objects);
  });
});

interface Case {
  /** The configuration key that names the program (the repository's own, set to a marker program). */
  key: string;
  /** Other configuration the case needs, set before the key. */
  with?: Record<string, string>;
  /** Prepares what the command needs; returns the git command that would run the program. */
  command: (dir: string) => string[];
  input?: string;
  /** git only pages to a terminal. */
  terminal?: boolean;
}

const signed = (kind: SignatureKind) => (dir: string) => ['log', '-1', signedCommit(dir, git(dir, ['rev-parse', 'HEAD']).trim(), kind)];
const DIFF = () => ['diff', 'HEAD~', 'HEAD'];
const COMMIT = () => ['commit', '-q', '--allow-empty', '-m', 'hooked'];
const FILL = { command: () => ['credential', 'fill'], input: 'protocol=https\nhost=example.com\n\n' };
const SHOW_SIGNATURE = { 'log.showSignature': 'true' };

const CASES: Case[] = [
  { key: 'gpg.program', with: SHOW_SIGNATURE, command: signed('openpgp') },
  // A signature placeholder in a format verifies the signature whatever log.showSignature says.
  { key: 'gpg.openpgp.program', command: (dir) => [...signed('openpgp')(dir), '--format=%G?'] },
  {
    key: 'gpg.ssh.program',
    with: SHOW_SIGNATURE,
    command: (dir) => {
      writeFileSync(join(dir, '..', 'allowed'), '');
      git(dir, ['config', 'gpg.ssh.allowedSignersFile', join(dir, '..', 'allowed')]);
      return signed('ssh')(dir);
    },
  },
  { key: 'gpg.x509.program', with: SHOW_SIGNATURE, command: signed('x509') },
  { key: 'core.fsmonitor', command: () => ['ls-files', '-z', '--cached', '--others', '--exclude-standard'] },
  { key: 'core.hooksPath', command: COMMIT },
  { key: 'core.pager', command: () => ['log', '-1'], terminal: true },
  { key: 'pager.log', command: () => ['log', '-1'], terminal: true },
  { key: 'diff.external', command: DIFF },
  // Drivers named by `* diff=evil filter=evil` in the tree's .gitattributes, or by info/attributes.
  { key: 'diff.evil.command', command: DIFF },
  { key: 'diff.evil.textconv', command: () => ['log', '-p', '-1'] },
  {
    key: 'diff.other.textconv',
    command: (dir) => {
      writeFileSync(join(dir, '.git', 'info', 'attributes'), '* diff=other\n');
      return DIFF();
    },
  },
  // A diff that needs a file on disk (textconv) starts the long-running filter of an unchanged work-tree file.
  // (clean and smudge filters run only on work-tree files, which the tool never reads: the first test holds them.)
  { key: 'filter.evil.process', with: { 'diff.evil.textconv': 'cat' }, command: DIFF },
  { key: 'core.sshCommand', command: () => ['ls-remote', 'ssh://git.example.invalid/shop.git'] },
  { key: 'credential.helper', ...FILL },
  { key: 'credential.https://example.com.helper', ...FILL },
  { key: 'core.askPass', ...FILL },
];

/** The command as the tool runs it: its diff and log commands carry the options that keep drivers out. */
function asTheToolRunsIt(args: string[]): string[] {
  const [command, ...rest] = args;
  return command === 'diff' || command === 'log' ? [command, ...NO_EXTERNAL_DIFF, ...rest] : args;
}

function runGit(dir: string, args: string[], env: Record<string, string>, input?: string, terminal?: boolean): void {
  if (terminal) {
    execFileSync('python3', [DRIVER, '80', '24', '[]', '--', 'git', ...args], {
      cwd: dir,
      env: { ...env, TERM: 'xterm' },
      encoding: 'utf8',
    });
    return;
  }
  spawnSync('git', args, { cwd: dir, env, input: input ?? '', encoding: 'utf8' });
}

describe('git, run with the environment and options of the tool', () => {
  const twoCommits = () =>
    buildRepo([
      { tree: { '.gitattributes': '* diff=evil filter=evil\n', 'a.txt': 'one\n' } },
      { tree: { '.gitattributes': '* diff=evil filter=evil\n', 'a.txt': 'two\n' } },
    ]);

  function expectNoProgramRuns(dir: string, markers: Markers, args: string[], input?: string, terminal?: boolean): void {
    const home = tempDir();
    // Run as a user would, git runs the program: the case is live.
    runGit(dir, args, { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' }, input, terminal);
    expect(markers.fired().length).toBeGreaterThan(0);
    for (const marker of markers.fired()) rmSync(join(markers.dir, marker));

    runGit(dir, asTheToolRunsIt(args), { ...gitEnv(), HOME: home }, input, terminal);
    expect(markers.fired()).toEqual([]);
  }

  it.each(CASES)('runs no program named by $key', ({ key, with: other = {}, command, input, terminal }) => {
    const markers = new Markers();
    const dir = twoCommits();
    for (const [name, value] of Object.entries(other)) git(dir, ['config', name, value]);
    git(dir, ['config', key, key === 'core.hooksPath' ? markers.hooks(join(dir, '..', 'hooks')) : markers.program(key)]);
    expectNoProgramRuns(dir, markers, command(dir), input, terminal);
  });

  it('runs no hook of the git directory', () => {
    const markers = new Markers();
    const dir = twoCommits();
    markers.hooks(join(dir, '.git', 'hooks'));
    expectNoProgramRuns(dir, markers, COMMIT());
  });
});
