import { UsageError } from '../../errors.js';
import { REPORTERS, isFormat } from '../../report/index.js';
import { gateFailure, isSeverity } from '../gate.js';
import { intOption, parseOptions } from '../options.js';
import { progressLine } from '../progress.js';
import { HELP } from '../commands.js';
import { PLATFORM_IDS } from '../../platform.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    repo: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'max-score': { type: 'string' },
    'tag-pattern': { type: 'string' },
    platform: { type: 'string' },
    'ack-file': { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  const format = values.format ?? (interactive ? 'tui' : 'text');
  if (format === 'tui' && !interactive) {
    throw new UsageError('--format tui needs an interactive terminal (stdin and stdout)', 'run it in a terminal, or use --format text, json or markdown');
  }
  if (values['ack-file'] !== undefined && format !== 'tui') {
    throw new UsageError('--ack-file records the terminal review, which is not running (stdout is not a terminal or --format is set)', 'run it in a terminal without --format, or with --format tui');
  }
  if (format !== 'tui' && !isFormat(format)) {
    throw new UsageError(`--format ${format}: unknown format`, `use one of: ${[...Object.keys(REPORTERS), 'tui'].join(', ')}`);
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isSeverity(failOn)) {
    throw new UsageError(`--fail-on ${failOn}: unknown severity`, 'use one of: info, low, medium, high, critical');
  }
  const platform = values.platform;
  if (platform !== undefined && !(PLATFORM_IDS as readonly string[]).includes(platform)) {
    throw new UsageError(`--platform ${platform}: unknown platform`, `use one of: ${PLATFORM_IDS.join(', ')}`);
  }
  const maxScore = intOption(values['max-score'], '--max-score', 0, 100);

  if (format === 'tui') {
    const { runTui } = await import('../../report/tui/run.js');
    const reviewed = await runTui({
      repo: values.repo ?? '.',
      from: values.from,
      to: values.to,
      tagPattern: values['tag-pattern'],
      config: platform ? { platform } : {},
      ackFile: values['ack-file'],
    });
    const failure = reviewed && gateFailure(reviewed, { failOn, maxScore });
    if (failure) {
      process.stderr.write(`rollback-ready: ${failure}\n`);
      return 1;
    }
    return 0;
  }
  const { analyzeRollback } = await import('../../engine/analyze.js');
  const progress = progressLine();
  let report;
  try {
    report = await analyzeRollback({
      repo: values.repo ?? '.',
      from: values.from,
      to: values.to,
      tagPattern: values['tag-pattern'],
      config: platform ? { platform } : {},
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  process.stdout.write(REPORTERS[format].render(report, { repoDir: values.repo }));

  const failure = gateFailure(report, { failOn, maxScore });
  if (failure) {
    process.stderr.write(`rollback-ready: ${failure}\n`);
    return 1;
  }
  return 0;
}
