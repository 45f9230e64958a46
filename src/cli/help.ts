// The option tables of the commands, and the help printed from them. The commands parse their arguments with
// the same tables, so `--help` (and docs/cli.md, generated from it) lists every option there is. Formats,
// platforms and severities come from their registries. Light on purpose: `--help` loads nothing else.
import { FORMATS, FORMAT_NAMES } from '../report/formats.js';
import { PLATFORM_IDS } from '../model/platform.js';
import { SEVERITIES } from '../model/report.js';

export interface Option {
  type: 'string' | 'boolean';
  multiple?: true;
  short?: string;
  /** How the value is shown in the help (DIR, REF…); boolean options have none. */
  value?: string;
  /** What the option does; the help wraps it. */
  help: string;
}

export type OptionTable = Readonly<Record<string, Option>>;

const oneOf = (names: readonly string[]) => names.join(', ');

export const ANALYZE_OPTIONS = {
  repo: { type: 'string', value: 'DIR', help: 'repository to analyse, work tree or bare (default: .)' },
  from: { type: 'string', value: 'REF', help: 'the release running now (default: HEAD)' },
  to: { type: 'string', value: 'REF', help: 'the release to roll back to (default: the previous release tag)' },
  base: {
    type: 'string',
    value: 'REF',
    help: "a pull request's base branch or commit instead of --to: the target is the merge base of --from and REF (as `comment` takes it), and the advice speaks of merging",
  },
  format: {
    type: 'string',
    value: 'FORMAT',
    help: `${FORMAT_NAMES.map((f) => `${f} (${FORMATS[f]})`).join(', ')}, or tui (the interactive review, the default when stdout is a terminal; text when piped)`,
  },
  output: {
    type: 'string',
    multiple: true,
    value: 'FORMAT=FILE',
    help: `also write the report in FORMAT (${oneOf(FORMAT_NAMES)}) to FILE; repeatable, one analysis`,
  },
  'fail-on': { type: 'string', value: 'SEVERITY', help: `exit 1 when a finding is at least this severe: ${oneOf(SEVERITIES)}` },
  'max-score': { type: 'string', value: 'N', help: 'exit 1 when the risk score is above N (0–100)' },
  'warn-only': { type: 'boolean', help: "print a crossed gate's line, but exit 0" },
  platform: {
    type: 'string',
    value: 'NAME',
    help: `${oneOf(PLATFORM_IDS)}: end the report with that platform's rollback command and caveats`,
  },
  'ack-file': { type: 'string', value: 'FILE', help: 'with the terminal review: write what was checked by hand as JSON' },
  'tag-pattern': { type: 'string', value: 'GLOB', help: "release tags to consider for the default --to (e.g. 'v*', 'api@*')" },
  scope: {
    type: 'string',
    multiple: true,
    value: 'PATH',
    help: "analyse only the changes under PATH (repeatable): one service of a monorepo; the workspace packages it depends on join, and a workspace package named NAME defaults --tag-pattern to 'NAME@*'",
  },
  config: { type: 'string', value: 'FILE', help: 'JSON or YAML config to use instead of the one in the --to release' },
  'github-changelog': {
    type: 'boolean',
    help: 'list the merged pull requests of the range (from GitHub, token in GITHUB_TOKEN); labels such as breaking-change, migration, database raise checklist items',
  },
  'github-repo': { type: 'string', value: 'O/N', help: 'the GitHub repository for --github-changelog (default: GITHUB_REPOSITORY)' },
  'api-url': { type: 'string', value: 'URL', help: 'GitHub GraphQL endpoint (default: GITHUB_GRAPHQL_URL, else api.github.com)' },
  advisories: {
    type: 'boolean',
    help: 'ask the npm registry which advisories affect the versions the rollback goes back to (off by default: no network unless asked)',
  },
  'advisories-registry': { type: 'string', value: 'URL', help: 'the registry for --advisories (default: https://registry.npmjs.org)' },
  timeout: {
    type: 'string',
    value: 'SECONDS',
    help: 'give up on GitHub after SECONDS for all its requests together, waits included (default 60)',
  },
  debug: { type: 'boolean', help: 'show stack traces of unexpected errors' },
  timings: { type: 'boolean', help: 'print the wall time of each phase on stderr (JSON)' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const satisfies OptionTable;

export const COMMENT_OPTIONS = {
  pr: { type: 'string', value: 'N', help: 'the pull request (default: from GITHUB_EVENT_PATH in GitHub Actions)' },
  'github-repo': { type: 'string', value: 'O/N', help: 'the GitHub repository (default: GITHUB_REPOSITORY)' },
  'api-url': { type: 'string', value: 'URL', help: 'GraphQL endpoint (default: GITHUB_GRAPHQL_URL, else https://api.github.com/graphql)' },
  repo: { type: 'string', value: 'DIR', help: 'local checkout to analyse (default: .); needs the head and base commits' },
  format: { type: 'string', value: 'FORMAT', help: `what to print on stdout: ${oneOf(FORMAT_NAMES)} (default: markdown, the comment)` },
  platform: { type: 'string', value: 'NAME', help: `${oneOf(PLATFORM_IDS)}: end the comment with that platform's rollback command` },
  'delete-when-safe': { type: 'boolean', help: 'delete the comment when the verdict is safe (add none)' },
  timeout: {
    type: 'string',
    value: 'SECONDS',
    help: 'give up on GitHub after SECONDS for all its requests together, waits included (default 60)',
  },
  config: {
    type: 'string',
    value: 'FILE',
    help: 'JSON or YAML config to use instead of the one at the merge base (as the analysis reads it at --to)',
  },
  'fail-on': { type: 'string', value: 'SEVERITY', help: `exit 1 when a finding is at least this severe: ${oneOf(SEVERITIES)}` },
  'max-score': { type: 'string', value: 'N', help: 'exit 1 when the risk score is above N (0–100)' },
  'warn-only': { type: 'boolean', help: "print a crossed gate's line, but exit 0" },
  debug: { type: 'boolean', help: 'show stack traces of unexpected errors' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const satisfies OptionTable;

/** One usage line per command; the command table (commands.ts) must have exactly these commands. */
export const USAGE = {
  analyze: ['[analyze] [--repo DIR] [--from REF] [--to REF] [options]', ''],
  comment: ['comment [options]', 'the rollback review as a pull-request comment'],
  rules: ['rules', 'list every rule (id, category, default severity)'],
  explain: ['explain <rule-id>', 'why a rule matters, an example, the fix, how to suppress it'],
  init: ['init', 'write a commented starter config here (never overwrites)'],
} as const satisfies Record<string, readonly [string, string]>;

export type CommandName = keyof typeof USAGE;

const WIDTH = 100;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** Two columns: the option with its value, and its help wrapped beside it. */
export function renderOptions(table: OptionTable): string {
  const flag = (name: string, o: Option) => `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
  const entries = Object.entries(table);
  const column = Math.max(...entries.map(([name, o]) => flag(name, o).length)) + 4;
  return entries
    .flatMap(([name, o]) => wrap(o.help, WIDTH - column).map((text, i) => `${(i === 0 ? `  ${flag(name, o)}` : '').padEnd(column)}${text}`))
    .join('\n');
}

const usage = () => {
  const rows = [...Object.values(USAGE), ['help <command>', "that command's help and options"] as const].map(
    ([args, what]) => [`rollback-ready ${args}`, what] as const,
  );
  const column = Math.max(...rows.filter(([, what]) => what).map(([left]) => left.length)) + 2;
  return rows.map(([left, what]) => `  ${what ? left.padEnd(column) + what : left}`).join('\n');
};

export const HELP = `rollback-ready — what would rolling back undo, and what would it break?

Usage
${usage()}

  --from is the release running now (default HEAD); --to is the rollback target
  (default: the release tag before --from).

Options
${renderOptions({ ...ANALYZE_OPTIONS, version: { type: 'boolean', short: 'v', help: 'the version' } })}

Exit codes
  0  analysis done (and the gate, if any, passed)
  1  the gate failed (--fail-on, --max-score, or gate in the config)
  2  usage, config or input error (bad ref, not a repository, shallow history)

Environment
  ROLLBACK_READY_CACHE  off: keep no compile cache; a folder: keep it there (default
                        $XDG_CACHE_HOME or ~/.cache, under rollback-ready/code)
`;

export const COMMENT_HELP = `rollback-ready comment — keep one rollback review comment on a pull request up to date

Usage
  rollback-ready comment [--pr N] [--github-repo owner/name] [--repo DIR] [options]

  Analyses the pull request as a future rollback: from = its head, to = the merge base
  of head and base (both read from GitHub), on the local checkout (--repo, read-only),
  with the configuration the analysis uses (the merge base's config file, or --config;
  its gate too). Finds the earlier comment it wrote (hidden marker) and updates it, or
  adds one.

Options
${renderOptions(COMMENT_OPTIONS)}

  The token comes from GITHUB_TOKEN or GH_TOKEN (needs pull-requests: write).

Exit codes
  0  comment added, updated or deleted (and the gate, if any, passed)
  1  the gate failed
  2  usage error, or GitHub failed (token, permission, not found, rate limit, network):
     the analysis is still printed when the commits are known
`;
