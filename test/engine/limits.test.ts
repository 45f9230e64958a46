// Time and memory stay bounded whatever the repository holds: globs in its configuration are matched in time
// linear in the path, and every limit of the configuration holds.
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { buildRepo, cli } from '../support/repo.js';

/** picomatch compiles this to a regular expression that backtracks for hours on a long name without a `b`. */
const HOSTILE_GLOB = `${'*a'.repeat(16)}*b`;
const LONG_NAME = 'a'.repeat(240);

describe('a glob that backtracks, in every place the configuration takes one', () => {
  const config = {
    ignore: [HOSTILE_GLOB],
    customRules: [{ id: 'team-rule', description: 'the team rule', when: { paths: [HOSTILE_GLOB] }, severity: 'low', message: 'changed' }],
    api: { specs: [HOSTILE_GLOB], routeRoots: [HOSTILE_GLOB] },
    migrations: { paths: [HOSTILE_GLOB] },
    contracts: { entries: [HOSTILE_GLOB] },
    tagPattern: HOSTILE_GLOB,
  };
  // The configuration is the target's, as in a repository that carries it.
  const dir = buildRepo([
    { tree: { 'rollback-ready.config.json': JSON.stringify(config), 'src/app.ts': 'export const app = 1;\n', [`${LONG_NAME}/${LONG_NAME}`]: 'x\n' }, tag: LONG_NAME },
    { tree: { 'rollback-ready.config.json': JSON.stringify(config), 'src/app.ts': 'export const app = 2;\n', [`${LONG_NAME}/${LONG_NAME}.ts`]: 'export const x = 1;\n' }, tag: 'v2' },
  ]);

  it('analyses the release: ignore, custom rules, spec, route, migration and entry globs', async () => {
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: LONG_NAME });
    expect(report.volume.files).toBe(3);
    expect(report.findings.some((f) => f.ruleId === 'team-rule')).toBe(false);
  });

  it('looks for the default target with it as the tag pattern', () => {
    const { code, stderr } = cli(['--repo', dir, '--from', 'v2']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no release tag before v2 matching \*a\*a/);
  });
});
