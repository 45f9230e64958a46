import { describe, expect, it } from 'vitest';
import { simpleGit } from 'simple-git';
import { SIMPLE_GIT_OPTIONS } from '../../src/git/repo.js';

describe('the output of a git command', () => {
  it('is read until it closes, not until 50 ms after the process exits', async () => {
    // A process that exits while what it started still writes to its output: the last line comes 300 ms later.
    const late = ['-c', '(sleep 0.3; echo late) & echo early'];
    expect(await simpleGit({ ...SIMPLE_GIT_OPTIONS, binary: 'sh' }).raw(late)).toBe('early\nlate\n');
    // simple-git's own default takes the command as done 50 ms after the exit, with the output cut short.
    expect(await simpleGit({ binary: 'sh', trimmed: false }).raw(late)).toBe('early\n');
  });
});
