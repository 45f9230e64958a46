import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, plural } from '../../src/util/format.js';

describe('numbers for people', () => {
  it('are written as toLocaleString("en-US") writes them, integers and others', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => count(n) === n.toLocaleString('en-US')));
    fc.assert(fc.property(fc.double({ noNaN: true }), (n) => count(n) === n.toLocaleString('en-US')));
    expect([0, 999, 1000, 1234567, -1234, -0].map(count)).toEqual(['0', '999', '1,000', '1,234,567', '-1,234', '-0']);
  });

  it('take the plural when they are not one', () => {
    expect([plural(1, 'file'), plural(0, 'file'), plural(12345, 'commit')]).toEqual(['1 file', '0 files', '12,345 commits']);
  });
});
