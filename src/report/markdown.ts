import { SWAPPED_REFS, notesOf, type Category, type ChecklistStatus, type Finding, type Report } from '../model/report.js';
import { printableDeep, stripControl, workflowSafe } from '../util/sanitize.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { fixLabel, headline, leftOut, nextStep, scoreFormula, short } from './text.js';
import { configLine } from './text.js';
import { scopeText } from './text.js';

const MARK: Record<ChecklistStatus, string> = { pass: '✅', fail: '❌', manual: '❓' };
export const MARKER = '<!-- rollback-ready -->';

/** Prose: no HTML, no formatting, no table breaks. GitHub decodes entities in text, so `<` shows as `<`. */
function escapeProse(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      // GitHub links issues (`#1`, `GH-1`, `owner/repo#1`) and bare addresses (`https://…`, `www.…`) in comment
      // text: a zero-width space inside each keeps repository text from linking anything. A person or team
      // (`@name`) is never in this text: escapeMarkdown puts it in a code span, where GitHub notifies no one.
      .replace(/#(?=\d)/g, '#\u200b')
      .replace(/\b(GH-)(?=\d)/gi, '$1\u200b')
      .replace(/:\/\//g, ':\u200b//')
      .replace(/\b(www)\./gi, '$1\u200b.')
      .replace(/\r?\n/g, ' ')
  );
}

/** `@name` or `@scope/package` where a mention would start (not inside a word or an e-mail address). */
const MENTION = /((?<![\w@])@[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?)/;

/**
 * Escapes repository text for GitHub Markdown: no HTML, no formatting, no table breaks. An `@name` (a package
 * scope, a user, a team) goes into a code span, where GitHub neither mentions nor links, and the text stays what
 * was written (no invisible character in a package name someone copies).
 */
export function escapeMarkdown(text: string): string {
  const clean = stripControl(text).replace(/\r?\n/g, ' ');
  return clean
    .split(MENTION)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part) : escapeProse(part)))
    .join('');
}

/** The longest run of backticks in a text. */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/**
 * Text as a code span, shown exactly as it is: GitHub decodes no entity and parses no HTML inside code, so
 * nothing is escaped; a fence longer than any run of backticks inside keeps them from closing it, and a space pads
 * text that begins or ends with a backtick (CommonMark strips one such space on each side). Newlines are folded.
 * In a table cell a `|` would still split the cell: use it outside tables only.
 */
