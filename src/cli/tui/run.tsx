// Entry of the terminal review; loaded only when it runs, so Ink and React stay out of other paths.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { render } from 'ink';
import { analyzeRollback } from '../../engine/analyze.js';
import { sharedParses } from '../../engine/trees.js';
import { UsageError } from '../../util/errors.js';
import { gitUser } from '../../git/identity.js';
import { resolveCommit } from '../../git/refs.js';
import { openRepo } from '../../git/repo.js';
import { gitDirectories, guardOf } from '../../git/write-guard.js';
import { rollbackTargetList } from '../../git/targets.js';
import { noReleaseError } from '../../git/tags.js';
import type { Report } from '../../model/report.js';
import type { Config } from '../../config/schema.js';
import { App } from './app.js';
import { NO_MARKS, wrapUp, wrapUpText, type Marks } from './wrap-up.js';

/** Releases listed in the picker at a time: each costs a git process and, in the background, an analysis. */
const PAGE = 20;

export interface TuiOptions {
  repo: string;
  from?: string;
  to?: string;
  tagPattern?: string;
  /** Flags that win over the release's config file (read by the engine for each analysis). */
  configOverrides: Record<string, unknown>;
  configFile?: string;
  scope?: string[];
  /** Told the configuration in effect of each analysis (the caller applies its gate). */
  onConfig?: (config: Config) => void;
  ackFile?: string;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/** Runs the review in the terminal; resolves with the report reviewed, or undefined when the user quit before picking. */
export async function runTui(options: TuiOptions): Promise<Report | undefined> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  if (options.ackFile) {
    const dir = dirname(resolve(options.ackFile));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(`--ack-file ${options.ackFile}: folder ${dir} does not exist`, 'pass a path in an existing folder');
    }
    guardOf(await gitDirectories(options.repo)).check(options.ackFile, '--ack-file');
  }
  const repo = await openRepo(options.repo);
  const fromRef = options.from ?? 'HEAD';
  const fromSha = await resolveCommit(repo, fromRef, '--from');
  const list =
    options.to === undefined
      ? await rollbackTargetList(repo, fromSha, options.tagPattern === undefined ? {} : { pattern: options.tagPattern })
      : undefined;
  if (list && list.releases.length === 0) throw await noReleaseError(repo, fromRef, options.tagPattern);
  const targets = list ? await list.page(0, PAGE) : [];

  let result: { report: Report | undefined; marks: Marks } = { report: undefined, marks: NO_MARKS };
  const color = !process.env.NO_COLOR;
  // Ctrl-C reaches the review as a key (the terminal is raw); a SIGINT sent from outside quits the same way.
  const interrupt: { current: (() => void) | undefined } = { current: undefined };
  const onSigint = () => (interrupt.current ? interrupt.current() : process.exit(130));
  process.on('SIGINT', onSigint);
  stdout.write(ENTER_ALT_SCREEN);
  // Every target is compared with the same running release: what one analysis parsed, the next reuses.
  const shared = sharedParses();
  try {
    const app = render(
      <App
        from={{ ref: fromRef, sha: fromSha }}
        {...(options.to !== undefined ? { to: options.to } : {})}
        targets={targets}
        {...(list
          ? { total: list.releases.length, more: (offset: number) => list.page(offset, PAGE), prereleasesHidden: list.prereleasesHidden }
          : {})}
        interrupt={interrupt}
        color={color}
        analyze={(to, onProgress) =>
          analyzeRollback({
            repo: options.repo,
            from: fromRef,
            to,
            configOverrides: options.configOverrides,
            configFile: options.configFile,
            scope: options.scope,
            tagPattern: options.tagPattern,
            onProgress,
            shared,
            ...(options.onConfig ? { onConfig: options.onConfig } : {}),
          })
        }
        onQuit={(report, marks) => {
          result = { report, marks };
        }}
      />,
      { stdout, stdin, exitOnCtrlC: false, patchConsole: false },
    );
    await app.waitUntilExit();
  } finally {
    process.off('SIGINT', onSigint);
    stdout.write(LEAVE_ALT_SCREEN);
  }

  const { report, marks } = result;
  if (!report) return undefined;
  const ack = wrapUp(report, marks, await gitUser(repo), new Date());
  stdout.write(wrapUpText(ack, report.rollback));
  if (options.ackFile) {
    writeFileSync(options.ackFile, `${JSON.stringify(ack, null, 2)}\n`);
    stdout.write(`Review written to ${options.ackFile}\n`);
  }
  return report;
}
