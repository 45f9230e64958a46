import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoState, tempDir, twoReleases } from '../support/repo.js';
import { run } from '../support/run.js';
import { sarifErrors } from '../support/sarif.js';

const release = twoReleases(
  { 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n' },
  {
    'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
    'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    'a.css': 'a {}\n',
  },
);
const range = ['--from', 'v2', '--to', 'v1'];

describe('--output FORMAT=FILE', () => {
  it('writes several formats from one analysis, with text on stdout', () => {
    const dir = tempDir();
    const sarif = join(dir, 'reports', 'rollback.sarif');
    const json = join(dir, 'rollback.json');
    const gitlab = join(dir, 'gl-code-quality.json');
    const { code, stdout } = run([
      '--repo',
      release,
      ...range,
      '--output',
      `sarif=${sarif}`,
      '--output',
      `json=${json}`,
      '--output',
      `gitlab=${gitlab}`,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rollback-ready .*: rolling back v2/);
    expect(sarifErrors(JSON.parse(readFileSync(sarif, 'utf8')))).toBe('');
    expect(readFileSync(json, 'utf8')).toBe(run(['--repo', release, ...range, '--format', 'json']).stdout);
    expect(JSON.parse(readFileSync(gitlab, 'utf8'))[0].location.path).toBe('migrations/002_drop_email.sql');
  });

  it('takes a relative FILE from the working directory and keeps "=" in the file name', () => {
    const dir = tempDir();
    expect(run(['--repo', release, ...range, '--output', 'markdown=a=b.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'a=b.md'), 'utf8')).toMatch(/^<!-- rollback-ready -->/);
  });

  it('writes the files before the gate fails, and still exits 1', () => {
    const file = join(tempDir(), 'r.json');
    const { code, stderr } = run(['--repo', release, ...range, '--fail-on', 'low', '--output', `json=${file}`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^rollback-ready: gate failed/);
    expect(JSON.parse(readFileSync(file, 'utf8')).findings.length).toBeGreaterThan(0);
  });

  describe('refuses, with exit 2 and nothing written', () => {
    const dir = tempDir();
    const cases: [string, string[], RegExp][] = [
      ['no FILE', ['--output', 'sarif'], /--output sarif: expected FORMAT=FILE — for example --output sarif=/],
      ['an empty FILE', ['--output', 'json='], /--output json=: expected FORMAT=FILE/],
      [
        'an unknown format',
        ['--output', `pdf=${join(dir, 'x.pdf')}`],
        /unknown format pdf — use one of: text, json, markdown, sarif, gitlab/,
      ],
      ['the same file twice', ['--output', `json=${join(dir, 'x')}`, '--output', `sarif=${join(dir, 'x')}`], /is named twice/],
      [
        'a file inside the git directory',
        ['--output', `json=${join(release, '.git', 'report.json')}`],
        /inside a git directory of the analysed repository/,
      ],
      [
        'a hook path inside the git directory',
        ['--output', `text=${join(release, '.git', 'hooks', 'post-checkout')}`],
        /inside a git directory of the analysed repository/,
      ],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const before = repoState(release);
      const { code, stdout, stderr } = run(['--repo', release, ...range, ...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(repoState(release)).toBe(before);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('a bare repository, which is all git directory', () => {
      const bare = join(tempDir(), 'bare.git');
      git(tempDir(), ['clone', '-q', '--bare', release, bare]);
      const { code, stderr } = run(['--repo', bare, ...range, '--output', `json=${join(bare, 'report.json')}`]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/inside a git directory of the analysed repository/);
      expect(existsSync(join(bare, 'report.json'))).toBe(false);
    });

    it('a file that cannot be written', () => {
      const blocked = join(tempDir(), 'is-a-folder');
      mkdirSync(blocked);
      const { code, stderr } = run(['--repo', release, ...range, '--output', `json=${blocked}`]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--output .*is-a-folder: cannot write \(EISDIR\) — choose a writable file path/);
    });
  });

  it('may write into the work tree (the user chose the path), never into .git', () => {
    const work = twoReleases({ 'a.md': '1\n' }, { 'a.md': '2\n' });
    const { code } = run(['--repo', work, ...range, '--output', 'sarif=rollback.sarif'], { cwd: work });
    expect(code).toBe(0);
    expect(existsSync(join(work, 'rollback.sarif'))).toBe(true);
  });

  it('takes no path from a ref', () => {
    const dir = tempDir();
    const { code } = run(['--repo', release, '--from', 'v2', `--to=--output=json=${join(dir, 'x.json')}`]);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
