import { RULES, RULE_LIST } from '../../../rules/index.js';
import type { AnyRule } from '../../../rules/rule.js';
import { CHECKLIST } from '../../model/checklist.js';
import { SEVERITIES } from '../../model/report.js';
import { didYouMean } from '../../config/suggest.js';
import { UsageError } from '../../util/errors.js';
import { oneLine } from '../../util/sanitize.js';
import { parseOptions } from '../options.js';

/** `rollback-ready explain <rule-id>`: why the rule matters for a rollback, an example, the fix, how to suppress it. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, true, 'rollback-ready help explain');
  if (values.help || positionals.length === 0) {
    if (!values.help)
      throw new UsageError('explain needs a rule id', 'run `rollback-ready explain <rule-id>`; `rollback-ready rules` lists them');
    process.stdout.write(
      'Usage: rollback-ready explain <rule-id>\n\nWhy a rule matters for a rollback, an example, how to fix it and how to suppress it.\n',
    );
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('explain takes one rule id', 'run `rollback-ready explain <rule-id>`');
  const id = positionals[0]!;
  const rule = Object.hasOwn(RULES, id) ? (RULES as Record<string, AnyRule>)[id] : undefined;
  if (!rule) {
    const near = didYouMean(
      id,
      RULE_LIST.map((r) => r.id),
    );
    throw new UsageError(
      `no rule named ${oneLine(id).slice(0, 80)}`,
      `${near ? `${near} ` : ''}\`rollback-ready rules\` lists the rule ids`,
    );
  }
  process.stdout.write(renderExplain(rule));
  return 0;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

export function renderExplain(rule: AnyRule): string {
  const checklist = (CHECKLIST as Record<string, { title: string }>)[rule.checklist]?.title ?? rule.checklist;
  const out = [
    `${rule.id} — ${rule.description}`,
    '',
    `category: ${rule.category} · default severity: ${rule.severity} · checklist: ${checklist}`,
    '',
    'Why it matters for a rollback',
    indent(rule.docs.why),
    '',
    'Example that triggers it',
    indent(rule.docs.example),
    '',
    'How to fix it',
    indent(rule.docs.fix),
    indent(`In the report: ${rule.remediation}`),
  ];
  if (rule.options) {
    out.push(
      '',
      'Options (defaults)',
      indent(`rules:\n  ${rule.id}:\n    severity: ${rule.severity}\n    options: ${JSON.stringify(rule.options.defaults)}`),
    );
  }
  out.push(
    '',
    'How to suppress it',
    indent(
      [
        'One finding: a comment on the line before it, with the reason (in the comment style of the file):',
        `  // rollback-ready-ignore ${rule.id}: <why this is fine>`,
        `  -- rollback-ready-ignore ${rule.id}: <why this is fine>     (SQL)`,
        `  # rollback-ready-ignore ${rule.id}: <why this is fine>      (YAML, shell)`,
        'Everywhere, in rollback-ready.config.yaml:',
        '  rules:',
        `    ${rule.id}: off        # or a severity: ${SEVERITIES.join(', ')}`,
      ].join('\n'),
    ),
  );
  return `${out.join('\n')}\n`;
}
