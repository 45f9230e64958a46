// The screens as plain lines of styled segments: pure, so layout is decided in one place
// and every line fits the width it is given (nothing wraps behind the layout's back).
import type { ChecklistItem, ChecklistStatus, Finding, Report } from '../../model/report.js';
import { oneLine } from '../../util/sanitize.js';
import { nextStep, short } from '../../report/text.js';
import { plural } from '../../util/format.js';

export type Tone = 'pass' | 'fail' | 'manual' | 'accent' | 'dim' | 'verdict-safe' | 'verdict-caution' | 'verdict-blocked';

export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

export const MARK: Record<ChecklistStatus, string> = { pass: '✔', fail: '✖', manual: '?' };

/** A row of the review list: a checklist item, or the platform's next step at the end. */
export type Row = { kind: 'item'; item: ChecklistItem } | { kind: 'next' };

export function rowsOf(report: Report): Row[] {
  return [...report.checklist.map((item) => ({ kind: 'item' as const, item })), { kind: 'next' as const }];
}

export function isTickable(row: Row | undefined): boolean {
  return row?.kind === 'item' && row.item.status === 'manual';
}

/** Cuts text to `width` columns, with … when cut. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Hard-wraps one line of text to `width` columns, indenting continuation lines. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const out: string[] = [];
  let rest = chars;
  let first = true;
  while (rest.length > 0) {
    const room = Math.max(1, first ? width : width - indent.length);
    let cut = room;
    if (rest.length > room) {
      const space = rest.slice(0, room).lastIndexOf(' ');
      if (space > room / 2) cut = space + 1;
    }
    out.push((first ? '' : indent) + rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    first = false;
  }
  return out;
}

export function scoreBar(score: number, width: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}


export function headerLines(report: Report, ticked: ReadonlySet<string>, filter: string, width: number): Line[] {
  const v = report.volume;
  const counts = { pass: 0, fail: 0, manual: 0 };
  for (const item of report.checklist) counts[item.status]++;
  const checked = report.checklist.filter((i) => i.status === 'manual' && ticked.has(i.id)).length;
  const refs = `${oneLine(report.from.ref)} (${short(report.from.sha)}) → ${oneLine(report.to.ref)} (${short(report.to.sha)})`;
  const volume = `${plural(v.commits, 'commit')} · ${plural(v.files, 'file')} · +${v.insertions} −${v.deletions} lines`;
  return [
    [{ text: 'rollback-ready ', tone: 'dim' }, { text: fit(refs, width - 15), bold: true }],
    [
      { text: ` ${report.verdict.toUpperCase()} `, tone: `verdict-${report.verdict}`, bold: true, inverse: true },
      { text: ` risk ${report.riskScore}/100 ` },
      { text: scoreBar(report.riskScore, 12), tone: `verdict-${report.verdict}` },
      { text: fit(`  ${volume}`, width - 32), tone: 'dim' },
    ],
    [
      { text: 'Checklist  ' },
      { text: `✔ ${counts.pass}`, tone: 'pass' },
      { text: '  ' },
      { text: `✖ ${counts.fail}`, tone: 'fail' },
      { text: '  ' },
      { text: `? ${counts.manual}`, tone: 'manual' },
      { text: counts.manual > 0 ? ` (${checked} checked by hand)` : '', tone: 'dim' },
      { text: filter ? fit(`  filter: ${filter}`, width - 40) : '', tone: 'accent' },
    ],
  ];
}

export function findingMatches(finding: Finding, filter: string): boolean {
  if (!filter) return true;
  const q = filter.toLowerCase();
  return [finding.ruleId, finding.category, finding.severity, finding.message, finding.path, finding.evidence ?? '']
    .some((text) => text.toLowerCase().includes(q));
}

export function itemFindings(report: Report, item: ChecklistItem, filter: string): Finding[] {
  return item.findingRefs.map((i) => report.findings[i]!).filter((f) => findingMatches(f, filter));
}

export function rowLine(report: Report, row: Row, selected: boolean, ticked: ReadonlySet<string>, filter: string, width: number): Line {
  const pointer: Segment = { text: selected ? '›' : ' ', tone: 'accent', bold: true };
  if (row.kind === 'next') {
    const label = report.rollback ? `Next step: roll back on ${report.rollback.platform}` : 'Next step (pass --platform for the exact command)';
    return [pointer, { text: ' → ', tone: 'accent' }, { text: fit(label, width - 4), inverse: selected, bold: selected }];
  }
  const { item } = row;
  const isTicked = item.status === 'manual' && ticked.has(item.id);
  const mark = isTicked ? '✔' : MARK[item.status];
  const tone: Tone = isTicked ? 'pass' : item.status;
  const total = item.findingRefs.length;
  const shown = itemFindings(report, item, filter).length;
  const count = total === 0 ? '' : filter ? `${shown}/${total}` : String(total);
  const suffix = isTicked ? ' checked' : item.status === 'manual' ? ' to check' : '';
  const right = `${suffix}${count ? `  ${count}` : ''}`;
  const room = Math.max(4, width - 4 - right.length - 1);
  const title = fit(oneLine(item.title), room);
  return [
    pointer,
    { text: ` ${mark} `, tone, bold: true },
    { text: title.padEnd(room), inverse: selected, bold: selected },
    { text: ` ${right}`, tone: 'dim' },
  ];
}

function findingLines(f: Finding, width: number): Line[] {
  const lines: Line[] = [];
  const place = `${oneLine(f.path)}${f.line !== undefined ? `:${f.line}` : ''}`;
  const tone: Tone = f.severity === 'critical' || f.severity === 'high' ? 'fail' : f.severity === 'medium' ? 'manual' : 'dim';
  lines.push([{ text: f.severity.toUpperCase().padEnd(9), tone, bold: true }, { text: fit(`${place}  [${f.ruleId}]`, width - 9) }]);
  for (const text of wrap(oneLine(f.message), width - 2, '  ')) lines.push([{ text: `  ${text}` }]);
  if (f.evidence) for (const text of wrap(`evidence: ${oneLine(f.evidence)}`, width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'accent' }]);
  if (f.remediation) for (const text of wrap(`fix: ${oneLine(f.remediation)}`, width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'dim' }]);
  if (f.suppressed) lines.push([{ text: fit(`  suppressed: ${oneLine(f.suppressed.reason)}`, width), tone: 'dim' }]);
  return lines;
}

/** Everything about one row: the item, why it has its status, and its findings with evidence. */
export function detailLines(report: Report, row: Row, ticked: ReadonlySet<string>, filter: string, width: number): Line[] {
  if (row.kind === 'next') return nextLines(report, width);
  const { item } = row;
  const lines: Line[] = [];
  const isTicked = item.status === 'manual' && ticked.has(item.id);
  const tone: Tone = isTicked ? 'pass' : item.status;
  for (const [i, text] of wrap(oneLine(item.title), width - 2, '  ').entries()) {
    lines.push([{ text: i === 0 ? `${isTicked ? '✔' : MARK[item.status]} ` : '', tone, bold: true }, { text, bold: true }]);
  }
  for (const text of wrap(oneLine(item.detail), width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'dim' }]);
  if (item.status === 'manual') {
    lines.push([{ text: isTicked ? '  checked by hand (space to undo)' : '  to check by hand: space marks it checked', tone: isTicked ? 'pass' : 'manual' }]);
  }
  const all = item.findingRefs.map((i) => report.findings[i]!);
  const shown = all.filter((f) => findingMatches(f, filter));
  if (all.length === 0) return lines;
  lines.push([]);
  lines.push([{ text: filter ? `Findings: ${shown.length} of ${all.length} match "${fit(filter, 20)}"` : `Findings (${all.length})`, bold: true }]);
  for (const f of shown) lines.push(...findingLines(f, width));
  return lines;
}

