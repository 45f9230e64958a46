import chalk from 'chalk';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../src/model/report.js';
import { plain, renderReview, selected, settled } from '../../support/review-screen.js';
import { CONFIG, reviewReport, threeReleases } from '../../support/review.js';

const KEY = { up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', esc: '\u001b', enter: '\r' };
const SIZE = { columns: 80, rows: 24 };
const SGR_COLOR = /\u001b\[(?:3[0-7]|9[0-7]|38;)/;

let report: Report;
beforeAll(async () => {
  report = await reviewReport();
});

function review(options: { color?: boolean; size?: typeof SIZE | undefined; of?: Report } = {}) {
  return renderReview(options.of ?? report, { color: options.color ?? false, size: 'size' in options ? options.size : SIZE });
}

describe('review screen', () => {
  it('shows refs, shas, volume, verdict with a bar, the checklist with counts and the keys, within 80×24', () => {
    const { screen } = review();
    const lines = screen().split('\n');
    expect(lines[0]).toBe(`rollback-ready v3 (${report.from.sha.slice(0, 7)}) → v1 (${report.to.sha.slice(0, 7)})`);
    expect(lines[1]).toMatch(/^ CAUTION  risk \d+\/100 [█░]{12}  2 commits · 4 files · \+\d+ −\d+ lines$/);
    expect(lines[2]).toBe('Checklist  ✔ 7  ✖ 1  ? 1 (0 checked by hand)');
    expect(selected(screen())).toMatch(/^› i Why CAUTION: \+\d+ change-volume/);
    expect(screen()).toContain('  ✔ The older code can live with the database the release leaves behind');
    expect(screen()).toMatch(/ ✖ The release is small enough to reason about\s+1/);
    expect(screen()).toMatch(/ \? Every change was read and understood\s+3$/m);
    expect(screen()).toContain(' → Next step: roll back on heroku');
    expect(lines.at(-1)).toBe('↑↓ move  enter open  esc back  space tick  a accept  / filter  ? help  q quit');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('moves with ↓ ↑ and j k, and the details pane follows the selection', async () => {
    const { screen, press } = review();
    await settled();
    await press('j', 'j');
    expect(selected(screen())).toContain('Consumers of the running release keep their exported APIs');
    await press(KEY.down, KEY.down);
    expect(selected(screen())).toContain('Environment and config');
    await press('k');
    expect(selected(screen())).toContain('No HTTP endpoint');
    await press(KEY.up);
    expect(selected(screen())).toContain('Consumers');
    expect(screen()).toContain('no exported API the rollback removes or narrows');
  });

  it('opens an item with enter or → (findings with evidence) and goes back with ← or esc', async () => {
    const { screen, press } = review();
    await settled();
    for (let i = 0; i < 8; i++) await press('j');
    await press(KEY.enter);
    expect(screen()).toContain('row 9 of 11');
    expect(screen()).toContain('✖ The release is small enough to reason about');
    expect(screen()).toContain('MEDIUM   [release-volume]  .');
    expect(screen()).toMatch(/evidence: thresholds crossed: files 4 > 1/);
    expect(screen()).toContain('fix: Review the changelog');
    await press(KEY.left);
    expect(screen()).not.toContain('row 9 of 11');
    expect(selected(screen())).toContain('The release is small enough');
    await press('j', KEY.right);
    expect(screen()).toContain('row 10 of 11');
    expect(screen()).toContain('LOW      [unclassified-change]  docker/entry.unk');
    await press(KEY.esc);
    expect(screen()).not.toContain('row 10 of 11');
  });

  it('scrolls long details with j and k inside an item', async () => {
    const { screen, press } = review();
    await settled();
    for (let i = 0; i < 9; i++) await press('j');
    await press(KEY.enter);
    expect(screen()).toMatch(/↓ \d+ more lines?/);
    const top = screen();
    await press('j');
    expect(screen()).not.toBe(top);
    await press('k');
    expect(screen()).toBe(top);
  });

  it('ticks a manual item with space, and untick it again; pass and fail items cannot be ticked', async () => {
    const { screen, press, send, onQuit } = review();
    await settled();
    await press(' ');
    expect(screen()).toContain('only ? items are checked by hand');
    for (let i = 0; i < 9; i++) await press('j');
    await press(' ');
    expect(screen()).toContain('Checklist  ✔ 7  ✖ 1  ? 1 (1 checked by hand)');
    expect(selected(screen())).toMatch(/› ✔ Every change was read and understood\s+checked  3/);
    await press(KEY.enter);
    expect(screen()).toContain('checked by hand (space to undo)');
    await press(' ');
    expect(screen()).toContain('to check by hand: space marks it checked');
    await press(' ');
    send('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalled());
    expect(onQuit).toHaveBeenCalledTimes(1);
    expect([...onQuit.mock.calls[0]![0].checked]).toEqual(['review']);
    expect(onQuit.mock.calls[0]![0].accepted.size).toBe(0);
  });

  it('filters findings with /, applies with enter and cancels with esc', async () => {
    const { screen, press } = review();
    await settled();
    await press('/');
    expect(screen().split('\n').at(-1)).toContain('enter apply  esc cancel');
    await press('d', 'o', 'c', 'k', 'e', 'r', KEY.enter);
    expect(screen()).toContain('filter: docker');
    expect(screen()).toMatch(/Every change was read and understood\s+1\/3$/m);
    for (let i = 0; i < 9; i++) await press('j');
    await press(KEY.enter);
    expect(screen()).toContain('Findings: 1 of 3 match "docker"');
    expect(screen()).toContain('docker/entry.unk');
    expect(screen()).not.toContain('LOW      settings.unk');
    await press('/', 'x', KEY.esc);
    expect(screen()).toContain('filter: docker');
    await press('/', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', KEY.enter);
    expect(screen()).not.toContain('filter:');
    expect(screen()).toContain('Findings (3)');
  });

  it('shows help with ? and closes it with any key', async () => {
    const { screen, press } = review();
    await settled();
    await press('?');
    expect(screen()).toContain('Review keys');
    expect(screen()).toContain('  space           mark a ? item as checked by hand');
    await press('x');
    expect(screen()).not.toContain('Review keys');
    expect(selected(screen())).toContain('Why CAUTION');
  });

  it('quits with q from the list, the details and the help', async () => {
    for (const keys of [['q'], [KEY.enter, 'q'], ['?', 'q']]) {
      const { press, send, onQuit } = review();
      await settled();
      await press(...keys.slice(0, -1));
      send(keys.at(-1)!);
      await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    }
  });

  it('shows the platform next step, or how to get it', async () => {
    const { screen, press } = review();
    await settled();
    for (let i = 0; i < 10; i++) await press('j');
    await press(KEY.enter);
    expect(screen()).toContain('Roll back on heroku');
    expect(screen()).toContain(`$ heroku rollback <release of v1>`);
    expect(screen()).toContain('! Database migrations are never rolled back');

    const bare = await reviewReport(threeReleases(), { ...CONFIG, platform: undefined });
    const other = review({ of: bare });
    await settled();
    for (let i = 0; i < 10; i++) await other.press('j');
    expect(other.screen()).toContain('Next step (pass --platform for the exact command)');
    await other.press(KEY.enter);
    expect(other.screen()).toContain('Pass --platform gitops|convox|astronomer|octopus|kubernetes|heroku');
  });

  it('strips terminal control sequences that come from the repository', async () => {
    const { app, press } = review();
    await settled();
    await press('/', 'e', 'v', 'i', 'l', KEY.enter);
    for (let i = 0; i < 9; i++) await press('j');
    await press(KEY.enter);
    const raw = app.frames.join('');
    expect(plain(raw)).toContain('evilname.cfg');
    expect(raw).not.toContain('\u001b[2J');
  });

  it('re-lays out when the terminal is resized: side by side from 120 columns', async () => {
    const { app, screen } = review({ size: undefined });
    const stdout = app.stdout as unknown as { columns: number; rows: number; emit: (e: string) => void };
    Object.defineProperty(stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 24, configurable: true });
    stdout.emit('resize');
    await vi.waitFor(() => expect(screen().split('\n')[3]).toBe('─'.repeat(80)));
    expect(screen()).not.toMatch(/The older code can live with.*no migration in the release/);

    Object.defineProperty(stdout, 'columns', { value: 130, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: 40, configurable: true });
    stdout.emit('resize');
    await vi.waitFor(() => expect(screen().split('\n')[3]).toBe('─'.repeat(130)));
    expect(screen()).toMatch(/› i Why CAUTION: .* Why CAUTION — risk \d+\/100/);
    expect(screen().split('\n')).toHaveLength(39);
  });

  it('uses colour unless NO_COLOR is set (color=false)', () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      expect(review({ color: true }).app.lastFrame()).toMatch(SGR_COLOR);
      expect(review({ color: false }).app.lastFrame()).not.toMatch(SGR_COLOR);
    } finally {
      chalk.level = level;
    }
  });
});
