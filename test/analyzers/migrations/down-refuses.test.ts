// A down that throws before it undoes anything (`throw new Error("Cannot rollback …")`) is a migration declared
// irreversible: the report says it throws and that the migration tool stops there, never that it "does nothing".
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { buildRepo, type FileMap } from '../../support/repo.js';
import { removeTempDirs } from '../../../src/testing/fixture-repo.js';

const migration = (down: string): FileMap => ({
  'package.json': JSON.stringify({ name: 'app', private: true, dependencies: { sequelize: '^6.37.0' } }),
  'migrations/20240102000000-add-mcp.js': `'use strict';\n/** @type {import('sequelize-cli').Migration} */\nmodule.exports = {\n  async up(queryInterface) {\n    await queryInterface.sequelize.query("ALTER TYPE enum_search_source ADD VALUE 'mcp'");\n  },\n\n  async down(queryInterface) {\n${down}\n  },\n};\n`,
});

const base: FileMap = { 'package.json': JSON.stringify({ name: 'app', private: true, dependencies: { sequelize: '^6.37.0' } }) };

async function downFinding(down: string): Promise<string | undefined> {
  const repo = buildRepo([
    { tree: base, tag: 'v1' },
    { tree: migration(down), tag: 'v2' },
  ]);
  const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
  return report.findings.find((f) => f.ruleId === 'down-migration')?.message;
}

afterAll(() => removeTempDirs());

describe("a migration's down part", () => {
  it('that throws first is reported with what it throws and the command that stops there', async () => {
    const message = await downFinding(
      '    // PostgreSQL cannot drop an enum value\n    throw new Error("Cannot rollback adding enum value to PostgreSQL");',
    );
    expect(message).toBe(
      'migration 20240102000000-add-mcp has no down migration: its down part throws before it undoes anything ("Cannot rollback adding enum value to PostgreSQL"): sequelize db:migrate:undo stops there',
    );
  });

  it('that throws something other than a message names the expression', async () => {
    expect(await downFinding('    throw irreversible;')).toContain('its down part throws before it undoes anything ("irreversible")');
  });

  it('that does nothing still says so', async () => {
    expect(await downFinding('    // nothing to undo')).toBe(
      'migration 20240102000000-add-mcp has no down migration: its down part does nothing',
    );
  });

  it('that undoes something before it throws is read as a down migration', async () => {
    const message = await downFinding(
      "    await queryInterface.sequelize.query('DELETE FROM searches WHERE source = \\'mcp\\'');\n    throw new Error('enum value stays');",
    );
    expect(message).toMatch(/can be undone by its down migration migrations\/20240102000000-add-mcp\.js:\d+ \(sequelize db:migrate:undo\)/);
  });
});
