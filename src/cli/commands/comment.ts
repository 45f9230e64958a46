// `rollback-ready comment`: analyse a pull request as a future rollback (from = head, to = merge base with the base)
// and keep one comment on it up to date. GitHub failures never hide the analysis: it is printed first, then one line, exit 2.
import { UsageError } from '../../util/errors.js';
import { FORMAT_NAMES, REPORTERS, isFormat } from '../../report/index.js';
import { COMMENT_HELP, COMMENT_OPTIONS } from '../help.js';
import { GITHUB_COMMENT_LIMIT, MARKER, renderMarkdown } from '../../report/markdown.js';
import { PLATFORM_IDS } from '../../model/platform.js';
import { SEVERITIES } from '../../model/report.js';
import { warn } from '../warn.js';
import { gateFailure, isSeverity, resolveGate } from '../gate.js';
import type { Config } from '../../config/schema.js';
import { intOption, parseOptions } from '../options.js';
import { progressLine } from '../progress.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, COMMENT_OPTIONS, false, 'rollback-ready help comment');
  if (values.help) {
    process.stdout.write(COMMENT_HELP);
    return 0;
  }
  const format = values.format ?? 'markdown';
  if (!isFormat(format)) throw new UsageError(`--format ${format}: unknown format`, `use one of: ${FORMAT_NAMES.join(', ')}`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isSeverity(failOn))
    throw new UsageError(`--fail-on ${failOn}: unknown severity`, `use one of: ${SEVERITIES.join(', ')}`);
  const platform = values.platform;
  if (platform !== undefined && !(PLATFORM_IDS as readonly string[]).includes(platform)) {
    throw new UsageError(`--platform ${platform}: unknown platform`, `use one of: ${PLATFORM_IDS.join(', ')}`);
  }
  const maxScore = intOption(values['max-score'], '--max-score', 0, 100);
  const timeoutSeconds = intOption(values.timeout, '--timeout', 1, 3600);

  const { eventPullRequest, pullRequestNumber, repoName, tokenFrom } = await import('../../integrations/github/inputs.js');
  const { createClient, graphqlEndpoint, GitHubError } = await import('../../integrations/github/client.js');
  const { fetchPullRequest } = await import('../../integrations/github/pull-request.js');
  const event = eventPullRequest();
  const number = pullRequestNumber(values.pr, event);
  const repoId = repoName(values['github-repo']);
  const endpoint = graphqlEndpoint(values['api-url']);
  const token = tokenFrom();

  // GitHub problems are held until the analysis is printed.
  let failure: string | undefined;
  const client = token
    ? createClient({ token, endpoint, onRetry: (reason) => warn(reason), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) })
    : undefined;
  if (!client) failure = 'no GitHub token — set GITHUB_TOKEN or GH_TOKEN (in GitHub Actions: `GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`)';
  let pr: Awaited<ReturnType<typeof fetchPullRequest>> | undefined;
  if (client) {
    try {
      pr = await fetchPullRequest(client, repoId, number);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      failure = error.message;
    }
  }

  const head = pr?.headRefOid ?? event.headSha;
  const base = pr?.baseRefOid ?? event.baseSha;
  if (!head || !base)
    throw new UsageError(`${failure ?? 'the pull request has no head or base'}; its commits are unknown, so nothing was analysed`);

  const { openRepo } = await import('../../git/repo.js');
  const { mergeBase } = await import('../../git/merge-base.js');
  const { analyzeRollback } = await import('../../engine/analyze.js');
  const repoDir = values.repo ?? '.';
  const to = await mergeBase(await openRepo(repoDir), head, base);
  const progress = progressLine();
  let report;
  // The configuration exactly as the analysis reads it: --config, else the target's (the merge base) config file.
  let config: Config | undefined;
  try {
    report = await analyzeRollback({
      repo: repoDir,
      from: head,
      to,
      configOverrides: platform ? { platform } : {},
      ...(values.config !== undefined ? { configFile: values.config } : {}),
      onConfig: (used) => (config = used),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  // The commits were passed as shas; name them as people know them.
  report.from.ref = pr ? pr.headRefName : `#${number} head`;
  report.to.ref = `merge base with ${pr ? pr.baseRefName : 'the base'}`;
  if (report.config?.ref === to) report.config.ref = report.to.ref;
  const serverUrl = process.env.GITHUB_SERVER_URL;
  const repoUrl = pr?.repoUrl ?? (serverUrl ? `${serverUrl.replace(/\/$/, '')}/${repoId.owner}/${repoId.name}` : undefined);
  // The title is the author's text, escaped like the repository's; the number is the tool's own reference.
  const title = pr ? `${pr.title} (${pr.headRefName} → ${pr.baseRefName})` : '';
  const body = renderMarkdown(report, {
    repoUrl,
    title,
    pullRequest: pr?.number ?? number,
    maxLength: GITHUB_COMMENT_LIMIT,
    context: 'pull-request',
  });
  process.stdout.write(format === 'markdown' ? body : REPORTERS[format].render(report, { repoDir, repoUrl, context: 'pull-request' }));

  if (failure || !client || !pr) {
    warn(failure ?? 'GitHub did not answer');
    return 2;
  }
  const { deleteSticky, findSticky, upsertSticky } = await import('../../integrations/github/sticky.js');
  try {
    const existing = await findSticky(client, repoId, number, MARKER);
    const result =
      values['delete-when-safe'] && report.verdict === 'safe'
        ? await deleteSticky(client, existing)
        : await upsertSticky(client, pr.id, existing, body);
    const what = {
      added: 'comment added',
      updated: 'comment updated',
      deleted: 'comment deleted (verdict safe)',
      unchanged: 'no comment (verdict safe)',
    }[result.action];
    warn(`${what} on #${number}${result.url ? ` ${result.url}` : ''}`);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    warn(error.message);
    return 2;
  }

  const gate = resolveGate({ failOn, maxScore, warnOnly: values['warn-only'] }, (config as Config | undefined)?.gate);
  const crossed = gateFailure(report, gate);
  if (crossed) {
    warn(crossed);
    return gate.warnOnly ? 0 : 1;
  }
  return 0;
}
