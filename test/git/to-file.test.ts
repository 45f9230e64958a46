import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitToFile, openRepo } from '../../src/git/repo.js';
import { git, tempDir, twoReleases } from '../support/repo.js';

// A file of 300,000 bytes: its grep writes several times what a pipe holds (64 KiB on Linux).
const big = Array.from({ length: 10_000 }, (_, i) => `import m${i} from 'module-${i}';`).join('\n') + '\n';

describe('git output through a temporary file', () => {
  const repoDir = twoReleases({ 'src/a.ts': big, 'src/b.js': "const x = require('x');\n" }, { 'src/a.ts': big });
  let tmp: string;
  let saved: string | undefined;
  beforeEach(() => {
    // A folder of its own for the temporary files, to see that none is left.
    saved = process.env.TMPDIR;
    tmp = tempDir();
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  it('gives all of what git prints, as git prints it, and leaves no file behind', async () => {
    const repo = await openRepo(repoDir);
    const args = ['grep', '-n', '--null', '-F', '-e', "from '", 'v1', '--', '*.ts'];
    const out = await gitToFile(repo, args, { patterns: true });
    expect(out.length).toBeGreaterThan(300_000);
    expect(out).toBe(git(repoDir, args));
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('reads pathspecs literally unless asked to read them as patterns', async () => {
    const repo = await openRepo(repoDir);
    const args = ['grep', '-l', '-F', '-e', 'require(', 'v1', '--', '*.js'];
    expect(await gitToFile(repo, args, { patterns: true })).toBe('v1:src/b.js\n');
    expect(await gitToFile(repo, args)).toBe('');
  });

  it('gives nothing when git finds nothing (exit status 1), and throws git’s error otherwise', async () => {
    const repo = await openRepo(repoDir);
    expect(await gitToFile(repo, ['grep', '-F', '-e', 'no such text', 'v2'])).toBe('');
    await expect(gitToFile(repo, ['grep', '-F', '-e', 'x', 'no-such-ref'])).rejects.toThrow(/no-such-ref/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
