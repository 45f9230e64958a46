// The screens as plain lines of styled segments: pure, so layout is decided in one place
// and every line fits the width it is given (nothing wraps behind the layout's back).
import { notesOf, type ChecklistItem, type ChecklistStatus, type Finding, type Report } from '../../model/report.js';
import { oneLine } from '../../util/sanitize.js';
import { configLine, nextStep, scopeText, scoreFormula, short } from '../../report/text.js';
import { plural } from '../../util/format.js';
import { STATE_MARK, stateOf, type ItemState, type Marks } from './wrap-up.js';

export type Tone = 'pass' | 'fail' | 'manual' | 'accent' | 'dim' | 'verdict-safe' | 'verdict-caution' | 'verdict-blocked';

export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

export const MARK: Record<ChecklistStatus, string> = { pass: '✔', fail: '✖', manual: '?' };
const STATE_TONE: Record<ItemState, Tone> = { passed: 'pass', failed: 'fail', checked: 'pass', accepted: 'manual', open: 'manual' };

/** A row of the review list: why the verdict (first), a checklist item, or the platform's next step (last). */
export type Row = { kind: 'about' } | { kind: 'item'; item: ChecklistItem } | { kind: 'next' };

export function rowsOf(report: Report): Row[] {
  return [{ kind: 'about' as const }, ...report.checklist.map((item) => ({ kind: 'item' as const, item })), { kind: 'next' as const }];
}

export function isTickable(row: Row | undefined): row is { kind: 'item'; item: ChecklistItem } {
  return row?.kind === 'item' && row.item.status === 'manual';
}

/** ✖ and ? items can be accepted as a known risk; what passed needs no acceptance. */
export function isAcceptable(row: Row | undefined): row is { kind: 'item'; item: ChecklistItem } {
  return row?.kind === 'item' && row.item.status !== 'pass';
}

