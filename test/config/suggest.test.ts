import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/config/suggest.js';

describe('did you mean', () => {
  it('measures edits', () => {
    expect(editDistance('verdcit', 'verdict')).toBe(2);
    expect(editDistance('rules', 'rules')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest name only when it looks like a typo', () => {
    expect(closest('relase-volume', ['release-volume', 'unclassified-change'])).toBe('release-volume');
    expect(closest('HIHG', ['low', 'high'])).toBe('high');
    expect(closest('banana', ['rules', 'ignore', 'verdict'])).toBeUndefined();
  });
});
