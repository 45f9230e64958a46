// What people read at the command line, kept as golden files: `--help` and `explain` of a rule with options and
// of one without, as the built CLI prints them.
// After a deliberate change of the output: `npx vitest run test/cli/golden.test.ts -u` rewrites them; review the diff.
import { describe, expect, it } from 'vitest';
import { cli } from '../support/repo.js';

describe('golden command outputs', () => {
  it('--help', async () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot('golden/help.txt');
  });

  it.each(['drop-column', 'release-volume'])('explain %s', async (id) => {
    const { code, stdout } = cli(['explain', id]);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot(`golden/explain-${id}.txt`);
  });
});
