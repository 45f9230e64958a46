import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { openRepo } from '../../../src/git/repo.js';
import { rollbackTargets } from '../../../src/git/targets.js';
import type { Report } from '../../../src/model/report.js';
import { App, type Progress } from '../../../src/cli/tui/app.js';
import { CONFIG, threeReleases } from '../../support/review.js';
import { plain, settled } from '../../support/review-screen.js';
import type { Marks } from '../../../src/cli/tui/wrap-up.js';

const SIZE = { columns: 80, rows: 24 };
// Analyses run on real repositories; a loaded machine may need seconds.
const LONG = { timeout: 30_000 };

async function start(to?: string) {
  const repo = threeReleases();
  const opened = await openRepo(repo);
  const from = { ref: 'v3', sha: (await opened.git.revparse(['v3^{commit}'])).trim() };
  const targets = await rollbackTargets(opened, from.sha);
  const analysed: string[] = [];
  const analyze = (tag: string, onProgress: Progress): Promise<Report> => {
    analysed.push(tag);
    return analyzeRollback({ repo, from: 'v3', to: tag, config: CONFIG, onProgress });
  };
  const onQuit = vi.fn<(report: Report | undefined, marks: Marks) => void>();
  const app = render(
    <App from={from} {...(to ? { to } : {})} targets={targets} analyze={analyze} color={false} size={SIZE} onQuit={onQuit} />,
  );
  await settled();
  return { app, screen: () => plain(app.lastFrame()), analysed, onQuit, targets };
}

describe('release picker and app', () => {
  it('lists the releases newest first at once, usable before their verdicts arrive, which fill in one by one', async () => {
    const { app, screen, analysed } = await start();
    const first = plain(app.frames[0]);
    expect(first).toContain('rolling back v3 (');
    expect(first).toContain('pick the release to roll back to');
    expect(first).toMatch(/› v2\s+2023-11-16\s+1  /);
    expect(first).toMatch(/  v1\s+2023-11-14\s+2  …/);
    app.stdin.write('j');
    await vi.waitFor(() => expect(screen()).toMatch(/› v1/), LONG);
    // Each with its verdict, score and top finding: what rolling back to it mostly means.
    await vi.waitFor(() => expect(screen()).toMatch(/v2 .* CAUTION\s+\d+ [█░]{5}  release-volume: 1 commit/), LONG);
    await vi.waitFor(() => expect(screen()).toMatch(/v1 .* CAUTION\s+19 [█░]{5}  release-volume: 2 commits/), LONG);
    expect(analysed).toEqual(['v2', 'v1']);
    expect(screen().split('\n').at(-1)).toBe('↑↓ jk move  enter pick  ? help  q quit');
    expect(screen().split('\n').at(-3)).toBe('2 of 2 releases');
    expect(screen().split('\n')).toHaveLength(23);
  });

  it('picks with enter and shows the review of that rollback, reusing the background analysis', async () => {
    const { app, screen, analysed } = await start();
    await vi.waitFor(() => expect(screen()).toMatch(/v1 .* CAUTION/), LONG);
    app.stdin.write('j');
    await vi.waitFor(() => expect(screen()).toMatch(/› v1/), LONG);
    app.stdin.write('\r');
    await vi.waitFor(() => expect(screen()).toContain('Checklist  ✔ 7  ✖ 1  ? 1'), LONG);
    expect(screen()).toMatch(/^rollback-ready v3 \(\w{7}\) → v1 \(\w{7}\)/);
    expect(analysed).toEqual(['v2', 'v1']);
  });

  it('shows progress on one line while analysing a named target, and nothing of it once done', async () => {
    const { app, screen } = await start('v1');
    await vi.waitFor(() => expect(screen()).toContain('Checklist'), LONG);
    const progress = app.frames.map(plain).filter((f) => f.startsWith('Analysing the rollback to v1'));
    expect(progress.length).toBeGreaterThan(0);
    for (const frame of progress) expect(frame.split('\n')).toHaveLength(1);
    expect(progress.some((f) => /: (reading history|files|volume|[a-z ]+ \d+\/\d+)/.test(f))).toBe(true);
    expect(screen()).not.toContain('Analysing');
  });

  it('takes keys typed faster than a frame one by one', async () => {
    const { app, screen } = await start('v1');
    await vi.waitFor(() => expect(screen()).toContain('Checklist'), LONG);
    app.stdin.write('jjj\r');
    await vi.waitFor(() => expect(screen()).toContain('row 4 of 11'), LONG);
  });

  it('takes enter typed before the terminal went raw (a newline) as enter', async () => {
    const { app, screen } = await start();
    app.stdin.write('\n');
    await vi.waitFor(() => expect(screen()).toContain('Checklist'), LONG);
    expect(screen()).toMatch(/→ v2 \(/);
  });

  it('shows help with ? in the picker and quits with q, with nothing reviewed', async () => {
    const { app, screen, onQuit } = await start();
    app.stdin.write('?');
    await vi.waitFor(() => expect(screen()).toContain('Picker: ↑ ↓ move, PgUp PgDn page, enter picks'), LONG);
    app.stdin.write('x');
    await vi.waitFor(() => expect(screen()).toContain('› v2'), LONG);
    app.stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1), LONG);
    expect(onQuit.mock.calls[0]![0]).toBeUndefined();
  });

  it('hands the reviewed report and the ticks to onQuit', async () => {
    const { app, screen, onQuit } = await start('v1');
    await vi.waitFor(() => expect(screen()).toContain('Checklist'), LONG);
    app.stdin.write('jjjjjjjjj');
    await vi.waitFor(() => expect(screen()).toMatch(/› \? Every change/), LONG);
    app.stdin.write(' ');
    await vi.waitFor(() => expect(screen()).toContain('(1 checked by hand)'), LONG);
    app.stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1), LONG);
    const [report, marks] = onQuit.mock.calls[0]!;
    expect(report?.to.ref).toBe('v1');
    expect([...marks.checked]).toEqual(['review']);
  });
});
