// The review as an on-call engineer uses it: why the verdict, every note (swapped refs first), paging keys,
// accepting a known risk with a reason, no ticking a hundred files with one key, Ctrl-C, and the width used.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import type { Report } from '../../../src/model/report.js';
import { CONFIRM_TICK_OVER } from '../../../src/cli/tui/review.js';
import { renderReview, selected, settled } from '../../support/review-screen.js';
import { oneLine } from '../../../src/util/sanitize.js';
import { twoReleases } from '../../support/repo.js';
import { CONFIG, reviewReport, threeReleases } from '../../support/review.js';

const KEY = {
  enter: '\r',
  esc: '\u001b',
  left: '\u001b[D',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
  backspace: '\u007f',
};

function review(report: Report, size = { columns: 80, rows: 24 }) {
  const shown = renderReview(report, { size });
  return { ...shown, type: async (text: string) => shown.press(...text) };
}

let report: Report;
let swapped: Report;
let unread: Report;
beforeAll(async () => {
  report = await reviewReport();
  // The same releases with --from and --to the wrong way round.
  swapped = await analyzeRollback({ repo: threeReleases(), from: 'v1', to: 'v3', config: CONFIG });
  // One ? item with more findings than one key may sign off: twelve files no analyzer reads.
  const many = Object.fromEntries(Array.from({ length: CONFIRM_TICK_OVER + 2 }, (_, i) => [`data/blob-${i}.unk`, `${i}\n`]));
  unread = await analyzeRollback({ repo: twoReleases({ 'a.md': '1\n' }, { 'a.md': '1\n', ...many }), from: 'v2', to: 'v1', config: {} });
});

describe('why the verdict', () => {
  it('opens on a first row with the score terms, whose details give each term with its reason, the notes and the config', async () => {
    const { screen, press } = review(report, { columns: 80, rows: 40 });
    await settled();
    const terms = [...report.scoreBreakdown].sort((a, b) => b.points - a.points);
    expect(terms.length).toBeGreaterThan(1);
    expect(selected(screen()).trimEnd()).toBe(`› i Why CAUTION: ${terms.map((t) => `+${t.points} ${t.category}`).join(' · ')}`);
    await press(KEY.enter);
    const shown = screen().replace(/\n +/g, ' ');
    expect(screen()).toContain(`Why CAUTION — risk ${report.riskScore}/100`);
    for (const term of terms) expect(shown).toContain(`+${term.points} ${term.category} ${term.reason.slice(0, 30)}`);
    expect(screen()).toContain('config: given by the caller');
  });

  it('shows swapped refs above the checklist, and every note whole in the first row', async () => {
    expect(swapped.notes.length).toBeGreaterThan(0);
    const { screen, press } = review(swapped, { columns: 80, rows: 40 });
    await settled();
    const lines = screen().split('\n');
    expect(lines[2]).toMatch(/^! --to is newer than --from: did you swap them\? v3 is 2 commits ahead of v1 .*…$/);
    expect([...lines[2]!].length).toBe(80);
    expect(lines[3]).toMatch(/^Checklist /);
    await press(KEY.enter);
    const shown = screen().replace(/\n +/g, ' ');
    expect(shown).toContain(`Notes (${swapped.notes.length})`);
    for (const note of swapped.notes) expect(shown).toContain(note.slice(0, 120));
  });

  it('lists every note in the header, one line each, and folds what does not fit into a count', async () => {
    const noted: Report = { ...report, notes: ['first note', 'second note', 'third note', 'fourth note'] };
    const { screen } = review(noted);
    await settled();
    const lines = screen().split('\n');
    expect(lines.slice(2, 6)).toEqual([
      'note: first note',
      'note: second note',
      '+2 more notes: see the first row',
      expect.stringMatching(/^Checklist /),
    ]);
    expect(selected(screen())).toContain('· 4 notes');
  });
});

describe('keys for long lists and long items', () => {
  it('PgDn PgUp, Home End, g G and ctrl-d ctrl-u move through an open item by pages', async () => {
    const { screen, press } = review(unread);
    await settled();
    await press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    expect(selected(screen())).toContain('Every change was read and understood');
    await press(KEY.enter);
    const top = screen();
    expect(top).toMatch(/↓ \d+ more lines/);
    const more = Number(/↓ (\d+) more lines/.exec(top)![1]);
    await press(KEY.pageDown);
    // 23 rows drawn: 3 of header, 2 rules, the status line.
    const page = 23 - 3 - 2 - 1;
    expect(screen()).toContain(more - page > 0 ? `↓ ${more - page} more line` : '↑ scrolled');
    await press(KEY.pageUp);
    expect(screen()).toBe(top);
    await press(KEY.ctrlD);
    expect(screen()).toContain(`↓ ${more - Math.floor(page / 2)} more line`);
    await press(KEY.ctrlU);
    expect(screen()).toBe(top);
    await press(KEY.end);
    expect(screen()).toContain('↑ scrolled');
    expect(screen()).toContain(`data/blob-9.unk`);
    await press(KEY.home);
    expect(screen()).toBe(top);
    await press('G');
    expect(screen()).toContain('↑ scrolled');
    await press('g');
    expect(screen()).toBe(top);
  });

  it('Home and End, g and G go to the first and last row of the checklist', async () => {
    const { screen, press } = review(report);
    await settled();
    await press(KEY.end);
    expect(selected(screen())).toContain('→ Next step');
    await press(KEY.home);
    expect(selected(screen())).toContain('Why CAUTION');
    await press('G', 'g', 'j', 'j', KEY.ctrlD);
    expect(selected(screen())).toContain('The fixes and security patches the rollback takes back are known');
    await press(KEY.ctrlU);
    expect(selected(screen())).toContain('Consumers of the running release');
    await press(KEY.pageDown);
    expect(selected(screen())).toContain('→ Next step');
    await press(KEY.pageUp);
    expect(selected(screen())).toContain('Why CAUTION');
  });

  it('ctrl-c quits like q, handing over what was marked', async () => {
    const { press, app, onQuit } = review(report);
    await settled();
    await press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', ' ');
    app.stdin.write(KEY.ctrlC);
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    expect([...onQuit.mock.calls[0]![0].checked]).toEqual(['review']);
  });
});

