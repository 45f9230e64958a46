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
const flagsOf = (help: string) => [...help.split('\nOptions\n')[1]!.split('\n\n')[0]!.matchAll(/^ {2}(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]);

describe('rollback-ready --help', () => {
  it('is the help of the option table, and lists every option the analysis accepts', () => {
    expect(cli(['--help']).stdout).toBe(HELP);
    expect(cli(['analyze', '--help']).stdout).toBe(HELP);
    expect(flagsOf(HELP)).toEqual([...Object.keys(ANALYZE_OPTIONS), 'version']);
    for (const flag of ['platform', 'github-changelog', 'github-repo', 'api-url', 'debug', 'timings']) expect(HELP).toContain(`  --${flag}`);
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
    expect(() => parseOptions(['--delete-when-safe'], ANALYZE_OPTIONS)).toThrow("Unknown option '--delete-when-safe'");
  });
});

describe('rollback-ready comment --help', () => {
  it('is the help of the comment option table', () => {
    expect(cli(['comment', '--help']).stdout).toBe(COMMENT_HELP);
    expect(flagsOf(COMMENT_HELP)).toEqual(Object.keys(COMMENT_OPTIONS));
  });
});

describe('error hints', () => {
  it('list the severities, platforms and formats of the registries', () => {
    expect(cli(['--fail-on', 'hgh']).stderr).toBe(`rollback-ready: --fail-on hgh: unknown severity — use one of: ${SEVERITIES.join(', ')}\n`);
    expect(cli(['--platform', 'k8s']).stderr).toBe(`rollback-ready: --platform k8s: unknown platform — use one of: ${PLATFORM_IDS.join(', ')}\n`);
    expect(cli(['--format', 'html']).stderr).toBe(`rollback-ready: --format html: unknown format — use one of: ${[...FORMAT_NAMES, 'tui'].join(', ')}\n`);
    expect(cli(['--output', 'html=x']).stderr).toBe(`rollback-ready: --output html=x: unknown format html — use one of: ${FORMAT_NAMES.join(', ')}\n`);
  });
});
