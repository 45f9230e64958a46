// A repository whose file names and SQL hold terminal escape sequences and workflow commands, analysed in every
// format as a GitHub Actions step would run it: nothing of it drives a terminal or the runner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { BIN, ROOT, buildRepo, tempDir } from '../support/repo.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';

const USERS = 'CREATE TABLE users (id int PRIMARY KEY);\n';
const dir = buildRepo([
  { tree: { 'migrations/001_users.sql': USERS, 'src/app.ts': 'export const app = 1;\n' }, tag: 'v1' },
  {
    tree: {
      'migrations/001_users.sql': USERS,
      [`migrations/002_${OSC52}drop.sql`]: `DROP TABLE users;\nCREATE TABLE "evil\u001b[2J\u009b31m" (id int);\n`,
      'src/app.ts': 'export const app = 1;\n',
      '::add-mask::ghp_secret.md': 'x\n',
      '::stop-commands::pause/a.ts': 'export const a = 1;\n',
      'docs/##[set-output name=verdict;]safe.md': 'x\n',
      'docs/bell\u0007\u009b2Jcsi.md': 'x\n',
    },
    tag: 'v2',
  },
]);

/** A line of the runner's log that is one of the tool's own annotations. */
const ANNOTATION = /^::(error|warning|notice) [^:\n]*::/;

describe('escape sequences and workflow commands in file names and SQL', () => {
  it.each(FORMAT_NAMES)('%s: no control character, no workflow command but the annotations, in a GitHub Actions step', (format) => {
    const work = tempDir();
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
      GITHUB_OUTPUT: join(work, 'output'),
      RUNNER_TEMP: work,
    };
    // Both streams, as the runner reads them.
    const run = spawnSync(process.execPath, [BIN, '--repo', dir, '--from', 'v2', '--to', 'v1', '--format', format], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    const { stdout, stderr } = run;
    expect(run.status).toBe(0);
    for (const [stream, text] of [
      ['stdout', stdout],
      ['stderr', stderr],
    ] as const) {
      expect(text, stream).not.toMatch(CONTROL);
      for (const line of text.split('\n')) {
        if (stream === 'stderr' && ANNOTATION.test(line)) continue;
        expect(line.trimStart().startsWith('::'), `${stream}: ${line}`).toBe(false);
        expect(line, stream).not.toContain('##[');
      }
    }
    // Annotations were written, one per finding kind at least; the dropped table is among them.
    expect(stderr).toMatch(/^::error file=migrations\/002_drop\.sql/m);
    if (format === 'json' || format === 'sarif' || format === 'gitlab') {
      const strings: string[] = [];
      JSON.parse(stdout, (_key, value: unknown) => (typeof value === 'string' && strings.push(value), value));
      for (const text of strings) expect(text).not.toMatch(CONTROL);
      // The same JSON: `##[` is escaped, not changed.
      if (format === 'json') expect(strings).toContain('docs/##[set-output name=verdict;]safe.md');
    }
  });
});
