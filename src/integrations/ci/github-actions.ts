// GitHub Actions: annotations (workflow commands), the step summary and step outputs.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import type { Finding, Report, Severity } from '../../model/report.js';
import { renderMarkdown } from '../../report/markdown.js';
import type { Context } from '../../report/reporter.js';
import { jsonReporter } from '../../report/json.js';
import { printableDeep, stripControl } from '../../util/sanitize.js';

export type AnnotationKind = 'error' | 'warning' | 'notice';
const KIND: Record<Severity, AnnotationKind> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' };
/** GitHub shows at most this many annotations of each kind per step; the rest would vanish silently. */
export const ANNOTATIONS_PER_KIND = 10;

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` also delimit. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  file?: string;
  line?: number;
  title?: string;
}

export function annotation(kind: AnnotationKind, message: string, properties: AnnotationProperties = {}): string {
  const props: string[] = [];
  if (properties.file !== undefined) props.push(`file=${escapeProperty(properties.file)}`);
  if (properties.file !== undefined && properties.line !== undefined) props.push(`line=${properties.line}`);
  if (properties.title !== undefined) props.push(`title=${escapeProperty(properties.title)}`);
  return `::${kind}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** Path of a finding as the workspace sees it, when the analysed repository sits inside the workspace. */
function workspacePath(path: string, repoDir: string, workspace: string | undefined): string {
  if (!workspace) return path;
  const prefix = relative(workspace, repoDir);
  if (prefix === '' || prefix.startsWith('..') || isAbsolute(prefix)) return path;
  return `${prefix.split('\\').join('/')}/${path}`;
}

function findingAnnotation(f: Finding, repoDir: string, workspace: string | undefined): string {
  const message = stripControl(f.remediation ? `${f.message}\nFix: ${f.remediation}` : f.message);
  const title = `rollback-ready ${f.ruleId} (${f.severity})`;
  if (f.path === '.') return annotation(KIND[f.severity], message, { title });
  return annotation(KIND[f.severity], message, { file: workspacePath(stripControl(f.path), repoDir, workspace), line: f.line, title });
}

/** Annotations for the live findings, most severe first, capped per kind with a note of what was left out. */
export function annotationsOf(shown: Report, repoDir: string, workspace?: string): string[] {
  // Every string of the report printable, the rule id of a custom rule too.
  const report = printableDeep(shown);
  const count = new Map<AnnotationKind, number>();
  const out: string[] = [];
  let left = 0;
  for (const f of report.findings) {
    if (f.suppressed) continue;
    const kind = KIND[f.severity];
    const n = (count.get(kind) ?? 0) + 1;
    count.set(kind, n);
    if (n > ANNOTATIONS_PER_KIND) left++;
    else out.push(findingAnnotation(f, repoDir, workspace));
  }
  if (left > 0)
    out.push(
      annotation('notice', `${left} more finding${left === 1 ? '' : 's'} in the step summary and the report`, { title: 'rollback-ready' }),
    );
  return out;
}

/** GitHub refuses a step summary over 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** The Markdown report, cut at a line when it would not fit in a step summary, saying where the rest is. */
export function summaryOf(markdown: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n\n**The report is cut here: a step summary holds at most 1 MiB. The full report is at the `report-path` output.**\n';
  let cut = Buffer.from(markdown)
    .subarray(0, limit - Buffer.byteLength(note) - 16)
    .toString('utf8');
  cut = cut.slice(0, cut.lastIndexOf('\n'));
  // A cut inside a collapsed section would swallow the note.
  const open = cut.split('<details>').length - cut.split('</details>').length;
  return `${cut}${open > 0 ? '\n\n</details>' : ''}${note}`;
}

/** A `name=value` entry for $GITHUB_OUTPUT that no value can break (heredoc with a random delimiter). */
export function outputEntry(name: string, value: string): string {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export interface ActionsRun {
  report: Report;
  /** Absolute path of the analysed repository. */
  repoDir: string;
  /** A JSON report already written with --output, to reuse as `report-path`. */
  jsonReport?: string;
  /** The gate line, when the gate was crossed. */
  gateLine?: string;
  warnOnly: boolean;
  env: NodeJS.ProcessEnv;
  stderr: (text: string) => void;
  /** A pull request (the summary's closing advice speaks of merging) or a rollback. */
  context?: Context;
  /** Checks each file before it is written (never into the analysed repository's git directories; src/git/write-guard.ts). */
  guard?: { check(file: string, flag: string): void };
}

/** Annotations on stderr (the runner reads both streams, and stdout may hold the JSON report), summary and outputs. */
export function publishToActions(run: ActionsRun): void {
  const { report, env } = run;
  const lines = annotationsOf(report, run.repoDir, env.GITHUB_WORKSPACE);
  if (run.gateLine) lines.push(annotation(run.warnOnly ? 'warning' : 'error', run.gateLine, { title: 'rollback-ready gate' }));
  if (lines.length > 0) run.stderr(`${lines.join('\n')}\n`);

  if (env.GITHUB_STEP_SUMMARY) {
    run.guard?.check(env.GITHUB_STEP_SUMMARY, 'GITHUB_STEP_SUMMARY');
    appendFileSync(env.GITHUB_STEP_SUMMARY, summaryOf(renderMarkdown(report, run.context ? { context: run.context } : {})));
  }

  if (env.GITHUB_OUTPUT) {
    run.guard?.check(env.GITHUB_OUTPUT, 'GITHUB_OUTPUT');
    let reportPath = run.jsonReport;
    if (!reportPath) {
      reportPath = join(mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'rollback-ready-')), 'report.json');
      run.guard?.check(reportPath, 'RUNNER_TEMP');
      writeFileSync(reportPath, jsonReporter.render(report));
    }
    appendFileSync(
      env.GITHUB_OUTPUT,
      outputEntry('verdict', report.verdict) + outputEntry('risk-score', String(report.riskScore)) + outputEntry('report-path', reportPath),
    );
  }
}