export function codeSpan(text: string): string {
  const clean = stripControl(text).replace(/\r?\n/g, ' ');
  if (clean === '') return '';
  const fence = '`'.repeat(longestBacktickRun(clean) + 1);
  const pad = /^[` ]|[` ]$/.test(clean) && clean.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Lines as a fenced code block whose fence no line can close. */
function codeBlock(lines: string[], info: string): string[] {
  const clean = lines.map((line) => stripControl(line).replace(/\r?\n/g, ' '));
  const fence = '`'.repeat(Math.max(3, ...clean.map((line) => longestBacktickRun(line) + 1)));
  return [`${fence}${info}`, ...clean, fence];
}

/** GitHub's limit on a comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
// Room left for the line that counts what was left out, and for characters counted differently by GitHub.
const LIMIT_MARGIN = 1_000;
const MAX_EVIDENCE = 500;
const MAX_PULL_REQUESTS = 200;

/** A web address safe inside a Markdown link target, or undefined when it is not http(s). */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.toString().replace(/[()<>"'\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Where a finding is, linked to its line at the commit that has the file when the repository's address is known. */
function place(
  f: Finding,
  report: Report,
  repoUrl: string | undefined,
  deleted: ReadonlySet<string>,
  changed: ReadonlySet<string>,
): string {
  const text = codeSpan(`${f.path}${f.line !== undefined ? `:${f.line}` : ''}`);
  if (!repoUrl || !changed.has(f.path)) return text;
  const sha = deleted.has(f.path) ? report.to.sha : report.from.sha;
  return `[${text}](${repoUrl}/blob/${sha}/${encodePath(f.path)}${f.line !== undefined ? `#L${f.line}` : ''})`;
}

function renderFindings(report: Report, live: readonly Finding[], kept: number, repoUrl: string | undefined): string[] {
  const out: string[] = [];
  const deleted = new Set(report.changes.filter((c) => c.status === 'deleted').map((c) => c.path));
  const changed = new Set(report.changes.map((c) => c.path));
  const total = new Map<Category, number>();
  for (const f of live) total.set(f.category, (total.get(f.category) ?? 0) + 1);
  const byCategory = new Map<Category, Finding[]>();
  for (const f of live.slice(0, kept)) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  if (live.length > 0) out.push('', '### Findings');
  for (const [category, findings] of byCategory) {
    const all = total.get(category) ?? findings.length;
    const count = all === findings.length ? `${all}` : `${findings.length} of ${all}`;
    out.push('', `<details><summary>${category} (${count})</summary>`, '');
    for (const f of findings) {
      out.push(`- **${f.severity}** ${place(f, report, repoUrl, deleted, changed)} ${escapeMarkdown(f.message)} (${codeSpan(f.ruleId)})`);
      if (f.evidence) out.push(`  - evidence: ${codeSpan(clip(f.evidence, MAX_EVIDENCE))}`);
      if (f.remediation) out.push(`  - fix: ${escapeMarkdown(f.remediation)}`);
    }
    out.push('', '</details>');
  }
  const left = live.length - kept;
  if (left > 0) {
    out.push(
      '',
      `> ${left} less severe finding${left === 1 ? ' was' : 's were'} left out to fit GitHub's comment size limit; run \`rollback-ready --format json\` for all of them.`,
    );
  }
  return out;
}

function renderFixes(report: Report): string[] {
  const { securityFixes, fixes } = report.reverted;
  if (securityFixes.length + fixes.length === 0) return [];
  const out = ['', `### Fixes the rollback takes back (${securityFixes.length + fixes.length})`, ''];
  for (const fix of securityFixes) out.push(`- **security:** ${escapeMarkdown(fixLabel(fix))}`);
  for (const fix of fixes.slice(0, MAX_PULL_REQUESTS)) out.push(`- ${escapeMarkdown(fixLabel(fix))}`);
  if (fixes.length > MAX_PULL_REQUESTS) out.push(`- … and ${fixes.length - MAX_PULL_REQUESTS} more`);
  return out;
}

function renderPullRequests(report: Report): string[] {
  const prs = report.pullRequests;
  if (!prs) return [];
  const out = ['', `### Merged pull requests (${prs.length})`, ''];
  if (prs.length === 0) out.push('No merged pull request between the two releases.');
  for (const pr of prs.slice(0, MAX_PULL_REQUESTS)) {
    const url = safeUrl(pr.url);
    const number = url ? `[#${pr.number}](${url})` : `#${pr.number}`;
    const labels = pr.labels.length > 0 ? ` ${pr.labels.map((l) => codeSpan(l)).join(' ')}` : '';
    out.push(`- ${number} ${escapeMarkdown(pr.title)}${labels}`);
  }
  if (prs.length > MAX_PULL_REQUESTS) out.push(`- … and ${prs.length - MAX_PULL_REQUESTS} more`);
  return out;
}

export function renderMarkdown(shown: Report, options: RenderOptions = {}): string {
  // No control character of repository text reaches the output, whichever field it is in.
  const report = printableDeep(shown);
  const repoUrl = options.repoUrl ? safeUrl(options.repoUrl)?.replace(/\/$/, '') : undefined;
  const head: string[] = [MARKER];
  const v = report.volume;
  const title =
    options.title !== undefined ? escapeMarkdown(options.title) : `${escapeMarkdown(report.from.ref)} → ${escapeMarkdown(report.to.ref)}`;
  const number = options.pullRequest !== undefined ? `#${options.pullRequest}` : '';
  head.push(`## Rollback review: ${[number, title].filter(Boolean).join(' ')}`);
  head.push('');
  const { warning, notes } = notesOf(report);
  if (warning) head.push('> [!WARNING]', `> **${escapeMarkdown(SWAPPED_REFS)}**${escapeMarkdown(warning.slice(SWAPPED_REFS.length))}`, '');
  head.push(
    `**${headline(report)}** · undoes ${plural(v.commits, 'commit')}, ${plural(v.files, 'file')} (+${v.insertions} −${v.deletions}${escapeMarkdown(leftOut(report))}) by ${plural(v.authors, 'author')} · ${codeSpan(short(report.from.sha))} → ${codeSpan(short(report.to.sha))}`,
  );
  for (const fix of report.reverted.securityFixes) head.push('', `> **Security fix taken back:** ${escapeMarkdown(fixLabel(fix))}`);
  if (report.config) head.push('', `Config: ${escapeMarkdown(configLine(report))}`);
  if (report.scope) head.push('', `Scope: ${escapeMarkdown(scopeText(report))}`);
  for (const note of notes) head.push('', `> ${escapeMarkdown(note)}`);
  if (report.scoreBreakdown.length > 0) {
    head.push('', '| points | category | why |', '| ---: | --- | --- |');
    for (const line of report.scoreBreakdown) head.push(`| +${line.points} | ${line.category} | ${escapeMarkdown(line.reason)} |`);
    const formula = scoreFormula(report);
    if (formula) head.push('', `Score: ${escapeMarkdown(formula)}.`);
  }
  head.push('', '### Checklist', '', '| | item | detail |', '| --- | --- | --- |');
  for (const item of report.checklist)
    head.push(`| ${MARK[item.status]} | ${escapeMarkdown(item.title)} | ${escapeMarkdown(item.detail)} |`);

  const tail: string[] = [...renderFixes(report), ...renderPullRequests(report)];
  if (report.rollback) {
    tail.push('', `### Roll back on ${report.rollback.platform}`, '', ...codeBlock(report.rollback.commands, 'sh'));
    for (const caveat of report.rollback.caveats) tail.push(`- ${escapeMarkdown(caveat)}`);
  }
  // The marks as this report draws them.
  const next = nextStep(report, options.context)
    .replace(/✖/g, MARK.fail)
    .replace(/ \? items/g, ` ${MARK.manual} items`);
  tail.push('', next, '', `<sub>rollback-ready ${escapeMarkdown(report.tool.version)}</sub>`);

  const live = report.findings.filter((f) => !f.suppressed);
  // Read in CI logs too (the comment command prints it): no line may be a workflow command written by the repository.
  const render = (kept: number) => workflowSafe(`${[...head, ...renderFindings(report, live, kept, repoUrl), ...tail].join('\n')}\n`);
  const full = render(live.length);
  if (options.maxLength === undefined || full.length <= options.maxLength) return full;
  // Findings are sorted most severe first: keep the longest prefix that fits.
  const budget = Math.max(0, options.maxLength - LIMIT_MARGIN);
  let low = 0;
  let high = live.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(mid).length <= budget) low = mid;
    else high = mid - 1;
  }
  const fitted = render(low);
  if (fitted.length <= options.maxLength) return fitted;
  return `${fitted.slice(0, Math.max(0, options.maxLength - 200))}\n\n> The report was cut to fit GitHub's comment size limit.\n`;
}

export const markdownReporter: Reporter = { format: 'markdown', render: renderMarkdown };
