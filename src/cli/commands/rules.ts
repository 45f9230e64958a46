import { RULE_LIST } from '../../../rules/index.js';
import { UsageError } from '../../util/errors.js';
import { parseOptions } from '../options.js';

/** `rollback-ready rules`: every rule of the registry, one line each (or JSON). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write('Usage: rollback-ready rules [--format text|json]\n\nLists every rule: id, category, default severity and what it finds.\nSee `rollback-ready explain <rule-id>` for one rule.\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (format === 'json') {
    const rules = RULE_LIST.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description, checklist: r.checklist }));
    process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  if (format !== 'text') throw new UsageError(`--format ${format}: unknown format`, 'use text or json');
  process.stdout.write(renderRuleList());
  return 0;
}

export function renderRuleList(): string {
  const rows = [...RULE_LIST].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.category, r.severity, r.description]);
  const header = ['rule', 'category', 'severity', 'finds'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line), '', 'Configure a rule under `rules:` in the config (off, a severity, or { severity, options }).', 'Details: rollback-ready explain <rule-id>'];
  return `${out.join('\n')}\n`;
}
