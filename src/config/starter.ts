import { RULE_LIST } from '../../rules/index.js';
import { PLATFORM_IDS } from '../model/platform.js';
import { SEVERITIES } from '../model/report.js';
import { oneLine } from '../util/sanitize.js';
import type { Detected } from './detect.js';

const list = (items: string[], max = 6) =>
  items
    .slice(0, max)
    .map((i) => oneLine(i))
    .join(', ') + (items.length > max ? `, … (${items.length - max} more)` : '');

/** A commented starter config in YAML: working defaults, with what was found in the repository. */
export function starterConfig(found: Detected): string {
  const out: string[] = [
    '# rollback-ready configuration.',
    '# It is read from the git tree of the release being rolled back, and only as data (never run as code).',
    '# Every key is optional; an unknown key or value is an error that names it. See README "Configuration".',
    '',
    `# Per rule: off, a severity (${SEVERITIES.join(', ')}), or { severity, options }.`,
    '# `rollback-ready rules` lists them; `rollback-ready explain <rule-id>` says what each one means.',
    '# Replace the {} below with entries like these (the defaults):',
  ];
  for (const rule of [...RULE_LIST].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const options = rule.options ? `, options: ${JSON.stringify(rule.options.defaults)}` : '';
    out.push(`#   ${rule.id}: { severity: ${rule.severity}${options} }`);
  }
  out.push('rules: {}');
  out.push(
    '',
    '# Paths the analysis leaves out (they are counted in the report, never silently dropped).',
    'ignore: []',
    "#   - '**/__generated__/**'",
    '',
    '# The findings decide the verdict (docs/scoring.md). A team may also make a risk score (0-100) caution or blocked:',
    '# verdict:',
    '#   cautionAt: 40',
    '#   blockedAt: 80',
    '',
    "# Where the app runs: the report ends with that platform's rollback command and caveats.",
  );
  if (found.platform) out.push(`# (found ${oneLine(found.platform.because)})`, `platform: ${found.platform.id}`);
  else out.push(`# platform: ${PLATFORM_IDS[0]}   # ${PLATFORM_IDS.join(', ')}`);
  out.push(
    '',
    '# Defaults for the command line (its flags win).',
    '# output:',
    '#   format: markdown',
    '',
    '# Rules of your team, no code needed: a change that matches raises a finding with your message.',
    '# customRules:',
    '#   - id: billing-owners',
    '#     description: Billing changes need the payments team',
    "#     when: { paths: ['billing/**'], status: [modified, deleted] }",
    '#     severity: high',
    '#     message: page the payments team before rolling back',
    '#     checklist: Payments team paged',
  );
  out.push('', '# Monorepo: analyse the rollback of one service; the workspace packages it depends on join the scope.');
  if (found.workspaces.length > 0) {
    out.push(`# Workspaces found: ${list(found.workspaces)}`);
    if (found.packages.length > 0) out.push(`# Packages: ${list(found.packages)}`);
    const first = found.packages[0];
    out.push(
      `# scope: [${oneLine(first ?? 'apps/api')}]`,
      "# tagPattern: 'api@*'   # release tags of that service (default: <package name>@*)",
    );
  } else {
    out.push('# scope: [services/api]', "# tagPattern: 'api@*'");
  }
  if (found.migrations.length > 0) {
    out.push(
      '',
      `# Migration folders found: ${list(found.migrations.map((m) => `${m.dir} (${m.files} file${m.files === 1 ? '' : 's'})`))}`,
    );
  }
  if (found.specs.length > 0) out.push('', `# API specs found: ${list(found.specs)}`);
  return `${out.join('\n')}\n`;
}