function nextLines(report: Report, width: number): Line[] {
  const lines: Line[] = [];
  for (const text of wrap(nextStep(report), width)) lines.push([{ text, bold: true }]);
  lines.push([]);
  if (!report.rollback) {
    for (const text of wrap('Pass --platform gitops|convox|astronomer|octopus|kubernetes|heroku (or set `platform` in the config) to see the exact rollback command and what the platform does not bring back.', width)) {
      lines.push([{ text, tone: 'dim' }]);
    }
    return lines;
  }
  lines.push([{ text: `Roll back on ${report.rollback.platform}`, bold: true }]);
  for (const command of report.rollback.commands) for (const text of wrap(`$ ${oneLine(command)}`, width, '    ')) lines.push([{ text, tone: 'accent' }]);
  lines.push([]);
  lines.push([{ text: 'What it does not bring back', bold: true }]);
  for (const caveat of report.rollback.caveats) for (const text of wrap(`! ${oneLine(caveat)}`, width, '  ')) lines.push([{ text }]);
  return lines;
}

export interface Key {
  keys: string;
  does: string;
}

export const REVIEW_KEYS: Key[] = [
  { keys: '↑↓ jk', does: 'move' },
  { keys: 'enter →', does: 'open' },
  { keys: '← esc', does: 'back' },
  { keys: 'space', does: 'tick' },
  { keys: '/', does: 'filter' },
  { keys: '?', does: 'help' },
  { keys: 'q', does: 'quit' },
];

export const PICKER_KEYS: Key[] = [
  { keys: '↑↓ jk', does: 'move' },
  { keys: 'enter', does: 'pick' },
  { keys: '?', does: 'help' },
  { keys: 'q', does: 'quit' },
];

export const FILTER_KEYS: Key[] = [
  { keys: 'type', does: 'text to match' },
  { keys: 'enter', does: 'apply' },
  { keys: 'esc', does: 'cancel' },
];

/** The footer: the keys that work on this screen, cut to the width. */
export function footerLine(keys: Key[], width: number, message?: string): Line {
  if (message) return [{ text: fit(message, width), tone: 'accent' }];
  const parts: Segment[] = [];
  let used = 0;
  for (const key of keys) {
    const text = `${key.keys} ${key.does}`;
    const sep = parts.length > 0 ? 2 : 0;
    if (used + sep + text.length > width) break;
    if (sep) parts.push({ text: '  ' });
    parts.push({ text: key.keys, bold: true }, { text: ` ${key.does}`, tone: 'dim' });
    used += sep + text.length;
  }
  return parts;
}

export const HELP_TEXT: string[] = [
  'Review keys',
  '  ↑ ↓ or j k      move through the checklist (or scroll the details)',
  '  enter or →      open the selected item: its findings and evidence',
  '  ← or esc        back to the checklist',
  '  space           mark a ? item as checked by hand (again to undo)',
  '  /               filter findings by text (rule, path, message, evidence);',
  '                  enter applies, esc cancels, an empty filter clears it',
  '  ?               this help',
  '  q               quit with a summary of what was checked and what is open',
  '',
  'Marks: ✔ passes   ✖ must be handled before rolling back   ? check by hand',
  '',
  'Release picker: ↑ ↓ or j k move, enter picks the release to roll back to.',
  'Verdicts appear as each release is analysed in the background.',
  '',
  'Any key closes this help.',
];
