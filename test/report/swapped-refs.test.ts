// --to newer than --from: every format says so at its top.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { SWAPPED_REFS } from '../../src/model/report.js';
import { cli, twoReleases } from '../support/repo.js';
import { sarifErrors } from '../support/sarif.js';

// v1 is the older release, v2 the newer one (dropping a column).
const repo = twoReleases(
  { 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n' },
  {
    'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
    'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
  },
);
const swapped = ['--repo', repo, '--from', 'v1', '--to', 'v2'];
const right = ['--repo', repo, '--from', 'v2', '--to', 'v1'];
const format = (args: string[], name: string) => {
  const run = cli([...args, '--format', name]);
  expect(run.code).toBe(0);
  return run.stdout;
};

describe('--to newer than --from', () => {
  it('JSON: toIsDescendant, and the first note says it, instead of calling it a cross-branch rollback', () => {
    const report = JSON.parse(format(swapped, 'json'));
    expect(report).toMatchObject({ toIsAncestor: false, toIsDescendant: true });
    expect(report.notes[0]).toBe(
      `${SWAPPED_REFS} v2 is 1 commit ahead of v1 and lacks none of it, so this compares a move forward, not a rollback; --from is the release running now, --to the older release to roll back to`,
    );
    expect(report.notes.join(' ')).not.toMatch(/cross-branch/);
    const ok = JSON.parse(format(right, 'json'));
    expect(ok).toMatchObject({ toIsAncestor: true, toIsDescendant: false });
    expect(ok.notes.join(' ')).not.toContain(SWAPPED_REFS);
  });

  it('text: on the line under the title', () => {
    const lines = format(swapped, 'text').split('\n');
    expect(lines[1]).toMatch(new RegExp(`^WARNING: ${SWAPPED_REFS.replace(/[?]/g, '\\?')} v2 is 1 commit ahead of v1`));
    expect(lines.filter((l) => l.includes(SWAPPED_REFS))).toHaveLength(1);
    expect(format(right, 'text')).not.toContain('WARNING');
  });

  it('Markdown: a warning right under the heading, as GitHub renders it', () => {
    const html = micromark(format(swapped, 'markdown'), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    const afterHeading = html.split('</h2>')[1]!.trimStart();
    expect(afterHeading).toMatch(
      /^<blockquote>\n<p>\[!WARNING\]\n<strong>--to is newer than --from: did you swap them\?<\/strong> v2 is 1 commit ahead of v1/,
    );
  });

  it('SARIF: the run notification, as a warning, before the other notes', () => {
    const log = JSON.parse(format(swapped, 'sarif'));
    expect(sarifErrors(log)).toBe('');
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0]).toEqual({
      level: 'warning',
      message: { text: expect.stringMatching(/^--to is newer than --from: did you swap them\? /) },
    });
    expect(log.runs[0].properties.toIsDescendant).toBe(true);
    const ok = JSON.parse(format(right, 'sarif'));
    expect(ok.runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('GitLab Code Quality: the first issue', () => {
    const issues = JSON.parse(format(swapped, 'gitlab'));
    expect(issues[0]).toMatchObject({
      check_name: 'refs-swapped',
      severity: 'major',
      description: expect.stringMatching(/^--to is newer than --from: did you swap them\? /),
    });
    expect(issues[0].location.path).toBe('migrations/002_drop_email.sql');
    expect(JSON.parse(format(right, 'gitlab')).map((i: { check_name: string }) => i.check_name)).not.toContain('refs-swapped');
  });
});
