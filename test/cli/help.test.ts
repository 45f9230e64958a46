// --help is printed from the option tables the commands parse with, and lists formats, platforms and
// severities from their registries.
import { describe, expect, it } from 'vitest';
import { ANALYZE_OPTIONS, COMMENT_HELP, COMMENT_OPTIONS, HELP } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { parseOptions } from '../../src/cli/options.js';
import { PLATFORM_IDS } from '../../src/model/platform.js';
import { SEVERITIES } from '../../src/model/report.js';
import { FORMAT_NAMES } from '../../src/report/formats.js';
import { REPORTERS } from '../../src/report/index.js';
import { cli } from '../support/repo.js';

/** The options listed under "Options". */
const flagsOf = (help: string) =>
  [
    ...help
      .split('\nOptions\n')[1]!
      .split('\n\n')[0]!
      .matchAll(/^ {2}(?:-\w, )?--([\w-]+)/gm),
  ].map((m) => m[1]);

describe('rollback-ready --help', () => {
  it('is the help of the option table, and lists every option the analysis accepts', () => {
    expect(cli(['--help']).stdout).toBe(HELP);
    expect(cli(['analyze', '--help']).stdout).toBe(HELP);
    expect(flagsOf(HELP)).toEqual([...Object.keys(ANALYZE_OPTIONS), 'version']);
    for (const flag of ['platform', 'github-changelog', 'github-repo', 'api-url', 'debug', 'timings'])
      expect(HELP).toContain(`  --${flag}`);
  });

  it('names every command', () => {
    for (const name of Object.keys(COMMANDS)) expect(HELP).toMatch(new RegExp(`^ {2}rollback-ready \\[?${name}`, 'm'));
  });

  it('takes its lists from the registries', () => {
    expect(HELP.replace(/\n +/g, ' ')).toContain(`exit 1 when a finding is at least this severe: ${SEVERITIES.join(', ')}`);
    expect(HELP.replace(/\n +/g, ' ')).toContain(`${PLATFORM_IDS.join(', ')}: end the report`);
    expect(HELP.replace(/\n +/g, ' ')).toContain(`also write the report in FORMAT (${FORMAT_NAMES.join(', ')})`);
    expect(FORMAT_NAMES).toEqual(Object.keys(REPORTERS));
  });

  it('keeps every line within 100 columns', () => {
    for (const line of [...HELP.split('\n'), ...COMMENT_HELP.split('\n')]) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('accepts every option of the table, and refuses one that is not in it', () => {
    const { values } = parseOptions(['--timings', '--debug', '--github-changelog', '--scope', 'a', '--scope', 'b', '-h'], ANALYZE_OPTIONS);
    expect(values).toEqual({ timings: true, debug: true, 'github-changelog': true, scope: ['a', 'b'], help: true });
    expect(() => parseOptions(['--delete-when-safe'], ANALYZE_OPTIONS)).toThrow('unknown option --delete-when-safe');
  });
});

describe('rollback-ready comment --help', () => {
  it('is the help of the comment option table', () => {
    expect(cli(['comment', '--help']).stdout).toBe(COMMENT_HELP);
    expect(flagsOf(COMMENT_HELP)).toEqual(Object.keys(COMMENT_OPTIONS));
  });
});

describe('rollback-ready help <command>', () => {
  it("prints that command's help, the same as <command> --help", () => {
    for (const name of Object.keys(COMMANDS)) {
      const help = cli(['help', name]);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toBe(cli([name, '--help']).stdout);
    }
    expect(cli(['help', 'comment']).stdout).toBe(COMMENT_HELP);
    expect(cli(['help']).stdout).toBe(HELP);
    expect(HELP).toMatch(/^ {2}rollback-ready help <command> +that command's help and options$/m);
  });

  it('refuses an unknown command, suggesting the nearest', () => {
    expect(cli(['help', 'analyse'])).toMatchObject({
      code: 2,
      stderr:
        'rollback-ready: help analyse: no such command — did you mean analyze? commands: analyze, comment, rules, explain, init (rollback-ready --help)\n',
    });
  });
});

describe('did you mean', () => {
  it('suggests the option a misspelt flag was meant to be, in the help of its command', () => {
    expect(cli(['--frmo', 'v1'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'rollback-ready: unknown option --frmo — did you mean --from? see `rollback-ready --help`\n',
    });
    expect(cli(['--fail-on', 'high', '--max-scroe=3']).stderr).toBe(
      'rollback-ready: unknown option --max-scroe — did you mean --max-score? see `rollback-ready --help`\n',
    );
    expect(cli(['comment', '--prr', '3']).stderr).toBe(
      'rollback-ready: unknown option --prr — did you mean --pr? see `rollback-ready help comment`\n',
    );
    expect(cli(['rules', '--fromat', 'json']).stderr).toBe(
      'rollback-ready: unknown option --fromat — did you mean --format? see `rollback-ready help rules`\n',
    );
    expect(cli(['--xyzzy']).stderr).toBe('rollback-ready: unknown option --xyzzy — see `rollback-ready --help`\n');
  });

  it('suggests the command a misspelt one was meant to be', () => {
    expect(cli(['analyse', '--from', 'v1'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'rollback-ready: analyse: no such command — did you mean analyze? commands: analyze, comment, rules, explain, init (rollback-ready --help)\n',
    });
    expect(cli(['comments']).stderr).toMatch(/^rollback-ready: comments: no such command — did you mean comment\? /);
  });
});

describe('error hints', () => {
  it('list the severities, platforms and formats of the registries', () => {
    expect(cli(['--fail-on', 'hgh']).stderr).toBe(
      `rollback-ready: --fail-on hgh: unknown severity — use one of: ${SEVERITIES.join(', ')}\n`,
    );
    expect(cli(['--platform', 'k8s']).stderr).toBe(
      `rollback-ready: --platform k8s: unknown platform — use one of: ${PLATFORM_IDS.join(', ')}\n`,
    );
    expect(cli(['--format', 'html']).stderr).toBe(
      `rollback-ready: --format html: unknown format — use one of: ${[...FORMAT_NAMES, 'tui'].join(', ')}\n`,
    );
    expect(cli(['--output', 'html=x']).stderr).toBe(
      `rollback-ready: --output html=x: unknown format html — use one of: ${FORMAT_NAMES.join(', ')}\n`,
    );
  });
});
