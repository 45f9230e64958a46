import { describe, expect, it } from 'vitest';
import { countLines } from '../../src/git/line-counts.js';
import { buildRepo, git } from '../support/repo.js';

describe('line counts counted from two texts', () => {
  it("agree with git's numstat on edits that move no line", () => {
    const cases: [string, string][] = [
      ['a\nb\nc\n', 'a\nB\nc\nd\n'],
      ['', 'x\ny\n'],
      ['x\ny\n', ''],
      ['same\nsame\nother\n', 'same\nother\n'],
      ['no newline at end', 'no newline at end\nmore'],
      ['1\n2\n3\n4\n5\n', '1\n3\n5\n6\n'],
    ];
    for (const [to, from] of cases) {
      const dir = buildRepo([
        { tree: { f: to }, tag: 'v1' },
        { tree: { f: from }, tag: 'v2' },
      ]);
      const [insertions, deletions] = git(dir, ['diff', '--numstat', 'v1', 'v2']).split('\t').map(Number);
      expect(countLines(from, to), JSON.stringify([to, from])).toEqual({ insertions, deletions });
    }
  });

  it('counts a moved line as unchanged, where git counts it removed and added', () => {
    expect(countLines('b\na\n', 'a\nb\n')).toEqual({ insertions: 0, deletions: 0 });
    expect(countLines(undefined, 'a\n')).toEqual({ insertions: 0, deletions: 1 });
  });
});
