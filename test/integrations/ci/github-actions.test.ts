import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, outputEntry, summaryOf } from '../../../src/integrations/ci/github-actions.js';
import { tempDir, twoReleases } from '../../support/repo.js';
import { run } from '../../support/run.js';

/** The files a GitHub runner gives a step, empty. */
function runnerFiles() {
  const dir = tempDir();
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), RUNNER_TEMP: dir };
  writeFileSync(files.GITHUB_OUTPUT, '');
  writeFileSync(files.GITHUB_STEP_SUMMARY, '');
  return files;
}

/** Parses $GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIM` heredocs. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

const commands = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('::'));

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    expect(annotation('error', 'line 1\nline 2 100%', { file: 'db/x,y:z.sql', line: 3, title: 'rule: a, b' })).toBe(
      '::error file=db/x%2Cy%3Az.sql,line=3,title=rule%3A a%2C b::line 1%0Aline 2 100%25',
    );
    expect(annotation('warning', 'm')).toBe('::warning::m');
    expect(annotation('notice', 'm', { line: 4, title: 't' })).toBe('::notice title=t::m');
  });

  it('writes outputs no value can break out of', () => {
    const entry = outputEntry('report-path', 'a\nverdict=safe');
    expect(parseOutputs(entry)).toEqual({ 'report-path': 'a\nverdict=safe' });
    expect(outputEntry('x', 'v')).not.toBe(outputEntry('x', 'v'));
  });
});

describe('the step summary', () => {
  it('is the whole report when it fits, and is cut at a line with a pointer to the full report when not', () => {
    expect(summaryOf('short\n', 100)).toBe('short\n');
    const long = [
      '# title',
      '<details><summary>x</summary>',
      ...Array.from({ length: 50 }, (_, i) => `- finding ${i} ü`),
      '</details>',
    ].join('\n');
    const cut = summaryOf(long, 600);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(600);
    expect(cut).toMatch(/- finding \d+ ü\n\n<\/details>\n\n\*\*The report is cut here: .* `report-path` output\.\*\*\n$/);
    expect(cut.startsWith('# title\n<details>')).toBe(true);
  });
});

describe('in GitHub Actions (GITHUB_ACTIONS=true)', () => {
  const release = twoReleases(
    { 'src/a.ts': 'export const a = 1;\n' },
    {
      'src/a.ts': 'export const a = 1;\n',
      'data/odd,na:me%.bin': Buffer.from([0, 1]),
      'data/new\nline.bin': Buffer.from([0, 2]),
      'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    },
  );
  const range = ['--from', 'v2', '--to', 'v1'];

  it('annotates every finding on stderr, escaped, one line each, and keeps stdout the report', () => {
    const files = runnerFiles();
    const { code, stdout, stderr } = run(['--repo', release, ...range, '--format', 'json'], { env: { GITHUB_ACTIONS: 'true', ...files } });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const lines = commands(stderr);
    expect(lines).toHaveLength(report.findings.length);
    expect(stderr.trim().split('\n')).toEqual(lines);
    expect(lines).toContain(
      '::notice file=data/odd%2Cna%3Ame%25.bin,title=rollback-ready unclassified-change (low)::data/odd,na:me%25.bin was not understood: binary content%0AFix: Read the change yourself before rolling back, or teach the tool the file kind in the config.',
    );
    expect(lines.some((l) => l.startsWith('::notice file=data/new%0Aline.bin,title='))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('::error file=migrations/002_drop_email.sql,line=1,title=rollback-ready drop-column (critical)::')),
    ).toBe(true);
  });

  it('appends the Markdown report to the step summary and writes verdict, risk-score and report-path', () => {
    const files = runnerFiles();
    writeFileSync(files.GITHUB_STEP_SUMMARY, 'earlier step\n');
    const { code } = run(['--repo', release, ...range], { env: { GITHUB_ACTIONS: 'true', ...files } });
    expect(code).toBe(0);
    const json = JSON.parse(run(['--repo', release, ...range, '--format', 'json']).stdout);
    const markdown = run(['--repo', release, ...range, '--format', 'markdown']).stdout;
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe(`earlier step\n${markdown}`);
    const outputs = parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    expect(outputs).toEqual({ verdict: json.verdict, 'risk-score': String(json.riskScore), 'report-path': expect.any(String) });
    expect(dirname(dirname(outputs['report-path']!))).toBe(files.RUNNER_TEMP);
    expect(JSON.parse(readFileSync(outputs['report-path']!, 'utf8'))).toEqual(json);
  });

  it('points report-path at the JSON report written with --output', () => {
    const files = runnerFiles();
    const file = join(files.RUNNER_TEMP, 'mine.json');
    run(['--repo', release, ...range, '--output', `json=${file}`], { env: { GITHUB_ACTIONS: 'true', ...files } });
    expect(parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8'))['report-path']).toBe(file);
  });

  it('annotates a failed gate as an error, or as a warning with --warn-only', () => {
    const files = runnerFiles();
    const env = { GITHUB_ACTIONS: 'true', ...files };
    const failed = run(['--repo', release, ...range, '--fail-on', 'low'], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^::error title=rollback-ready gate::gate failed: 4 findings at or above low — top: critical drop-column at migrations\/002_drop_email\.sql:1/m,
    );
    expect(failed.stderr.trim().split('\n').at(-1)).toMatch(/^rollback-ready: gate failed: /);
    const warned = run(['--repo', release, ...range, '--fail-on', 'low', '--warn-only'], { env });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/^::warning title=rollback-ready gate::gate failed: /m);
  });

  it('prefixes paths when the repository is a folder of the workspace, and caps annotations per kind', () => {
    const tree: Record<string, Buffer | string> = { 'a.md': '1\n' };
    for (let i = 0; i < 12; i++) tree[`bin/f${String(i).padStart(2, '0')}.bin`] = Buffer.from([0, i]);
    const many = twoReleases({ 'a.md': '1\n' }, tree);
    const { stderr } = run(['--repo', many, ...range], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dirname(many), ...runnerFiles() },
    });
    const lines = commands(stderr);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(new RegExp(`^::notice file=${basename(many)}/bin/f00\\.bin,title=`));
    expect(lines.at(-1)).toBe('::notice title=rollback-ready::2 more findings in the step summary and the report');
  });

  it('does nothing of the kind outside GitHub Actions', () => {
    const files = runnerFiles();
    const { stderr } = run(['--repo', release, ...range], { env: { GITHUB_ACTIONS: 'false', ...files } });
    expect(stderr).toBe('');
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('');
  });
});
