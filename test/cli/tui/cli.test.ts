import { describe, expect, it } from 'vitest';
import { cli } from '../../support/repo.js';
import { threeReleases } from '../../support/review.js';

describe('choosing the terminal review from the command line', () => {
  const repo = threeReleases();

  it('prints the plain text report, free of escape codes, when stdout is not a terminal', () => {
    const { code, stdout } = cli(['--repo', repo, '--from', 'v3', '--platform', 'heroku'], { env: { NO_COLOR: '' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rollback-ready .*: rolling back v3 \(\w{7}\) → v2 \(\w{7}\)/);
    expect(stdout).toContain('Roll back on heroku');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('refuses --format tui without a terminal, in one line with the fix', () => {
    const { code, stdout, stderr } = cli(['--repo', repo, '--from', 'v3', '--format', 'tui']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'rollback-ready: --format tui needs an interactive terminal (stdin and stdout) — run it in a terminal, or use another --format: text, json, markdown, sarif, gitlab\n',
    );
  });

  it('refuses --ack-file when the terminal review does not run', () => {
    const { code, stderr } = cli(['--repo', repo, '--from', 'v3', '--ack-file', 'ack.json', '--format', 'text']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--ack-file records the terminal review');
  });

  it('lists tui among the formats in help and errors', () => {
    expect(cli(['--help']).stdout.replace(/\s+/g, ' ')).toContain('tui (the interactive review, the default when stdout is a terminal');
    expect(cli(['--help']).stdout).toContain('--ack-file FILE');
    expect(cli(['--repo', repo, '--format', 'html']).stderr).toContain('use one of: text, json, markdown, sarif, gitlab, tui');
  });
});

describe('the default format in a pipeline', () => {
  it('treats CI, CONTINUOUS_INTEGRATION and CI_* like Ink does, so a pipeline with a terminal gets the plain report', async () => {
    const { inCi } = await import('../../../src/cli/commands/analyze.js');
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI_JOB_ID: '7' })).toBe(true);
    expect(inCi({ CONTINUOUS_INTEGRATION: '1' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0', CI_JOB_ID: '7' })).toBe(false);
    expect(inCi({ TERM: 'xterm' })).toBe(false);
  });
});
