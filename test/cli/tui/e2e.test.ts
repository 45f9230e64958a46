// The real binary in a real 80×24 pseudo-terminal, driven only with the keys the screen shows.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, buildRepo, tempDir } from '../../support/repo.js';

const DRIVER = join(ROOT, 'test', 'support', 'pty-drive.py');
const ENTER = '\r';
const LEFT = '\u001b[D';
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

type Step = { wait: string } | { send: string };

function terminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // A person's terminal: CI runs this test with CI=true, which would make the default the plain report.
  for (const name of Object.keys(env)) if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete env[name];
  return env;
}

function drive(steps: Step[], args: string[], env: Record<string, string> = {}) {
  const out = execFileSync(
    'python3',
    [
      DRIVER,
      '80',
      '24',
      JSON.stringify(steps),
      '--',
      'env',
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      process.execPath,
      BIN,
      ...args,
    ],
    {
      encoding: 'utf8',
      env: terminalEnv(),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as { output: string; status: number; error: string | null };
}

const app = (extra: Record<string, string>) => ({
  'src/db.ts': 'export const url = process.env.DATABASE_URL;\n',
  'src/users.ts': 'export function user(id: string) { return id; }\n',
  ...extra,
});

describe('the terminal review in a real terminal', () => {
  it('picks a release, opens every item, ticks the manual ones and quits with a summary', () => {
    const repo = buildRepo([
      { tree: app({ 'README.md': '# app\n' }), tag: 'v1.0.0', date: 1_700_000_000 },
      { tree: app({ 'README.md': '# app\n\nv1.1\n' }), tag: 'v1.1.0', date: 1_700_100_000 },
      {
        tree: app({ 'README.md': '# app\n\nv1.2\n', Dockerfile: 'FROM node:22\n', 'deploy/unknown.bin': 'x\n' }),
        tag: 'v1.2.0',
        date: 1_700_200_000,
      },
    ]);
    const ack = join(tempDir(), 'ack.json');

    // What the checklist holds, from the plain report of the same rollback.
    const report = JSON.parse(
      execFileSync(process.execPath, [BIN, '--repo', repo, '--from', 'v1.2.0', '--to', 'v1.0.0', '--format', 'json'], { encoding: 'utf8' }),
    );
    const items = report.checklist as { id: string; title: string; status: string }[];
    expect(items.some((i) => i.status === 'manual')).toBe(true);

    const steps: Step[] = [
      { wait: 'pick the release to roll back to' },
      { wait: '↑↓ jk move  enter pick' },
      { send: 'j' },
      { wait: '› v1.0.0' },
      { send: ENTER },
    ];
    steps.push({ wait: 'Checklist' }, { wait: '› i Why ' }, { send: 'j' });
    const mark = { pass: '✔', fail: '✖', manual: '?' } as Record<string, string>;
    const rows = items.length + 2;
    items.forEach((item, i) => {
      const row = `› ${mark[item.status]} ${item.title.slice(0, 40)}`;
      steps.push({ wait: row }, { send: ENTER }, { wait: `row ${i + 2} of ${rows}` }, { wait: item.title.slice(0, 40) });
      if (item.status === 'manual') steps.push({ send: ' ' }, { wait: 'checked by hand (space to undo)' });
      steps.push({ send: LEFT }, { wait: item.status === 'manual' ? `› ✔ ${item.title.slice(0, 40)}` : row }, { send: 'j' });
    });
    steps.push({ wait: '› → Next step' });
    steps.push(
      { send: ENTER },
      { wait: `row ${rows} of ${rows}` },
      { wait: 'Roll back on heroku' },
      { wait: 'heroku rollback' },
      { send: 'q' },
      { wait: 'Rollback review:' },
    );

    const run = drive(steps, ['--repo', repo, '--from', 'v1.2.0', '--platform', 'heroku', '--ack-file', ack]);
    expect(run.error, run.output.replace(ANSI, '').slice(-1500)).toBeNull();
    expect(run.status).toBe(0);

    const screen = run.output.replace(ANSI, '');
    const manual = items.filter((i) => i.status === 'manual');
    expect(screen).toContain(`Checked by hand (${manual.length})`);
    expect(screen).toContain('$ heroku rollback <release of v1.0.0>');
    // Every line drawn fits 80 columns (lines end at a newline or where the cursor moves or erases).
    for (const line of run.output.split(/\r?\n|\u001b\[\d*[ABGHJK]|\u001b\[\d+;\d+H/))
      expect([...line.replace(ANSI, '')].length, JSON.stringify(line)).toBeLessThanOrEqual(80);

    const record = JSON.parse(readFileSync(ack, 'utf8'));
    expect(record).toMatchObject({
      user: { name: 'Dev', email: 'dev@example.com' },
      from: { ref: 'v1.2.0' },
      to: { ref: 'v1.0.0' },
      checkedByHand: manual.length,
    });
    expect(record.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual(
      items.map((i) => [i.id, i.status === 'manual' ? 'checked' : i.status === 'pass' ? 'passed' : 'failed']),
    );
  });
});
