import type { Category, ChecklistStatus, Finding, Report } from '../model.js';
import { stripControl } from '../sanitize.js';
import type { Reporter } from './reporter.js';
import { headline, nextStep, short } from './text.js';
import { configLine } from './text.js';
import { scopeText } from './text.js';

const MARK: Record<ChecklistStatus, string> = { pass: '✅', fail: '❌', manual: '❓' };
export const MARKER = '<!-- rollback-ready -->';

/** Escapes repository text for GitHub Markdown: no HTML, no formatting, no table breaks. */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** Text inside a code span: backticks cannot break out, and newlines are folded. */
export function codeSpan(text: string): string {
  const clean = stripControl(text).replace(/\r?\n/g, ' ').replace(/`/g, 'ˋ');
  return `\`${clean.replace(/</g, '&lt;')}\``;
}

function place(f: Finding): string {
  return codeSpan(`${f.path}${f.line !== undefined ? `:${f.line}` : ''}`);
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [MARKER];
  const v = report.volume;
  out.push(`## Rollback review: ${escapeMarkdown(report.from.ref)} → ${escapeMarkdown(report.to.ref)}`);
  out.push('');
  out.push(`**${headline(report)}** · undoes ${v.commits} commits, ${v.files} files (+${v.insertions} −${v.deletions}) by ${v.authors} authors · ${codeSpan(short(report.from.sha))} → ${codeSpan(short(report.to.sha))}`);
  if (report.config) out.push('', `Config: ${escapeMarkdown(configLine(report))}`);
  if (report.scope) out.push('', `Scope: ${escapeMarkdown(scopeText(report))}`);
  for (const note of report.notes) out.push('', `> ${escapeMarkdown(note)}`);
  if (report.scoreBreakdown.length > 0) {
    out.push('', '| points | category | why |', '| ---: | --- | --- |');
    for (const line of report.scoreBreakdown) out.push(`| +${line.points} | ${line.category} | ${escapeMarkdown(line.reason)} |`);
  }
  out.push('', '### Checklist', '', '| | item | detail |', '| --- | --- | --- |');
  for (const item of report.checklist) out.push(`| ${MARK[item.status]} | ${escapeMarkdown(item.title)} | ${escapeMarkdown(item.detail)} |`);
  const live = report.findings.filter((f) => !f.suppressed);
  const byCategory = new Map<Category, Finding[]>();
  for (const f of live) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  if (byCategory.size > 0) out.push('', '### Findings');
  for (const [category, findings] of byCategory) {
    out.push('', `<details><summary>${category} (${findings.length})</summary>`, '');
    for (const f of findings) {
      out.push(`- **${f.severity}** ${place(f)} ${escapeMarkdown(f.message)} (${codeSpan(f.ruleId)})`);
      if (f.evidence) out.push(`  - evidence: ${codeSpan(f.evidence)}`);
      if (f.remediation) out.push(`  - fix: ${escapeMarkdown(f.remediation)}`);
    }
    out.push('', '</details>');
  }
  if (report.rollback) {
    out.push('', `### Roll back on ${report.rollback.platform}`, '', '```sh', ...report.rollback.commands.map((c) => stripControl(c).replace(/`/g, 'ˋ')), '```');
    for (const caveat of report.rollback.caveats) out.push(`- ${escapeMarkdown(caveat)}`);
  }
  out.push('', nextStep(report), '', `<sub>rollback-ready ${escapeMarkdown(report.tool.version)}</sub>`);
  return `${out.join('\n')}\n`;
}

export const markdownReporter: Reporter = { format: 'markdown', render: renderMarkdown };
