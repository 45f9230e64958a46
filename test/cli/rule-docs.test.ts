import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE_LIST } from '../../rules/index.js';
import { renderExplain } from '../../src/cli/commands/explain.js';
import { renderRuleList, renderRuleTable } from '../../src/cli/commands/rules.js';
import { detect } from '../../src/config/detect.js';
import { starterConfig } from '../../src/config/starter.js';
import { parseConfig } from '../../src/config/validate.js';
import { writeTree as writeTreeFor } from '../../src/testing/fixture-repo.js';
import { cli, tempDir } from '../support/repo.js';

describe('rollback-ready rules', () => {
  it('lists every registered rule with category, default severity and one line', () => {
    const { code, stdout } = cli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toBe(renderRuleList());
    for (const rule of RULE_LIST) {
      expect(stdout).toMatch(
        new RegExp(`^${rule.id} +${rule.category} +${rule.severity} +${rule.description.replace(/[()]/g, '\\$&')}$`, 'm'),
      );
    }
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(RULE_LIST.map((r) => r.id));
  });

  it('prints a Markdown table of the registry, one row per rule, for the docs', () => {
    const { code, stdout } = cli(['rules', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toBe(renderRuleTable());
    const rows = stdout.trimEnd().split('\n').slice(2);
    expect(rows).toHaveLength(RULE_LIST.length);
    const dropColumn = RULE_LIST.find((r) => r.id === 'drop-column')!;
    expect(rows).toContain(`| \`drop-column\` | destructive-migration | critical | database | ${dropColumn.description} |`);
  });

  it('lists only the rules of the checklist items asked for, and refuses an unknown item', () => {
    const { stdout } = cli(['rules', '--format', 'json', '--checklist', 'endpoints', '--checklist', 'config']);
    const ids = JSON.parse(stdout).map((r: { id: string }) => r.id);
    expect(ids).toEqual(RULE_LIST.filter((r) => r.checklist === 'endpoints' || r.checklist === 'config').map((r) => r.id));
    expect(ids).toContain('endpoint-removed');
    expect(ids).toContain('env-var-needed');
    const bad = cli(['rules', '--checklist', 'databse']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'rollback-ready: --checklist databse: no such checklist item — use one of: database, contracts, endpoints, config, dependencies, infrastructure, fixes, volume, review, custom — did you mean database?\n',
    );
  });
});

describe('rollback-ready explain', () => {
  it.each(RULE_LIST.map((r) => [r.id, r] as const))('%s: why, example, fix and suppression', (_id, rule) => {
    const text = renderExplain(rule);
    expect(text).toContain(rule.docs.why);
    expect(text).toContain(rule.docs.example);
    expect(text).toContain(rule.docs.fix);
    expect(text).toMatch(
      /Why it matters for a rollback\n[\s\S]*Example that triggers it\n[\s\S]*How to fix it\n[\s\S]*How to suppress it\n/,
    );
    expect(text).toContain(`// rollback-ready-ignore ${rule.id}: <why this is fine>`);
    expect(text).toContain(`    ${rule.id}: off`);
  });

  it('prints it from the command line', () => {
    const { code, stdout } = cli(['explain', 'release-volume']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^release-volume — A big release/);
    expect(stdout).toContain('options: {"commits":[10,100]');
  });

  it('refuses an unknown rule id with a suggestion, exit 2', () => {
    const { code, stdout, stderr } = cli(['explain', 'release-volum']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'rollback-ready: no rule named release-volum — did you mean release-volume? `rollback-ready rules` lists the rule ids\n',
    );
    expect(cli(['explain']).stderr).toMatch(/explain needs a rule id/);
  });
});

describe('rollback-ready init', () => {
  const monorepo = {
    'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/api/package.json': '{"name":"api"}',
    'apps/api/openapi.yaml': 'openapi: 3.0.0\n',
    'apps/web/package.json': '{"name":"web"}',
    'packages/db/package.json': '{"name":"db"}',
    'packages/db/migrations/001_init.sql': 'CREATE TABLE t (id INT);\n',
    'packages/db/migrations/002_more.sql': 'ALTER TABLE t ADD c INT;\n',
    'node_modules/x/migrations/1.sql': 'x',
    Procfile: 'web: node server.js\n',
  };

  it('writes a commented starter config, detected from the folder, that validates', () => {
    const dir = tempDir();
    writeTreeFor(dir, monorepo);
    const { code, stdout } = cli(['init'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(
      'wrote rollback-ready.config.yaml (found 1 migration folder, 1 API spec, 3 workspace packages, platform heroku); commit it so the analysis of each release reads it\n',
    );
    const text = readFileSync(join(dir, 'rollback-ready.config.yaml'), 'utf8');
    expect(text).toMatch(/^# Migration folders found: packages\/db\/migrations \(2 files\)$/m);
    expect(text).toMatch(/^# API specs found: apps\/api\/openapi\.yaml$/m);
    expect(text).toMatch(/^# Packages: apps\/api, apps\/web, packages\/db$/m);
    expect(text).toMatch(/^platform: heroku$/m);
    expect(text).toMatch(/^# {3}release-volume: \{ severity: medium, options: /m);
    const config = parseConfig(parse(text), 'starter');
    expect(config.platform).toBe('heroku');
  });

  it('refuses to overwrite a config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.rollbackreadyrc.yml'), 'platform: heroku\n');
    const { code, stderr } = cli(['init'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'rollback-ready: .rollbackreadyrc.yml already exists here — edit it, or remove it to write a new rollback-ready.config.yaml\n',
    );
    expect(existsSync(join(dir, 'rollback-ready.config.yaml'))).toBe(false);
  });

  it('gives a valid config for an empty folder, and keeps repository names out of the YAML structure', () => {
    const empty = starterConfig(detect([], () => undefined));
    expect(parseConfig(parse(empty), 'starter')).toMatchObject({ rules: {}, ignore: [], verdict: {} });
    const hostile = starterConfig(detect(['db/migrations/x\nplatform: heroku\n.sql'], () => undefined));
    expect(parseConfig(parse(hostile), 'starter').platform).toBeUndefined();
  });

  it('reads pnpm workspaces too', () => {
    const found = detect(['pnpm-workspace.yaml', 'services/a/package.json', 'libs/b/package.json', 'other/package.json'], (p) =>
      p === 'pnpm-workspace.yaml' ? "packages:\n  - 'services/*'\n  - 'libs/*'\n" : undefined,
    );
    expect(found.workspaces).toEqual(['services/*', 'libs/*']);
    expect(found.packages).toEqual(['libs/b', 'services/a']);
  });
});
