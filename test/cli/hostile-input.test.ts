// Inputs that used to end in a stack trace, an "internal error" or a silent choice: each is now one line and
// exit 2 (or, for a reader that stops reading, a quiet end).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, buildRepo, cli, tempDir, type CliResult } from '../support/repo.js';

const many = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`docs/page-${i}.md`, `page ${i}\n`]));
const dir = buildRepo([
  { tree: { 'src/a.ts': 'export const a = 1;\n' }, tag: 'v1' },
  { tree: { 'src/a.ts': 'export const a = 2;\n', ...many }, tag: 'v2' },
]);
const range = ['--repo', dir, '--from', 'v2', '--to', 'v1'];

/** Exit 2 and exactly one line on stderr, with no internal error and nothing on stdout. */
function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).not.toMatch(/internal error|\n.+/);
  expect(result.stderr).toMatch(/^rollback-ready: .+\n$/);
  expect(result.stderr).toMatch(message);
}

/** Runs the CLI with its stdout on a pipe whose reader is gone before anything is written. */
function withClosedStdout(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
  });
}

describe('stdout that cannot be written', () => {
  it.each(['text', 'json'])('ends quietly with 0 when the reader has gone (%s, like `| head -c 10`)', async (format) => {
    const { code, stderr } = await withClosedStdout([...range, '--format', format]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('still ends with the gate code when the reader has gone', async () => {
    const { code, stderr } = await withClosedStdout([...range, '--format', 'json', '--max-score', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^rollback-ready: .*risk score/);
  });

  it('ends quietly with 0 under `| head -1` in a shell', () => {
    const run = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" "$@" | head -1; exit "\${PIPESTATUS[0]}"`, 'sh', ...range, '--format', 'json'],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toBe('{\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is one line and exit 2 on a full device (> /dev/full)', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" "$@" > /dev/full`, 'sh', ...range, '--format', 'json'], {
      encoding: 'utf8',
    });
    expectOneLineError({ code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }, /cannot write the output to stdout \(ENOSPC\)/);
  });
});

describe('arguments', () => {
  it.each([
    ['--from', ['--from', 'v2', '--from', 'v1', '--to', 'v1']],
    ['--format', ['--from', 'v2', '--to', 'v1', '--format', 'json', '--format=text']],
    ['--to', ['--from', 'v2', '--to', 'v1', '--to', 'v2']],
  ])('refuses %s given twice rather than keeping the last', (flag, args) => {
    expectOneLineError(cli(['--repo', dir, ...args]), new RegExp(`${flag} is given more than once`));
  });

  it.each([
    ['--format', ['--from', 'v2', '--to', 'v1', '--format', 'json\n::add-mask::x\u001b[31m']],
    ['--to', ['--from', 'v2', '--to', 'v1\nsecond line']],
    ['--fail-on', ['--from', 'v2', '--to', 'v1', '--fail-on', 'high\r\nforged: line']],
    ['--config', ['--from', 'v2', '--to', 'v1', '--config', '/no/such\nfile.json']],
    ['--bogus (an unknown option)', ['--from', 'v2', '--to', 'v1', '--bogus\nx']],
  ])('keeps the error about a %s holding a newline on one line', (_flag, args) => {
    const result = cli(['--repo', dir, ...args]);
    expectOneLineError(result, /⏎/);
    expect(result.stderr).not.toContain('\u001b');
  });
});

describe('configurations that used to be internal errors', () => {
  const configFile = (name: string, text: string) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };

  it.each([
    [
      'JSON nested 5,000 levels under a key',
      'deep.json',
      `{"ignore": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      /ignore\.0\.0\.0: is nested more than 32 levels deep/,
    ],
    [
      'JSON nested 5,000 levels in rule options',
      'deep-options.json',
      `{"rules": {"drop-table": {"options": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}}`,
      /is nested more than 32 levels deep/,
    ],
    ['YAML whose anchor holds its own alias', 'self.yaml', 'ignore: &x [*x]\n', /ignore\.0: contains itself/],
    [
      'YAML whose anchor holds its own alias in a map',
      'self-map.yaml',
      'rules:\n  drop-table:\n    options: &o\n      again: *o\n',
      /rules\.drop-table\.options\.again: contains itself/,
    ],
  ])('%s', (_what, name, text, message) => {
    expectOneLineError(cli([...range, '--config', configFile(name, text)]), message);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('refuses %s as a rule id (own properties only)', (id) => {
    const file = configFile('rules.json', `{"rules": {"${id}": "off"}}`);
    expectOneLineError(cli([...range, '--config', file]), new RegExp(`rules\\.${id}: no rule has this id`));
  });

  it('refuses __proto__ under rules in YAML too', () => {
    const file = configFile('rules.yaml', 'rules:\n  __proto__:\n    severity: off\n');
    expectOneLineError(cli([...range, '--config', file]), /rules\.__proto__: no rule has this id/);
  });
});

describe('repositories and paths that used to be internal errors', () => {
  it('says git cannot read a corrupt .git/config', () => {
    const broken = buildRepo([{ tree: { 'a.md': '1\n' }, tag: 'v1' }]);
    appendFileSync(join(broken, '.git', 'config'), '[core\n\tbroken = \n[[[\n');
    expectOneLineError(
      cli(['--repo', broken, '--to', 'v1']),
      /git cannot read the repository \(bad config line \d+ in file \.git\/config\)/,
    );
    expectOneLineError(cli(['--repo', broken]), /git cannot read the repository/);
  });

  it.each([':(glob)**', ':!src', ':(exclude)src', ':/'])('reads --scope %s as a path, never pathspec magic', (scope) => {
    expectOneLineError(cli([...range, '--scope', scope]), /--scope .*: no such path at v2/);
  });

  it('refuses init over a dangling symbolic link named like its file, and writes nothing', () => {
    const cwd = tempDir();
    symlinkSync('/nonexistent/target', join(cwd, 'rollback-ready.config.yaml'));
    expectOneLineError(cli(['init'], { cwd }), /rollback-ready\.config\.yaml \(a symbolic link\) already exists here/);
    expect(readdirSync(cwd)).toEqual(['rollback-ready.config.yaml']);
  });
});
