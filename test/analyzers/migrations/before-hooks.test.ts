// Logto's alterations do what a transaction cannot hold (`create index concurrently`) in `beforeUp` and
// `beforeDown`, which run before `up` and `down`. A down whose work is all in `beforeDown` is a down migration,
// never one that "does nothing"; what `beforeDown` drops is data the rollback loses.
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { buildRepo, type FileMap } from '../../support/repo.js';
import { removeTempDirs } from '../../../src/testing/fixture-repo.js';

const base: FileMap = {
  'package.json': JSON.stringify({ name: '@logto/schemas', private: true, dependencies: { '@silverhand/slonik': '^31.0.0' } }),
};

const alteration = (hooks: { beforeUp?: string; up?: string; beforeDown?: string; down?: string }): FileMap => {
  const fn = (name: string, body = '    /** `concurrently` cannot be used inside a transaction. */') =>
    `  ${name}: async (pool) => {\n${body}\n  },\n`;
  return {
    ...base,
    'packages/schemas/alterations/1.42.0-1784619793-add-logs-index.ts':
      "import { sql } from '@silverhand/slonik';\n\nimport type { AlterationScript } from '../lib/types/alteration.js';\n\n" +
      'const alteration: AlterationScript = {\n' +
      (hooks.beforeUp !== undefined ? fn('beforeUp', hooks.beforeUp) : '') +
      fn('up', hooks.up) +
      (hooks.beforeDown !== undefined ? fn('beforeDown', hooks.beforeDown) : '') +
      fn('down', hooks.down) +
      '};\n\nexport default alteration;\n',
  };
};

async function rollback(hooks: Parameters<typeof alteration>[0]) {
  const repo = buildRepo([
    { tree: base, tag: 'v1' },
    { tree: alteration(hooks), tag: 'v2' },
  ]);
  const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
  return report.findings.filter((f) => f.category === 'destructive-migration' || f.ruleId === 'down-migration');
}

afterAll(() => removeTempDirs());

describe('an alteration with beforeUp and beforeDown hooks', () => {
  it('whose down is all in beforeDown is undone by it, not "a down part that does nothing"', async () => {
    const findings = await rollback({
      beforeUp: '    await pool.query(sql`\n      create index concurrently logs__created_at on logs (created_at);\n    `);',
      beforeDown: '    await pool.query(sql`\n      drop index concurrently if exists logs__created_at;\n    `);',
    });
    expect(findings.map((f) => f.message).join('\n')).not.toContain('does nothing');
    expect(findings.map((f) => f.message).join('\n')).not.toContain('has no down migration');
  });

  it('reads what beforeDown drops as data the down migration loses', async () => {
    const findings = await rollback({
      up: '    await pool.query(sql`alter table users add column nickname varchar(128);`);',
      beforeDown: '    await pool.query(sql`alter table users drop column nickname;`);',
    });
    const drops = findings.find((f) => f.ruleId === 'down-migration-drops-data');
    expect(drops?.message).toContain('drops column users.nickname');
    expect(findings.map((f) => f.message).join('\n')).not.toContain('has no down migration');
  });

  it('still says so when neither down nor beforeDown does anything', async () => {
    const findings = await rollback({
      beforeUp: '    await pool.query(sql`alter table users add column nickname varchar(128);`);',
    });
    expect(findings.find((f) => f.ruleId === 'down-migration')?.message).toBe(
      'migration 1.42.0-1784619793-add-logs-index has no down migration: its down part does nothing',
    );
  });

  it('refuses when beforeDown throws first', async () => {
    const findings = await rollback({
      beforeUp: '    await pool.query(sql`alter table users add column nickname varchar(128);`);',
      beforeDown: "    throw new Error('Cannot drop the column: data would be lost');",
      down: '    await pool.query(sql`alter table users drop column nickname;`);',
    });
    expect(findings.find((f) => f.ruleId === 'down-migration')?.message).toContain(
      'its down part throws before it undoes anything ("Cannot drop the column: data would be lost")',
    );
  });
});
