import { RULE_LIST } from '../../../rules/index.js';
import type { AnyRule } from '../../../rules/rule.js';
import { CHECKLIST, type ChecklistId } from '../../model/checklist.js';
import { didYouMean } from '../../config/suggest.js';
import { UsageError } from '../../util/errors.js';
import { oneLine } from '../../util/sanitize.js';
import { parseOptions } from '../options.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const CHECKLIST_IDS = Object.keys(CHECKLIST) as ChecklistId[];

export const RULES_HELP = `Usage: rollback-ready rules [--format ${FORMATS.join('|')}] [--checklist ITEM]

Lists every rule: id, category, default severity and what it finds.
  --format FORMAT   ${FORMATS.join(', ')} (a Markdown table)
  --checklist ITEM  only the rules that feed this checklist item (repeatable): ${CHECKLIST_IDS.join(', ')}
See \`rollback-ready explain <rule-id>\` for one rule.
`;

/** `rollback-ready rules`: every rule of the registry, one line each (or JSON, or a Markdown table). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(
    args,
    { format: { type: 'string' }, checklist: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    false,
    'rollback-ready help rules',
  );
  if (values.help) {
    process.stdout.write(RULES_HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format ${oneLine(format)}: unknown format`, `use one of: ${FORMATS.join(', ')}`);
  for (const item of values.checklist ?? []) {
    if (!(CHECKLIST_IDS as string[]).includes(item)) {
      const near = didYouMean(item, CHECKLIST_IDS);
      throw new UsageError(
        `--checklist ${oneLine(item)}: no such checklist item`,
        `use one of: ${CHECKLIST_IDS.join(', ')}${near ? ` — ${near}` : ''}`,
      );
    }
  }
  const rules = values.checklist ? RULE_LIST.filter((r) => values.checklist!.includes(r.checklist)) : RULE_LIST;
  if (format === 'json') {
    const list = rules.map((r) => ({
      id: r.id,
      category: r.category,
      severity: r.severity,
      description: r.description,
      checklist: r.checklist,
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(format === 'markdown' ? renderRuleTable(rules) : renderRuleList(rules));
  return 0;
}

const byId = (rules: readonly AnyRule[]) => [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));

export function renderRuleList(rules: readonly AnyRule[] = RULE_LIST): string {
  const rows = byId(rules).map((r) => [r.id, r.category, r.severity, r.description]);
  const header = ['rule', 'category', 'severity', 'finds'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd();
  const out = [
    line(header),
    ...rows.map(line),
    '',
    'Configure a rule under `rules:` in the config (off, a severity, or { severity, options }).',
    'Details: rollback-ready explain <rule-id>',
  ];
  return `${out.join('\n')}\n`;
}

/** The rules as a Markdown table, for the docs (our own text: only the table's own syntax is escaped). */
export function renderRuleTable(rules: readonly AnyRule[] = RULE_LIST): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = byId(rules).map((r) => `| \`${r.id}\` | ${r.category} | ${r.severity} | ${r.checklist} | ${cell(r.description)} |`);
  return `${['| rule | category | default severity | checklist item | finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}