describe('accepting a known risk', () => {
  it('a on a ✖ item asks for a reason, refuses an empty one, and records it as accepted, apart from ticks', async () => {
    const { screen, press, type, app, onQuit } = review(report);
    await settled();
    await press('a');
    expect(screen().split('\n').at(-1)).toBe('only ✖ and ? items can be accepted as a known risk');
    await press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    expect(selected(screen())).toContain('✖ The release is small enough');
    await press('a');
    expect(screen().split('\n').at(-1)).toBe('accept the risk, because: █  enter saves  esc cancels');
    await press(KEY.enter);
    expect(screen().split('\n').at(-1)).toBe('accept the risk, because: █  a reason is needed: a false positive? a known risk?');
    await type('docs onlyx');
    await press(KEY.backspace);
    expect(screen().split('\n').at(-1)).toBe('accept the risk, because: docs only█  enter saves  esc cancels');
    await press(KEY.enter);
    expect(selected(screen())).toMatch(/^› ! The release is small enough to reason about\s+accepted  1/);
    expect(screen()).toContain('Checklist  ✔ 7  ✖ 1  ? 1 (0 checked by hand, 1 accepted)');
    expect(screen()).toContain('accepted as a known risk: docs only (a withdraws it)');
    // Withdrawn, and accepted again; esc cancels a reason.
    await press('a');
    expect(selected(screen())).toMatch(/^› ✖ The release is small/);
    await press('a', 'x', KEY.esc);
    expect(selected(screen())).toMatch(/^› ✖ The release is small/);
    await press('a');
    await type('known, one batch of docs');
    await press(KEY.enter);
    app.stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    expect([...onQuit.mock.calls[0]![0].accepted]).toEqual([['volume', 'known, one batch of docs']]);
    expect(onQuit.mock.calls[0]![0].checked.size).toBe(0);
  });

  it('takes a reason typed faster than a frame whole', async () => {
    const { screen, press, app } = review(report);
    await settled();
    await press('G', 'k', 'k', 'a');
    app.stdin.write('already read\r');
    await vi.waitFor(() => expect(screen()).toContain('accepted as a known risk: already read'));
  });

  it('asks before ticking a ? item with more than a few findings at once', async () => {
    const { screen, press } = review(unread);
    await settled();
    await press('G', 'k');
    expect(selected(screen())).toMatch(/\? Every change was read and understood\s+12$/);
    await press(' ');
    expect(screen().split('\n').at(-1)).toBe('tick all 12 findings as checked by hand? y: yes, any other key: no');
    await press('n');
    expect(screen()).toContain('not ticked');
    expect(selected(screen())).toMatch(/\? Every change/);
    await press(' ', 'y');
    expect(selected(screen())).toMatch(/✔ Every change was read and understood\s+checked  12/);
    // Unticking needs no question.
    await press(' ');
    expect(selected(screen())).toMatch(/\? Every change/);
  });

  it('ticks a ? item with few findings at once', async () => {
    const { screen, press } = review(report);
    await settled();
    await press('G', 'k', ' ');
    expect(selected(screen())).toMatch(/✔ Every change was read and understood\s+checked  3/);
  });
});

describe('width', () => {
  it('at 140 columns shows every checklist title and rule id whole, and gives the details the rest', async () => {
    const { screen, press } = review(report, { columns: 140, rows: 40 });
    await settled();
    for (const item of report.checklist) expect(screen()).toContain(item.title);
    await press('G', 'k');
    const lines = screen().split('\n');
    for (const f of report.findings.filter((f) => f.checklistId === 'review'))
      expect(screen()).toContain(`[${f.ruleId}]  ${oneLine(f.path)}`);
    // The details start right of the longest title and run to the edge.
    const detail = lines.find((l) => l.includes('[unclassified-change]'))!;
    expect(detail.indexOf('LOW')).toBeLessThan(84);
    expect(Math.max(...lines.map((l) => [...l].length))).toBe(140);
  });

  it('at 80 columns draws no line wider than the terminal', async () => {
    const { screen, press } = review(swapped);
    await settled();
    for (const keys of [[], [KEY.enter], [KEY.left, 'j', 'j', 'j', 'j', 'j', 'j', 'j', KEY.enter]]) {
      await press(...keys);
      for (const line of screen().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });
});
