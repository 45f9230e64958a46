// The real binary in tmux, read as a person reads it: the screen tmux holds (capture-pane), at 80×24 and 140×40,
// typed at with send-keys. A tmux server of its own (its own socket) per test; it ends with the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, buildRepo, tempDir } from '../../support/repo.js';

const HAVE_TMUX = spawnSync('tmux', ['-V']).status === 0;
// CI installs tmux (.ci/run); there the test must run, not be skipped.
if (!HAVE_TMUX && process.env.CI) throw new Error('tmux is not installed: the terminal review cannot be tested end to end');

const servers: string[] = [];
afterEach(() => {
  for (const socket of servers.splice(0)) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The review running in a tmux pane of the given size; the pane stays readable after the program ends. */
function tmux(columns: number, rows: number, args: string[]) {
  const socket = `rollback-ready-test-${process.pid}-${servers.length}-${Date.now()}`;
  servers.push(socket);
  const conf = join(tempDir(), 'tmux.conf');
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
  // A person's terminal: no CI variables (they make the default the plain report), colour allowed.
  const command = ['env', '-u', 'CI', '-u', 'NO_COLOR', 'TERM=xterm-256color', process.execPath, BIN, ...args].map(quote).join(' ');
  const run = (...a: string[]) => execFileSync('tmux', ['-L', socket, '-f', conf, ...a], { encoding: 'utf8' });
  run('new-session', '-d', '-x', String(columns), '-y', String(rows), command);
  // Joined: a printed line the terminal wrapped reads as one (the review itself never wraps). With the history:
  // what scrolled off the top as well; tmux's "Pane is dead" line scrolls the wrap-up by one when the program ends.
  const screen = (joined = false, history = false) =>
    run('capture-pane', '-p', ...(joined ? ['-J'] : []), ...(history ? ['-S', '-'] : []), '-t', '0');
  return {
    screen,
    send: (...keys: string[]) => run('send-keys', '-t', '0', ...keys),
    type: (text: string) => run('send-keys', '-t', '0', '-l', text),
    pid: () => Number(run('display-message', '-p', '-t', '0', '#{pane_pid}').trim()),
    async waitFor(what: string | RegExp, { timeout = 20_000, joined = false, history = false } = {}): Promise<string> {
      const deadline = Date.now() + timeout;
      for (;;) {
        const shown = screen(joined, history);
        if (typeof what === 'string' ? shown.includes(what) : what.test(shown)) return shown;
        if (Date.now() > deadline) throw new Error(`not on the screen after ${timeout} ms: ${what}\n${shown}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

const widest = (screen: string) => Math.max(...screen.split('\n').map((l) => [...l].length));

// v1.0.0 → v1.2.0 drops a column (a ✖ item) and adds a file no analyzer reads (a ? item).
const app = (extra: Record<string, string>) => ({
  'migrations/001_users.sql': 'CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n',
  'src/users.ts': "export const columns = ['id', 'email'];\n",
  ...extra,
});
const repo = buildRepo([
  { tree: app({}), tag: 'v1.0.0', date: 1_700_000_000 },
  { tree: app({ 'README.md': '# app\n' }), tag: 'v1.1.0-rc.1', date: 1_700_050_000 },
  { tree: app({ 'README.md': '# app\n\nv1.1\n' }), tag: 'v1.1.0', date: 1_700_100_000 },
  {
    tree: app({
      'README.md': '# app\n\nv1.2\n',
      'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
      'deploy/settings.unk': 'x\n',
    }),
    tag: 'v1.2.0',
    date: 1_700_200_000,
  },
]);
const report = JSON.parse(
  execFileSync(process.execPath, [BIN, '--repo', repo, '--from', 'v1.2.0', '--to', 'v1.0.0', '--format', 'json'], { encoding: 'utf8' }),
);

describe.skipIf(!HAVE_TMUX)('the terminal review in tmux', () => {
  it('at 80×24: picks a release, accepts a ✖ item with a reason, ticks a ? item, and Ctrl-C ends with the wrap-up and the ack file', async () => {
    expect(report.checklist.find((i: { id: string }) => i.id === 'database').status).toBe('fail');
    const ack = join(tempDir(), 'ack.json');
    const t = tmux(80, 24, ['--repo', repo, '--from', 'v1.2.0', '--platform', 'heroku', '--ack-file', ack]);
    // The picker: prereleases hidden and said so; each release with its verdict, score and top finding.
    let shown = await t.waitFor(/v1\.0\.0 .*BLOCKED\s+\d+ [█░]{5}  drop-column: /);
    expect(shown).not.toContain('v1.1.0-rc.1');
    expect(shown).toContain('2 of 2 releases · 1 prerelease hidden (--tag-pattern shows them)');
    expect(widest(shown)).toBeLessThanOrEqual(80);
    t.send('j');
    await t.waitFor('› v1.0.0');
    t.send('Enter');
    shown = await t.waitFor('› i Why BLOCKED: ');
    expect(widest(shown)).toBeLessThanOrEqual(80);

    t.send('j');
    await t.waitFor('› ✖ The older code can live with the database');
    t.send('a');
    await t.waitFor('accept the risk, because: █');
    t.type('restored the column from the nightly backup');
    t.send('Enter');
    shown = await t.waitFor('(0 checked by hand, 1 accepted)');
    expect(shown).toMatch(/› ! The older code can live with the database.*accepted/);

    t.send('G');
    await t.waitFor('› → Next step');
    t.send('k');
    await t.waitFor('› ? Every change was read and understood');
    t.send('Space');
    await t.waitFor('(1 checked by hand, 1 accepted)');

    t.send('C-c');
    shown = await t.waitFor('Review written to', { joined: true, history: true });
    expect(shown).toContain('Accepted risks (1)');
    expect(shown).toContain(
      '! The older code can live with the database the release leaves behind — accepted: restored the column from the nightly backup',
    );
    expect(shown).toContain('Checked by hand (1)');
    expect(shown).toContain('$ heroku rollback <release of v1.0.0>');

    const record = JSON.parse(readFileSync(ack, 'utf8'));
    expect(record).toMatchObject({ to: { ref: 'v1.0.0' }, checkedByHand: 1, acceptedRisks: 1 });
    expect(record.items.find((i: { id: string }) => i.id === 'database')).toMatchObject({
      status: 'fail',
      state: 'accepted',
      reason: 'restored the column from the nightly backup',
    });
    expect(record.items.find((i: { id: string }) => i.id === 'review')).toMatchObject({ status: 'manual', state: 'checked' });
  });

  it('at 140×40: every checklist title whole, the details beside it up to the edge, rule ids whole', async () => {
    const t = tmux(140, 40, ['--repo', repo, '--from', 'v1.2.0', '--to', 'v1.0.0']);
    await t.waitFor('› i Why BLOCKED: ');
    t.send('j');
    const shown = await t.waitFor('[drop-column]  migrations/002_drop_email.sql:1');
    for (const item of report.checklist) expect(shown).toContain(item.title);
    expect(widest(shown)).toBeGreaterThan(120);
    expect(widest(shown)).toBeLessThanOrEqual(140);
    // The details begin right of the checklist (whose longest title is whole), at the top of the body.
    const first = shown.split('\n').find((l) => l.startsWith('  i Why BLOCKED'))!;
    expect(first).toMatch(/^ {2}i Why BLOCKED: .* ✖ The older code can live with the database the release/);
    expect(first.indexOf('✖ The older code')).toBeGreaterThanOrEqual(
      4 + 'The older code can live with the database the release leaves behind'.length,
    );
    t.send('q');
    await t.waitFor('Rollback review:', { history: true });
  });

  it('a SIGINT from outside ends the review like q, with the wrap-up', async () => {
    const t = tmux(80, 24, ['--repo', repo, '--from', 'v1.2.0', '--to', 'v1.0.0']);
    await t.waitFor('› i Why BLOCKED: ');
    process.kill(t.pid(), 'SIGINT');
    const shown = await t.waitFor('Passed by the analysis:', { history: true });
    expect(shown).toMatch(/^Rollback review: v1\.2\.0 \(\w{7}\) → v1\.0\.0/m);
  });

  it('says --to is newer than --from above the checklist', async () => {
    const t = tmux(80, 24, ['--repo', repo, '--from', 'v1.0.0', '--to', 'v1.2.0']);
    const shown = await t.waitFor('Checklist ');
    expect(shown.split('\n')[2]).toMatch(/^! --to is newer than --from: did you swap them\? v1\.2\.0 is 3 commits ahead/);
    t.send('q');
    await t.waitFor('Rollback review:', { history: true });
  });

  it('lists releases page by page: says how many there are, and lists more at the end', async () => {
    const many = buildRepo(
      Array.from({ length: 24 }, (_, i) => ({ tree: { 'a.md': `${i}\n` }, tag: `v1.${i}.0`, date: 1_700_000_000 + i * 1000 })),
    );
    const t = tmux(80, 30, ['--repo', many, '--from', 'v1.23.0']);
    let shown = await t.waitFor('20 of 23 releases, ↓ lists more');
    expect(shown).not.toContain('v1.2.0 ');
    t.send('End');
    shown = await t.waitFor('23 of 23 releases');
    t.send('End');
    shown = await t.waitFor('› v1.0.0');
    expect(shown).toContain('v1.2.0 ');
    t.send('q');
  });
});
