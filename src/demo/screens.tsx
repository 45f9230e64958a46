// The terminal review's screens for the docs: the same App the CLI runs, on a real analysis of the sample,
// drawn at 80×24 without colour (ink-testing-library), after the keys the marker names.
import { render } from 'ink-testing-library';
import { analyzeRollback } from '../engine/analyze.js';
import { gitUser } from '../git/identity.js';
import { resolveCommit } from '../git/refs.js';
import { openRepo } from '../git/repo.js';
import { rollbackTargetList } from '../git/targets.js';
import type { Report } from '../model/report.js';
import { App } from '../cli/tui/app.js';
import { wrapUp, wrapUpText, type Marks } from '../cli/tui/wrap-up.js';

const SIZE = { columns: 80, rows: 24 };
const KEYS: Record<string, string> = {
  enter: '\r',
  space: ' ',
  esc: '\u001b',
  left: '\u001b[D',
  right: '\u001b[C',
  up: '\u001b[A',
  down: '\u001b[B',
};
const ANSI = /\u001b\[[0-9;]*m/g;

/** `--from`, `--to` and `--platform` of a screen marker, as the CLI reads them. */
function flags(args: readonly string[], where: string): { from: string; to?: string; platform?: string } {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, '');
    if (!['from', 'to', 'platform'].includes(name) || args[i + 1] === undefined)
      throw new Error(`${where}: a screen takes --from, --to and --platform only`);
    out[name] = args[i + 1]!;
  }
  return { from: out.from ?? 'HEAD', ...(out.to ? { to: out.to } : {}), ...(out.platform ? { platform: out.platform } : {}) };
}

/**
 * The screen after `keys` (names such as `j`, `enter`, `space`, `q`), once every analysis has settled.
 * Ending with `q` gives the wrap-up the CLI prints instead (its record time is left out of the text).
 */
export async function renderScreen(repoDir: string, args: readonly string[], keys: readonly string[], where: string): Promise<string> {
  const { from, to, platform } = flags(args, where);
  const repo = await openRepo(repoDir);
  const fromSha = await resolveCommit(repo, from, '--from');
  const list = to === undefined ? await rollbackTargetList(repo, fromSha) : undefined;
  const targets = list ? await list.page(0, 20) : [];
  let pending = 0;
  const failures: string[] = [];
  const analyze = async (target: string): Promise<Report> => {
    pending++;
    try {
      return await analyzeRollback({ repo: repoDir, from, to: target, configOverrides: platform ? { platform } : {} });
    } catch (error) {
      failures.push(`${target}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      pending--;
    }
  };
  let quit: { report: Report | undefined; marks: Marks } | undefined;
  const app = render(
    <App
      from={{ ref: from, sha: fromSha }}
      {...(to !== undefined ? { to } : {})}
      targets={targets}
      {...(list
        ? { total: list.releases.length, more: (offset: number) => list.page(offset, 20), prereleasesHidden: list.prereleasesHidden }
        : {})}
      analyze={analyze}
      color={false}
      size={SIZE}
      onQuit={(report, marks) => {
        quit = { report, marks };
      }}
    />,
  );
  // Settled: no analysis running and no new frame through several turns of the event loop (the picker starts
  // analyses one by one), and, until the review quits, Ink listening for keys: a key written before it listens is lost.
  const settle = async () => {
    let frames = app.frames.length;
    for (let quiet = 0, turns = 0; quiet < 5 || (!quit && app.stdin.listenerCount('readable') === 0); turns++) {
      if (turns > 3000) throw new Error(`${where}: the review did not settle within a minute`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      quiet = pending === 0 && app.frames.length === frames ? quiet + 1 : 0;
      frames = app.frames.length;
    }
    if (failures.length > 0) throw new Error(`${where}: the analysis failed: ${failures.join('; ')}`);
  };
  try {
    await settle();
    for (const key of keys) {
      app.stdin.write(KEYS[key] ?? key);
      await settle();
    }
    if (quit) {
      if (!quit.report) return '';
      const ack = wrapUp(quit.report, quit.marks, await gitUser(repo), new Date(0));
      return wrapUpText(ack, quit.report.rollback).replace(/\n+$/, '');
    }
    // Rows left empty below a short list are folded into one, so the page shows the screen, not its padding.
    return (app.lastFrame() ?? '')
      .replace(ANSI, '')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n');
  } finally {
    app.unmount();
  }
}
