// The tool never writes into the analysed repository's git directories: not through a linked work tree, not onto
// a `.git` link file, not through a symbolic link, whatever the file (report, review record, starter config,
// GitHub Actions files). Each refusal is one line and exit 2, and the repository is left as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, buildRepo, cli, git, repoState, tempDir } from '../support/repo.js';

const DRIVER = join(ROOT, 'test', 'support', 'pty-drive.py');

const tree = (n: number) => ({ 'src/a.ts': `export const a = ${n};\n`, 'README.md': '# shop\n' });

/** A repository (v1, v2) with a linked work tree `wt` beside it on branch `side`. */
function withWorktree(): { main: string; wt: string } {
  const main = buildRepo([
    { tree: tree(1), tag: 'v1' },
    { tree: tree(2), tag: 'v2' },
  ]);
  const wt = join(main, '..', 'wt');
  git(main, ['worktree', 'add', '-q', '-b', 'side', wt, 'v2']);
  return { main, wt };
}

const analyse = (repo: string, ...args: string[]) => cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json', ...args]);

function expectRefused(result: { code: number; stdout: string; stderr: string }, flag: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      new RegExp(`^rollback-ready: ${flag} .*: (inside a git directory of the analysed repository|a \\.git folder or link file)`),
    ),
  ]);
}

describe('--output never lands in a git directory', () => {
  it('of the main repository, reached from a linked work tree', () => {
    const { main, wt } = withWorktree();
    const before = repoState(main);
    const head = readFileSync(join(main, '.git', 'HEAD'), 'utf8');
    expectRefused(analyse(wt, '--output', `json=${join(main, '.git', 'HEAD')}`), '--output');
    expectRefused(analyse(wt, '--output', `json=${join(main, '.git', 'rollback-ready.json')}`), '--output');
    expect(readFileSync(join(main, '.git', 'HEAD'), 'utf8')).toBe(head);
    expect(existsSync(join(main, '.git', 'rollback-ready.json'))).toBe(false);
    expect(repoState(main)).toBe(before);
  });

  it('onto the .git link file of this or another work tree', () => {
    const { main, wt } = withWorktree();
    const link = readFileSync(join(wt, '.git'), 'utf8');
    expectRefused(analyse(wt, '--output', `json=${join(wt, '.git')}`), '--output');
    expectRefused(analyse(main, '--output', `json=${join(wt, '.git')}`), '--output');
    expect(readFileSync(join(wt, '.git'), 'utf8')).toBe(link);
    expect(git(wt, ['status', '--porcelain'])).toBe('');
  });

  it('into the gitdir of another work tree', () => {
    const { main, wt } = withWorktree();
    const other = join(main, '..', 'other');
    git(main, ['worktree', 'add', '-q', '-b', 'other', other, 'v1']);
    expectRefused(analyse(other, '--output', `json=${join(main, '.git', 'worktrees', 'wt', 'HEAD')}`), '--output');
    expect(git(wt, ['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('side');
  });

  it('through a symbolic link the repository holds, or a dangling one', () => {
    const dir = buildRepo([
      { tree: tree(1), tag: 'v1' },
      { tree: { ...tree(2), reports: { symlink: '.git' } }, tag: 'v2' },
    ]);
    symlinkSync(join(dir, '.git', 'new-file'), join(dir, 'out.json'));
    const before = repoState(dir);
    expectRefused(analyse(dir, '--output', `sarif=${join(dir, 'reports', 'config')}`), '--output');
    expectRefused(analyse(dir, '--output', `json=${join(dir, 'out.json')}`), '--output');
    expect(existsSync(join(dir, '.git', 'new-file'))).toBe(false);
    expect(repoState(dir)).toBe(before);
  });

  it('onto any .git in a path, such as a submodule link', () => {
    const dir = buildRepo([
      { tree: tree(1), tag: 'v1' },
      { tree: tree(2), tag: 'v2' },
    ]);
    expectRefused(analyse(dir, '--output', `json=${join(dir, 'vendor', 'lib', '.git')}`), '--output');
  });

  it('into a bare repository', () => {
    const dir = buildRepo([
      { tree: tree(1), tag: 'v1' },
      { tree: tree(2), tag: 'v2' },
    ]);
    const bare = join(tempDir(), 'bare.git');
    git(ROOT, ['clone', '-q', '--bare', dir, bare]);
    expectRefused(analyse(bare, '--output', `json=${join(bare, 'refs', 'x.json')}`), '--output');
  });

  it('but is written in the work tree and elsewhere', () => {
    const { wt } = withWorktree();
    const out = join(tempDir(), 'out.sarif');
    const result = analyse(wt, '--output', `json=${join(wt, 'reports', 'r.json')}`, '--output', `sarif=${out}`);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(wt, 'reports', 'r.json'), 'utf8')).verdict).toBeDefined();
    expect(existsSync(out)).toBe(true);
  });
});

describe('other files the tool writes', () => {
  it('--ack-file, the record of the terminal review, is refused anywhere in .git before the review starts', () => {
    const { main, wt } = withWorktree();
    const config = readFileSync(join(main, '.git', 'config'), 'utf8');
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    for (const name of Object.keys(env)) if (name === 'NO_COLOR' || name === 'CI' || name.startsWith('CI_')) delete env[name];
    const steps = [
      { wait: 'pick the release to roll back to' },
      { send: '\r' },
      { wait: 'Checklist' },
      { send: 'q' },
      { wait: 'Rollback review:' },
    ];
    const run = JSON.parse(
      execFileSync(
        'python3',
        [
          DRIVER,
          '100',
          '30',
          JSON.stringify(steps),
          '--',
          process.execPath,
          BIN,
          '--repo',
          wt,
          '--from',
          'v2',
          '--ack-file',
          join(main, '.git', 'config'),
        ],
        { encoding: 'utf8', env },
      ),
    ) as { status: number; output: string };
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/rollback-ready: --ack-file .*config: inside a git directory of the analysed repository/);
    expect(readFileSync(join(main, '.git', 'config'), 'utf8')).toBe(config);
  });

  it('the GitHub Actions step summary and outputs', () => {
    const dir = buildRepo([
      { tree: tree(1), tag: 'v1' },
      { tree: tree(2), tag: 'v2' },
    ]);
    const before = repoState(dir);
    const result = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, '.git', 'description') },
    });
    expectRefused(result, 'GITHUB_STEP_SUMMARY');
    const output = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, '.git', 'config') },
    });
    expectRefused(output, 'GITHUB_OUTPUT');
    expect(repoState(dir)).toBe(before);
  });

  it('init, run inside a git directory', () => {
    const dir = buildRepo([{ tree: tree(1), tag: 'v1' }]);
    const inside = join(dir, '.git', 'info');
    mkdirSync(inside, { recursive: true });
    const result = cli(['init'], { cwd: inside });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^rollback-ready: init: writing .*rollback-ready\.config\.yaml: inside a git directory of the analysed repository/,
    );
    expect(existsSync(join(inside, 'rollback-ready.config.yaml'))).toBe(false);
  });
});
