import { resolve } from 'node:path';
import { UsageError } from '../../util/errors.js';
import { FORMAT_NAMES, REPORTERS, isFormat } from '../../report/index.js';
import { gateFailure, isSeverity } from '../gate.js';
import { intOption, parseOptions } from '../options.js';
import { progressLine } from '../progress.js';
import { ANALYZE_OPTIONS, HELP } from '../help.js';
import { PLATFORM_IDS } from '../../model/platform.js';
import { SEVERITIES } from '../../model/report.js';
import { guardOutputs, parseOutputs, writeOutputs } from '../outputs.js';
import { resolveGate } from '../gate.js';
import { didYouMean } from '../../config/suggest.js';
import { describeOrigin } from '../../config/load.js';
import { defaultConfig } from '../../config/default-config.js';
import { startRefs } from '../../engine/start.js';
import { gitDirectories, guardOf } from '../../git/write-guard.js';
import { warn } from '../warn.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, ANALYZE_OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  // A pipeline that happens to own a terminal still wants the plain report unless it asks for the review.
  const format = values.format ?? (interactive && !inCi(process.env) ? 'tui' : 'text');
  if (format === 'tui' && !interactive) {
    throw new UsageError(
      '--format tui needs an interactive terminal (stdin and stdout)',
      `run it in a terminal, or use another --format: ${FORMAT_NAMES.join(', ')}`,
    );
  }
  if (values['ack-file'] !== undefined && format !== 'tui') {
    throw new UsageError(
      '--ack-file records the terminal review, which is not running (stdout is not a terminal or --format is set)',
      'run it in a terminal without --format, or with --format tui',
    );
  }
  if (format !== 'tui' && values.format !== undefined && !isFormat(format)) {
    throw new UsageError(`--format ${format}: unknown format`, `use one of: ${[...FORMAT_NAMES, 'tui'].join(', ')}`);
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isSeverity(failOn)) {
    throw new UsageError(`--fail-on ${failOn}: unknown severity`, `use one of: ${SEVERITIES.join(', ')}`);
  }
  const platform = values.platform;
  if (platform !== undefined && !(PLATFORM_IDS as readonly string[]).includes(platform)) {
    throw new UsageError(`--platform ${platform}: unknown platform`, `use one of: ${PLATFORM_IDS.join(', ')}`);
  }
  const maxScore = intOption(values['max-score'], '--max-score', 0, 100);
  if (values.advisories && format === 'tui') {
    throw new UsageError(
      '--advisories checks the printed report, and the terminal review would ask the registry once per release it lists',
      'add --format text (or json, markdown) to check advisories',
    );
  }
  if (values['advisories-registry'] !== undefined && !values.advisories) {
    throw new UsageError(
      '--advisories-registry names the registry of --advisories, which is not given',
      'add --advisories, or drop --advisories-registry',
    );
  }
  const outputs = parseOutputs(values.output);
  if (values.base !== undefined && values.to !== undefined) {
    throw new UsageError(
      '--base and --to both name the target',
      'pass --to for a rollback, or --base for a pull request (the target is then the merge base)',
    );
  }
  // A pull request (--base): the target is the merge base, as `comment` takes it, never the base's newer tip.
  const to = values.base !== undefined ? await mergeBaseWith(values.repo ?? '.', values.from ?? 'HEAD', values.base) : values.to;
  const context = values.base !== undefined ? 'pull-request' : 'rollback';
  // git opens the repository and resolves the releases while the engine's modules load.
  const started = format === 'tui' ? undefined : startRefs({ repo: values.repo, from: values.from, to });
  // The config in use arrives through onConfig once it is read (the target's, or --config).
  let config = defaultConfig();
  const repoDir = resolve(values.repo ?? '.');
  // Every file this run writes is checked against the repository's git directories first (the review record is
  // checked by the review itself).
  const inActions = process.env.GITHUB_ACTIONS === 'true';
  const guard = outputs.length > 0 || inActions ? guardOf(await gitDirectories(repoDir)) : undefined;
  if (guard) guardOutputs(outputs, guard);
  // The runner's files, checked before the analysis rather than after its annotations are printed.
  if (guard && inActions)
    for (const name of ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT']) if (process.env[name]) guard.check(process.env[name]!, name);

  // What to analyse, the same for the terminal review and the printed report.
  const analysis = {
    repo: values.repo ?? '.',
    from: values.from,
    to,
    tagPattern: values['tag-pattern'],
    configOverrides: platform ? { platform } : {},
    configFile: values.config,
    scope: values.scope,
  };

  if (format === 'tui') {
    // Ink draws only the last frame when it thinks it runs in CI; the review was asked for explicitly.
    for (const name of ciVariables(process.env)) delete process.env[name];
    const { runTui } = await import('../tui/run.js');
    const reviewed = await runTui({ ...analysis, ackFile: values['ack-file'], onConfig: (used) => (config = used) });
    const gate = resolveGate({ failOn, maxScore, warnOnly: values['warn-only'] }, config.gate);
    const failure = reviewed && gateFailure(reviewed, gate);
    if (failure) {
      warn(failure);
      return gate.warnOnly ? 0 : 1;
    }
    return 0;
  }
  const timeoutSeconds = intOption(values.timeout, '--timeout', 1, 3600);
  const changelog = values['github-changelog']
    ? await githubChangelog(values['github-repo'], values['api-url'], timeoutSeconds)
    : undefined;
  const advisories = values.advisories ? await advisorySource(values['advisories-registry']) : undefined;
  const { analyzeRollback } = await import('../../engine/analyze.js');
  const progress = progressLine();
  // Time from the process's start to here: Node itself, the modules of the command, the arguments.
  const timings: [string, number][] = [['start', Math.round(performance.now())]];
  let configFormat: string | undefined;
  let report;
  try {
    report = await analyzeRollback({
      ...analysis,
      ...(started ? { started } : {}),
      onProgress: progress.update,
      onPhase: (phase, ms) => timings.push([phase, Math.round(ms)]),
      ...(changelog ? { changelog: changelog.read } : {}),
      ...(advisories ? { advisories } : {}),
      onConfig: (used, origin) => {
        config = used;
        configFormat = used.output.format;
        if (values.format === undefined && configFormat !== undefined && !isFormat(configFormat)) {
          const formats = FORMAT_NAMES;
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
  if (values.base !== undefined) report.to.ref = `merge base with ${values.base}`;
  // Not in a terminal: the flag, else the config's output.format, else text.
  const printed = values.format ?? configFormat ?? 'text';
  if (!isFormat(printed)) throw new UsageError(`unknown format ${printed}`);
  const renderStart = performance.now();
  process.stdout.write(REPORTERS[printed].render(report, { repoDir: values.repo, context }));
  timings.push(['report', Math.round(performance.now() - renderStart)]);
  if (values.timings) process.stderr.write(`timings: ${JSON.stringify(Object.fromEntries(timings))}\n`);

  writeOutputs(report, outputs, values.repo, context);

  const gate = resolveGate({ failOn, maxScore, warnOnly: values['warn-only'] }, config.gate);
  const failure = gateFailure(report, gate);
  if (inActions && guard) {
    const { publishToActions } = await import('../../integrations/ci/github-actions.js');
    const jsonReport = outputs.find((o) => o.format === 'json')?.file;
    publishToActions({
      report,
      repoDir,
      jsonReport,
      gateLine: failure,
      warnOnly: gate.warnOnly ?? false,
      env: process.env,
      stderr: (t) => process.stderr.write(t),
      guard,
      context,
    });
  }
  if (changelog?.failure()) {
    warn(changelog.failure()!);
    return 2;
  }
  if (failure) {
    warn(failure);
    return gate.warnOnly ? 0 : 1;
  }
  return 0;
}

/** The same test Ink applies (CI, CONTINUOUS_INTEGRATION or any CI_* variable, unless CI is 0 or false). */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  if (env.CI === '0' || env.CI === 'false') return false;
  return ciVariables(env).length > 0;
}

export function ciVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) => name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_'));
}

/** `--advisories`: the npm registry's bulk advisory endpoint (loaded only when asked for). */
async function advisorySource(registry: string | undefined) {
  const { bulkAdvisories, DEFAULT_REGISTRY } = await import('../../integrations/npm/advisories.js');
  return (query: Parameters<typeof bulkAdvisories>[1]) => bulkAdvisories(registry ?? DEFAULT_REGISTRY, query);
}

/** `--github-changelog`: the merged pull requests of the range, read from GitHub; a failure is held until the report is printed. */
async function githubChangelog(repoFlag: string | undefined, apiUrl: string | undefined, timeoutSeconds: number | undefined) {
  const { repoName, tokenFrom } = await import('../../integrations/github/inputs.js');
  const { createClient, graphqlEndpoint, GitHubError } = await import('../../integrations/github/client.js');
  const { mergedPullRequests } = await import('../../integrations/github/changelog.js');
  const repo = repoName(repoFlag);
  const endpoint = graphqlEndpoint(apiUrl);
  const token = tokenFrom();
  let failure: string | undefined = token ? undefined : 'no GitHub token for --github-changelog — set GITHUB_TOKEN or GH_TOKEN';
  return {
    failure: () => failure,
    read: async (range: { from: { sha: string }; commits: string[] }) => {
      if (!token) return undefined;
      const client = createClient({
        token,
        endpoint,
        onRetry: (reason) => warn(reason),
        ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      });
      try {
        const changelog = await mergedPullRequests(client, repo, range.from.sha, range.commits);
        if (!changelog.complete) warn("the changelog may be incomplete: GitHub's history walk did not meet every commit of the range");
        return changelog.pullRequests;
      } catch (error) {
        if (!(error instanceof GitHubError)) throw error;
        failure = error.message;
        return undefined;
      }
    },
  };
}

/** The merge base of --from and a pull request's base, resolved and checked as `comment` does. */
async function mergeBaseWith(repoDir: string, from: string, base: string): Promise<string> {
  const { openRepo } = await import('../../git/repo.js');
  const { resolveCommit } = await import('../../git/refs.js');
  const { mergeBase } = await import('../../git/merge-base.js');
  const repo = await openRepo(repoDir);
  return mergeBase(repo, await resolveCommit(repo, from, '--from'), await resolveCommit(repo, base, '--base'));
}
