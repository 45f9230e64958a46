// Sequelize's removeIndex(table, ['a', 'b']) names the index by its columns. The down part that creates it again
// tells whether it was unique: a unique index dropped breaks the older code's upserts (ON CONFLICT on those
// columns), which is no "keeps working, maybe slower".
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { buildRepo, type FileMap } from '../../support/repo.js';
import { removeTempDirs } from '../../../src/testing/fixture-repo.js';

const base: FileMap = { 'package.json': JSON.stringify({ name: 'app', private: true, dependencies: { sequelize: '^6.37.0' } }) };

const migration = (up: string, down: string): FileMap => ({
  ...base,
  'migrations/20240102000000-add-period.js': `'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n${up}\n  },\n\n  async down(queryInterface) {\n${down}\n  },\n};\n`,
});

async function findings(up: string, down: string) {
  const repo = buildRepo([
    { tree: base, tag: 'v1' },
    { tree: migration(up, down), tag: 'v2' },
  ]);
  const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
  return report.findings.filter((f) => f.ruleId === 'drop-index');
}

const dropByColumns = `    await queryInterface.removeIndex('insights', ['documentId', 'date']);
    await queryInterface.addIndex('insights', ['documentId', 'date', 'period'], { unique: true });`;

afterAll(() => removeTempDirs());

describe('an index dropped by its columns', () => {
  it('that the down part creates again as unique is a unique index: upserts keyed on it fail', async () => {
    const [finding, ...more] = await findings(
      dropByColumns,
      `    await queryInterface.removeIndex('insights', ['documentId', 'date', 'period']);\n    await queryInterface.addIndex('insights', ['documentId', 'date'], { unique: true });`,
    );
    expect(more).toEqual([]);
    expect(finding?.severity).toBe('medium');
    expect(finding?.message).toMatch(
      /drops unique index on insights\(documentid, date\): duplicates the older code assumes impossible can now be written, and an upsert of the older code keyed on it \(ON CONFLICT on these columns\) fails$/,
    );
  });

  it('that the down part creates again as a plain index stays a possible slowdown, named by table and columns', async () => {
    const [finding] = await findings(
      dropByColumns,
      `    await queryInterface.removeIndex('insights', ['documentId', 'date', 'period']);\n    await queryInterface.addIndex('insights', ['documentId', 'date']);`,
    );
    expect(finding?.severity).toBe('low');
    expect(finding?.message).toMatch(/ drops index on insights\(documentid, date\): the older code keeps working, maybe slower$/);
  });

  it('that the up part creates again on the same columns is no drop', async () => {
    const found = await findings(
      `    await queryInterface.removeIndex('insights', ['documentId', 'date']);\n    await queryInterface.addIndex('insights', ['documentId', 'date'], { unique: true });`,
      `    // nothing`,
    );
    expect(found).toEqual([]);
  });
});
