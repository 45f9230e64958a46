import { UsageError } from '../../errors.js';
import { REPORTERS, isFormat } from '../../report/index.js';
import { gateFailure, isSeverity } from '../gate.js';
import { intOption, parseOptions } from '../options.js';
import { progressLine } from '../progress.js';
import { HELP } from '../commands.js';
import { PLATFORM_IDS } from '../../platform.js';
import { didYouMean } from '../../config/suggest.js';
import { describeOrigin } from '../../config/load.js';

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
    config: { type: 'string' },
    scope: { type: 'string', multiple: true },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.format !== undefined && !isFormat(values.format)) {
    throw new UsageError(`--format ${values.format}: unknown format`, `use one of: ${Object.keys(REPORTERS).join(', ')}`);
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

  const { analyzeRollback } = await import('../../engine/analyze.js');
  const progress = progressLine();
  let configFormat: string | undefined;
  let report;
  try {
    report = await analyzeRollback({
      repo: values.repo ?? '.',
      from: values.from,
      to: values.to,
      tagPattern: values['tag-pattern'],
      configOverrides: platform ? { platform } : {},
      onProgress: progress.update,
      configFile: values.config,
      scope: values.scope,
      onConfig: (config, origin) => {
        configFormat = config.output.format;
        if (values.format === undefined && configFormat !== undefined && !isFormat(configFormat)) {
          const formats = Object.keys(REPORTERS);
          const near = didYouMean(configFormat, formats);
          throw new UsageError(
            `config ${describeOrigin(origin)}: output.format: ${JSON.stringify(configFormat)} is not allowed`,
            `use one of: ${formats.join(', ')}${near ? ` — ${near}` : ''}`,
          );
        }
      },
    });
  } finally {
    progress.done();
  }
  const format = values.format ?? configFormat ?? 'text';
  if (!isFormat(format)) throw new UsageError(`unknown format ${format}`);
  process.stdout.write(REPORTERS[format].render(report, { repoDir: values.repo }));

  const failure = gateFailure(report, { failOn, maxScore });
  if (failure) {
    process.stderr.write(`rollback-ready: ${failure}\n`);
    return 1;
  }
  return 0;
}
