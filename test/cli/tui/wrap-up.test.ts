import { describe, expect, it } from 'vitest';
import { gitUser } from '../../../src/git/identity.js';
import { openRepo } from '../../../src/git/repo.js';
import { rollbackTargetList, rollbackTargets } from '../../../src/git/targets.js';
import { NO_MARKS, wrapUp, wrapUpText } from '../../../src/cli/tui/wrap-up.js';
import { buildRepo, git, repoState } from '../../support/repo.js';
import { reviewReport, threeReleases } from '../../support/review.js';

describe('wrap-up', () => {
  it('records each item as passed, failed, checked by hand or open, with who and when', async () => {
    const report = await reviewReport();
    const ack = wrapUp(
      report,
      { checked: new Set(['review']), accepted: new Map() },
      { name: 'Ann', email: 'ann@example.com' },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(ack).toMatchObject({
      user: { name: 'Ann', email: 'ann@example.com' },
      time: '2026-01-02T03:04:05.000Z',
      from: { ref: 'v3', sha: report.from.sha },
      to: { ref: 'v1', sha: report.to.sha },
      verdict: 'caution',
      checkedByHand: 1,
      acceptedRisks: 0,
      stillOpen: 1,
    });
    expect(ack.items.map((i) => [i.id, i.state])).toEqual([
      ['database', 'passed'],
      ['contracts', 'passed'],
      ['endpoints', 'passed'],
      ['config', 'passed'],
      ['dependencies', 'passed'],
      ['infrastructure', 'passed'],
      ['fixes', 'passed'],
      ['volume', 'failed'],
      ['review', 'checked'],
    ]);
    expect(wrapUp(report, NO_MARKS, {}, new Date()).items.at(-1)).toMatchObject({ id: 'review', state: 'open', findings: 3 });
  });

  it('records a risk accepted by hand as accepted, with its reason, apart from what was checked; it is no longer open', async () => {
    const report = await reviewReport();
    const marks = { checked: new Set(['review']), accepted: new Map([['volume', 'a batch of docs only: read them all']]) };
    const ack = wrapUp(report, marks, {}, new Date(0));
    expect(ack).toMatchObject({ checkedByHand: 1, acceptedRisks: 1, stillOpen: 0 });
    expect(ack.items.find((i) => i.id === 'volume')).toEqual({
      id: 'volume',
      title: 'The release is small enough to reason about',
      status: 'fail',
      state: 'accepted',
      reason: 'a batch of docs only: read them all',
      findings: 1,
    });
    expect(ack.items.filter((i) => i.reason !== undefined)).toHaveLength(1);
    // An accepted ? item is accepted, not checked, even if it was ticked too.
    expect(
      wrapUp(report, { checked: new Set(['review']), accepted: new Map([['review', 'known']]) }, {}, new Date(0)).items.at(-1),
    ).toMatchObject({ state: 'accepted', reason: 'known' });
    expect(wrapUpText(ack, report.rollback)).toContain(
      [
        'Checked by hand (1)',
        '  ✔ Every change was read and understood',
        'Accepted risks (1)',
        '  ! The release is small enough to reason about — accepted: a batch of docs only: read them all',
        'Still open (0): none',
      ].join('\n'),
    );
  });

  it('prints what was checked by hand, what is still open and the platform command', async () => {
    const report = await reviewReport();
    const text = wrapUpText(wrapUp(report, NO_MARKS, {}, new Date()), report.rollback);
    expect(text).toBe(
      [
        `Rollback review: v3 (${report.from.sha.slice(0, 7)}) → v1 (${report.to.sha.slice(0, 7)}) — CAUTION, risk ${report.riskScore}/100`,
        'Checked by hand (0): none',
        'Still open (2)',
        '  ✖ The release is small enough to reason about',
        '  ? Every change was read and understood',
        'Passed by the analysis: 7',
        'Roll back on heroku:',
        '  $ heroku releases',
        '  $ heroku rollback <release of v1>',
        '',
      ].join('\n'),
    );
  });
});

describe('rollback targets and the git user', () => {
  it('lists the releases the running one contains, newest first, with commits since, never itself or a later one', async () => {
    const dir = buildRepo([
      { tree: { 'a.txt': '1\n' }, tag: 'v1.0.0', date: 1_700_000_000 },
      { tree: { 'a.txt': '2\n' }, tag: 'v1.1.0', date: 1_700_100_000 },
      { tree: { 'a.txt': '3\n' }, tag: 'v1.2.0', date: 1_700_200_000 },
      { tree: { 'a.txt': '4\n' }, tag: 'v2.0.0', date: 1_700_300_000 },
    ]);
    const repo = await openRepo(dir);
    const from = git(dir, ['rev-parse', 'v1.2.0^{commit}']).trim();
    const targets = await rollbackTargets(repo, from);
    expect(targets.map((t) => [t.tag, t.commitsSince, t.date])).toEqual([
      ['v1.1.0', 1, 1_700_100_000],
      ['v1.0.0', 2, 1_700_000_000],
    ]);
    expect(await rollbackTargets(repo, from, 'v1.0.*')).toHaveLength(1);
  });

  it('leaves prereleases out unless a tag pattern asks, and lists the rest page by page', async () => {
    const dir = buildRepo([
      { tree: { 'a.txt': '1\n' }, tag: 'v1.0.0', date: 1_700_000_000 },
      { tree: { 'a.txt': '2\n' }, tag: 'v1.1.0-rc.1', date: 1_700_100_000 },
      { tree: { 'a.txt': '3\n' }, tag: 'v1.1.0', date: 1_700_200_000 },
      { tree: { 'a.txt': '4\n' }, tag: 'v1.2.0-beta.2', date: 1_700_300_000 },
      { tree: { 'a.txt': '5\n' }, tag: 'v1.2.0', date: 1_700_400_000 },
    ]);
    const repo = await openRepo(dir);
    const from = git(dir, ['rev-parse', 'v1.2.0^{commit}']).trim();
    const list = await rollbackTargetList(repo, from);
    expect(list.releases.map((t) => t.name)).toEqual(['v1.1.0', 'v1.0.0']);
    expect(list.prereleasesHidden).toBe(2);
    expect((await list.page(1, 5)).map((t) => [t.tag, t.commitsSince])).toEqual([['v1.0.0', 4]]);
    const asked = await rollbackTargetList(repo, from, { pattern: 'v*' });
    expect(asked.releases.map((t) => t.name)).toEqual(['v1.2.0-beta.2', 'v1.1.0', 'v1.1.0-rc.1', 'v1.0.0']);
    expect(asked.prereleasesHidden).toBe(0);
    expect((await asked.page(0, 2)).map((t) => t.tag)).toEqual(['v1.2.0-beta.2', 'v1.1.0']);
  });

  it("reads user.name and user.email from the analysed repository's config without writing anything", async () => {
    const dir = threeReleases();
    const before = repoState(dir);
    expect(await gitUser(await openRepo(dir))).toEqual({ name: 'Dev', email: 'dev@example.com' });
    expect(repoState(dir)).toBe(before);
  });
});
