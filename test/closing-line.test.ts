// The closing line CI records, from a real vitest run of a small suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './support/repo.js';

const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function runSuite(files: Record<string, string>) {
  const dir = tempDir();
  mkdirSync(join(dir, 'test'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'test', name), text);
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['test/*.test.mjs'], globals: true, reporters: [${JSON.stringify(join(ROOT, 'test', 'support', 'count-reporter.ts'))}] } };\n`,
  );
  const run = spawnSync(process.execPath, [VITEST, 'run', '--root', dir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, lines: run.stdout.trim().split('\n') };
}

describe('the closing line of a test run', () => {
  it('counts tests on both sides, and names a file that failed before its tests ran, counting it as one failure', () => {
    const { code, lines } = runSuite({
      'a.test.mjs': "it('one', () => {}); it('two', () => {}); it('three', () => {}); it('four', () => { throw new Error('no'); });\n",
      'b.test.mjs': "throw new Error('cannot load');\nit('never collected', () => {});\n",
    });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('3 passed, 2 failed');
    expect(lines.at(-2)).toBe('1 test file failed before any test ran (one failure each): test/b.test.mjs');
  });

  it('is `N passed, 0 failed` alone on the last line for a green run', () => {
    const { code, lines } = runSuite({ 'a.test.mjs': "it('one', () => {}); it.skip('later', () => {});\n" });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('1 passed, 0 failed, 1 skipped');
  });
});