/** Cuts text to `width` columns, with … when cut. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Cuts text to `width` columns in its middle, keeping both ends (a path's folder and its file name). */
export function fitMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width < 8) return fit(text, width);
  const tail = Math.ceil((width - 1) * 0.6);
  return `${chars.slice(0, width - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
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
    // A line never starts with the space it was broken at.
    while (rest[0] === ' ') rest = rest.slice(1);
    first = false;
  }
  return out;
}

export function scoreBar(score: number, width: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** The score's terms in a few words, the biggest first: `+40 destructive-migration · +3 migration`. */
export function scoreTerms(report: Report): string {
  if (report.scoreBreakdown.length === 0) return 'no finding carries risk';
  return [...report.scoreBreakdown]
    .sort((a, b) => b.points - a.points)
    .map((line) => `+${line.points} ${line.category}`)
    .join(' · ');
}

/** The most severe finding, in a line: what rolling back to a release mostly means. */
export function topReason(report: Report): string {
  const top = report.findings.find((f) => !f.suppressed);
  return top ? `${top.ruleId}: ${oneLine(top.message)}` : 'nothing found';
}

const MAX_HEADER_NOTES = 3;

export function headerLines(report: Report, marks: Marks, filter: string, width: number): Line[] {
  const v = report.volume;
  const counts = { pass: 0, fail: 0, manual: 0 };
  for (const item of report.checklist) counts[item.status]++;
  const states = report.checklist.map((item) => stateOf(item, marks));
  const checked = states.filter((s) => s === 'checked').length;
  const accepted = states.filter((s) => s === 'accepted').length;
  const refs = `${oneLine(report.from.ref)} (${short(report.from.sha)}) → ${oneLine(report.to.ref)} (${short(report.to.sha)})`;
  const volume = `${plural(v.commits, 'commit')} · ${plural(v.files, 'file')} · +${v.insertions} −${v.deletions} lines`;
  const byHand = [counts.manual > 0 ? `${checked} checked by hand` : '', accepted > 0 ? `${accepted} accepted` : '']
    .filter(Boolean)
    .join(', ');
  const lines: Line[] = [
    [
      { text: 'rollback-ready ', tone: 'dim' },
      { text: fit(refs, width - 15), bold: true },
    ],
    [
      { text: ` ${report.verdict.toUpperCase()} `, tone: `verdict-${report.verdict}`, bold: true, inverse: true },
      { text: ` risk ${report.riskScore}/100 ` },
      { text: scoreBar(report.riskScore, 12), tone: `verdict-${report.verdict}` },
      { text: fit(`  ${volume}`, width - 32), tone: 'dim' },
    ],
  ];
  // Every note of the analysis, one line each; the swapped-refs warning first and loud. The first row has them whole.
  const { warning, notes } = notesOf(report);
  if (warning) lines.push([{ text: fit(`! ${oneLine(warning)}`, width), tone: 'fail', bold: true }]);
  const room = MAX_HEADER_NOTES - (warning ? 1 : 0);
  const shown = notes.length > room ? notes.slice(0, room - 1) : notes;
  for (const note of shown) lines.push([{ text: fit(`note: ${oneLine(note)}`, width), tone: 'dim' }]);
  if (shown.length < notes.length)
    lines.push([{ text: fit(`+${plural(notes.length - shown.length, 'more note')}: see the first row`, width), tone: 'dim' }]);
  lines.push([
    { text: 'Checklist  ' },
    { text: `✔ ${counts.pass}`, tone: 'pass' },
    { text: '  ' },
    { text: `✖ ${counts.fail}`, tone: 'fail' },
    { text: '  ' },
    { text: `? ${counts.manual}`, tone: 'manual' },
    { text: byHand ? ` (${byHand})` : '', tone: 'dim' },
    { text: filter ? fit(`  filter: ${filter}`, width - 40) : '', tone: 'accent' },
  ]);
  return lines;
}

export function findingMatches(finding: Finding, filter: string): boolean {
  if (!filter) return true;
  const q = filter.toLowerCase();
  return [finding.ruleId, finding.category, finding.severity, finding.message, finding.path, finding.evidence ?? ''].some((text) =>
    text.toLowerCase().includes(q),
  );
}

export function itemFindings(report: Report, item: ChecklistItem, filter: string): Finding[] {
  return item.findingRefs.map((i) => report.findings[i]!).filter((f) => findingMatches(f, filter));
}

/** What stands right of an item's title: its state when the reviewer set one, and its findings count. */
function rowSuffix(report: Report, item: ChecklistItem, marks: Marks, filter: string): string {
  const state = stateOf(item, marks);
  const total = item.findingRefs.length;
  const count = total === 0 ? '' : filter ? `${itemFindings(report, item, filter).length}/${total}` : String(total);
  const suffix = state === 'checked' ? ' checked' : state === 'accepted' ? ' accepted' : '';
  return `${suffix}${count ? `  ${count}` : ''}`;
}

export function rowLine(report: Report, row: Row, selected: boolean, marks: Marks, filter: string, width: number): Line {
  const pointer: Segment = { text: selected ? '›' : ' ', tone: 'accent', bold: true };
  if (row.kind === 'about') {
    const label = `Why ${report.verdict.toUpperCase()}: ${scoreTerms(report)}${report.notes.length > 0 ? ` · ${plural(report.notes.length, 'note')}` : ''}`;
    return [
      pointer,
      { text: ' i ', tone: 'accent', bold: true },
      { text: fit(label, width - 4).padEnd(Math.max(0, width - 4)), inverse: selected, bold: selected },
    ];
  }
  if (row.kind === 'next') {
    const label = report.rollback
      ? `Next step: roll back on ${report.rollback.platform}`
      : 'Next step (pass --platform for the exact command)';
    return [pointer, { text: ' → ', tone: 'accent' }, { text: fit(label, width - 4), inverse: selected, bold: selected }];
  }
  const { item } = row;
  const state = stateOf(item, marks);
  const right = rowSuffix(report, item, marks, filter);
  const room = Math.max(4, width - 4 - right.length - 1);
  const title = fit(oneLine(item.title), room);
  return [
    pointer,
    { text: ` ${STATE_MARK[state]} `, tone: STATE_TONE[state], bold: true },
    { text: title.padEnd(room), inverse: selected, bold: selected },
    { text: ` ${right}`, tone: 'dim' },
  ];
}

/** How wide the checklist needs to be to show every title whole. */
export function listWidthNeeded(report: Report, marks: Marks, filter: string): number {
  return Math.max(
    ...report.checklist.map((item) => 4 + [...oneLine(item.title)].length + 1 + rowSuffix(report, item, marks, filter).length),
  );
}

function findingLines(f: Finding, width: number): Line[] {
  const lines: Line[] = [];
  const place = `${oneLine(f.path)}${f.line !== undefined ? `:${f.line}` : ''}`;
  const tone: Tone = f.severity === 'critical' || f.severity === 'high' ? 'fail' : f.severity === 'medium' ? 'manual' : 'dim';
  // The rule id whole; the place beside it when it fits, else on its own line, cut in its middle only when even
  // that is too narrow (both ends of a path say more than its start).
  const rule = `[${f.ruleId}]`;
  const head: Line = [{ text: f.severity.toUpperCase().padEnd(9), tone, bold: true }, { text: fit(rule, width - 9) }];
  if (9 + rule.length + 2 + [...place].length <= width) lines.push([...head, { text: `  ${place}` }]);
  else lines.push(head, [{ text: `  ${fitMiddle(place, width - 2)}` }]);
  for (const text of wrap(oneLine(f.message), width - 2, '  ')) lines.push([{ text: `  ${text}` }]);
  if (f.evidence)
    for (const text of wrap(`evidence: ${oneLine(f.evidence)}`, width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'accent' }]);
  if (f.remediation)
    for (const text of wrap(`fix: ${oneLine(f.remediation)}`, width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'dim' }]);
  if (f.suppressed) lines.push([{ text: fit(`  suppressed: ${oneLine(f.suppressed.reason)}`, width), tone: 'dim' }]);
  return lines;
}

/** What the reviewer can do with an item, or has done. */
function markLines(item: ChecklistItem, marks: Marks, width: number): Line[] {
  const state = stateOf(item, marks);
  const lines = (text: string, tone: Tone) => wrap(text, width - 2, '  ').map((t): Line => [{ text: `  ${t}`, tone }]);
  if (state === 'accepted')
    return lines(`accepted as a known risk: ${oneLine(marks.accepted.get(item.id) ?? '')} (a withdraws it)`, 'manual');
  if (state === 'checked') return lines('checked by hand (space to undo)', 'pass');
  if (state === 'open') return lines('to check by hand: space marks it checked; a accepts it as a known risk, with your reason', 'manual');
  if (state === 'failed')
    return lines('a accepts it as a known risk (a false positive, or a risk taken knowingly), with your reason', 'dim');
  return [];
}

/** Everything about one row: the item, why it has its status, and its findings with evidence. */
export function detailLines(report: Report, row: Row, marks: Marks, filter: string, width: number): Line[] {
  if (row.kind === 'about') return aboutLines(report, width);
  if (row.kind === 'next') return nextLines(report, width);
  const { item } = row;
  const lines: Line[] = [];
  const state = stateOf(item, marks);
  for (const [i, text] of wrap(oneLine(item.title), width - 2, '  ').entries()) {
    lines.push([
      { text: i === 0 ? `${STATE_MARK[state]} ` : '', tone: STATE_TONE[state], bold: true },
      { text, bold: true },
    ]);
  }
  for (const text of wrap(oneLine(item.detail), width - 2, '  ')) lines.push([{ text: `  ${text}`, tone: 'dim' }]);
  lines.push(...markLines(item, marks, width));
  const all = item.findingRefs.map((i) => report.findings[i]!);
  const shown = all.filter((f) => findingMatches(f, filter));
  if (all.length === 0) return lines;
  lines.push([]);
  lines.push([
    { text: filter ? `Findings: ${shown.length} of ${all.length} match "${fit(filter, 20)}"` : `Findings (${all.length})`, bold: true },
  ]);
  for (const f of shown) lines.push(...findingLines(f, width));
  return lines;
}

/** The first row: why the verdict, term by term, and every note of the analysis, whole. */
export function aboutLines(report: Report, width: number): Line[] {
  const lines: Line[] = [];
  const block = (text: string, tone?: Tone, indent = '  ') => {
    for (const t of wrap(text, width - indent.length, '  ')) lines.push([{ text: `${indent}${t}`, ...(tone ? { tone } : {}) }]);
  };
  lines.push([
    {
      text: fit(`Why ${report.verdict.toUpperCase()} — risk ${report.riskScore}/100`, width),
      bold: true,
      tone: `verdict-${report.verdict}`,
    },
  ]);
  block(nextStep(report), 'dim');
  lines.push([], [{ text: 'Score', bold: true }]);
  if (report.scoreBreakdown.length === 0) block('0 points: no finding carries risk');
  const points = Math.max(0, ...report.scoreBreakdown.map((line) => `+${line.points}`.length));
  for (const line of report.scoreBreakdown) {
    const head = `+${line.points}`.padStart(points);
    lines.push([
      { text: `  ${head} `, bold: true },
      { text: fit(line.category, width - points - 3), tone: 'accent' },
    ]);
    block(oneLine(line.reason), undefined, ' '.repeat(points + 3));
  }
  const formula = scoreFormula(report);
  if (formula) block(`= ${formula}`, 'dim');
  const { warning, notes } = notesOf(report);
  if (warning || notes.length > 0) {
    lines.push([], [{ text: `Notes (${report.notes.length})`, bold: true }]);
    if (warning) block(`! ${oneLine(warning)}`, 'fail');
    for (const note of notes) block(`- ${oneLine(note)}`);
  }
  lines.push([]);
  if (report.config) block(`config: ${oneLine(configLine(report))}`, 'dim', '');
  if (report.scope) block(`scope: ${oneLine(scopeText(report))}`, 'dim', '');
  return lines;
}

function nextLines(report: Report, width: number): Line[] {
  const lines: Line[] = [];
  for (const text of wrap(nextStep(report), width)) lines.push([{ text, bold: true }]);
  lines.push([]);
  if (!report.rollback) {
    for (const text of wrap(
      'Pass --platform gitops|convox|astronomer|octopus|kubernetes|heroku (or set `platform` in the config) to see the exact rollback command and what the platform does not bring back.',
      width,
    )) {
      lines.push([{ text, tone: 'dim' }]);
    }
    return lines;
  }
  lines.push([{ text: `Roll back on ${report.rollback.platform}`, bold: true }]);
  for (const command of report.rollback.commands)
    for (const text of wrap(`$ ${oneLine(command)}`, width, '    ')) lines.push([{ text, tone: 'accent' }]);
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
  { keys: '↑↓', does: 'move' },
  { keys: 'enter', does: 'open' },
  { keys: 'esc', does: 'back' },
  { keys: 'space', does: 'tick' },
  { keys: 'a', does: 'accept' },
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
  '  ↑ ↓ j k         move through the checklist, or scroll an open row',
  '  PgUp PgDn       a page up or down; ctrl-u ctrl-d half a page',
  '  Home End g G    the first or the last row (the top or end of an open row)',
  '  enter →         open the selected row: its findings and evidence',
  '  ← esc           back to the checklist',
  '  space           mark a ? item as checked by hand (again to undo)',
  '  a               accept a ✖ or ? item as a known risk, with a typed reason',
  '  /               filter findings by text (rule, path, message, evidence)',
  '  q ctrl-c        quit: the wrap-up of what was checked, accepted, still open',
  '',
  'Marks: ✔ passes  ✖ handle before rolling back  ? check by hand  ! accepted',
  'The first row says why the verdict: the score term by term, and the notes.',
  'Picker: ↑ ↓ move, PgUp PgDn page, enter picks; verdicts fill in as analysed.',
  '',
  'Any key closes this help.',
];
