// Entry of the terminal review; loaded only when it runs, so Ink and React stay out of other paths.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { render } from 'ink';
import { analyzeRollback } from '../../engine/analyze.js';
import { UsageError } from '../../util/errors.js';
import { gitUser } from '../../git/identity.js';
import { resolveCommit } from '../../git/refs.js';
import { openRepo } from '../../git/repo.js';
import { gitDirectories, guardOf } from '../../git/write-guard.js';
import { rollbackTargets } from '../../git/targets.js';
import { noReleaseError } from '../../git/tags.js';
import type { Report } from '../../model/report.js';
import type { Config } from '../../config/schema.js';
import { App } from './app.js';
import { wrapUp, wrapUpText } from './wrap-up.js';

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
  const targets = options.to === undefined ? await rollbackTargets(repo, fromSha, options.tagPattern) : [];
  if (options.to === undefined && targets.length === 0) throw await noReleaseError(repo, fromRef, options.tagPattern);

  let result: { report: Report | undefined; ticked: Set<string> } = { report: undefined, ticked: new Set() };
  const color = !process.env.NO_COLOR;
  stdout.write(ENTER_ALT_SCREEN);
  try {
    const app = render(
      <App
        from={{ ref: fromRef, sha: fromSha }}
        {...(options.to !== undefined ? { to: options.to } : {})}
        targets={targets}
        color={color}
        analyze={(to, onProgress) =>
          analyzeRollback({ repo: options.repo, from: fromRef, to, configOverrides: options.configOverrides, configFile: options.configFile, scope: options.scope, tagPattern: options.tagPattern, onProgress, ...(options.onConfig ? { onConfig: options.onConfig } : {}) })
        }
        onQuit={(report, ticked) => {
          result = { report, ticked };
        }}
      />,
      { stdout, stdin, exitOnCtrlC: true, patchConsole: false },
    );
    await app.waitUntilExit();
  } finally {
    stdout.write(LEAVE_ALT_SCREEN);
  }

  const { report, ticked } = result;
  if (!report) return undefined;
  const ack = wrapUp(report, ticked, await gitUser(repo), new Date());
  stdout.write(wrapUpText(ack, report.rollback));
  if (options.ackFile) {
    writeFileSync(options.ackFile, `${JSON.stringify(ack, null, 2)}\n`);
    stdout.write(`Review written to ${options.ackFile}\n`);
  }
  return report;
}
