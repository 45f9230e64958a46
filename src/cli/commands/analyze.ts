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
    'github-changelog': { type: 'boolean' },
    'github-repo': { type: 'string' },
    'api-url': { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    throw new UsageError(`--format ${format}: unknown format`, `use one of: ${Object.keys(REPORTERS).join(', ')}`);
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

  const changelog = values['github-changelog'] ? await githubChangelog(values['github-repo'], values['api-url']) : undefined;
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
      ...(changelog ? { changelog: changelog.read } : {}),
    });
  } finally {
    progress.done();
  }
  process.stdout.write(REPORTERS[format].render(report, { repoDir: values.repo }));

  if (changelog?.failure()) {
    process.stderr.write(`rollback-ready: ${changelog.failure()}\n`);
    return 2;
  }
  const failure = gateFailure(report, { failOn, maxScore });
  if (failure) {
    process.stderr.write(`rollback-ready: ${failure}\n`);
    return 1;
  }
  return 0;
}

/** `--github-changelog`: the merged pull requests of the range, read from GitHub; a failure is held until the report is printed. */
async function githubChangelog(repoFlag: string | undefined, apiUrl: string | undefined) {
  const { repoName, tokenFrom } = await import('../../github/inputs.js');
  const { createClient, graphqlEndpoint, GitHubError } = await import('../../github/client.js');
  const { mergedPullRequests } = await import('../../github/changelog.js');
  const repo = repoName(repoFlag);
  const endpoint = graphqlEndpoint(apiUrl);
  const token = tokenFrom();
  let failure: string | undefined = token ? undefined : 'no GitHub token for --github-changelog — set GITHUB_TOKEN or GH_TOKEN';
  return {
    failure: () => failure,
    read: async (range: { from: { sha: string }; commits: string[] }) => {
      if (!token) return undefined;
      const client = createClient({ token, endpoint, onRetry: (reason) => process.stderr.write(`rollback-ready: ${reason}\n`) });
      try {
        const changelog = await mergedPullRequests(client, repo, range.from.sha, range.commits);
        if (!changelog.complete) process.stderr.write('rollback-ready: the changelog may be incomplete: GitHub\'s history walk did not meet every commit of the range\n');
        return changelog.pullRequests;
      } catch (error) {
        if (!(error instanceof GitHubError)) throw error;
        failure = error.message;
        return undefined;
      }
    },
  };
}
