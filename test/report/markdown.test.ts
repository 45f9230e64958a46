import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown } from '../../src/report/markdown.js';

describe('markdown escaping', () => {
  it('renders HTML from the repository as text', () => {
    expect(escapeMarkdown('</details><img src=x>')).toBe('&lt;/details&gt;&lt;img src=x&gt;');
    expect(escapeMarkdown('a|b *c* [d](e)')).toBe('a\\|b \\*c\\* \\[d\\](e)');
    expect(escapeMarkdown('line\nbreak\u001b[31m')).toBe('line break');
  });

  it('keeps backticks from closing a code span with a longer fence, and escapes nothing inside it', () => {
    expect(codeSpan('a`b<c')).toBe('``a`b<c``');
    expect(codeSpan('Promise<User>')).toBe('`Promise<User>`');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a ``` b')).toBe('````a ``` b````');
    expect(codeSpan('')).toBe('');
  });
});
