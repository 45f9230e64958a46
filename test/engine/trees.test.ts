// The parsed-script cache: one parse per script while its text fits, the least recently used let go beyond.
import { describe, expect, it } from 'vitest';
import { TreeCache } from '../../src/engine/trees.js';

const module = (n: number) => `export const value${n} = ${'1 + '.repeat(20)}1;\n`;

describe('TreeCache', () => {
  it('parses a script once, and gives every caller the same tree and the same ts-morph view of it', () => {
    const cache = new TreeCache();
    const first = cache.get('from', 'src/a.ts', module(1));
    const again = cache.get('from', 'src/a.ts', module(1));
    expect(again).toBe(first);
    expect(again.morph()).toBe(first.morph());
    expect(first.morph()!.compilerNode).toBe(first.syntax);
    expect(first.morph()!.getVariableDeclarationOrThrow('value1').getName()).toBe('value1');
    // The other side of the same path is another script.
    expect(cache.get('to', 'src/a.ts', module(2))).not.toBe(first);
    expect(cache.parses).toBe(2);
  });

  it('lets the least recently used trees go beyond its text limit, and parses them again when asked', () => {
    const size = module(1).length;
    const cache = new TreeCache(size * 2);
    const a = cache.get('from', 'a.ts', module(1));
    cache.get('from', 'b.ts', module(2));
    cache.get('from', 'a.ts', module(1)); // a is now the most recent
    cache.get('from', 'c.ts', module(3)); // b goes
    expect(cache.get('from', 'a.ts', module(1))).toBe(a);
    expect(cache.parses).toBe(3);
    cache.get('from', 'b.ts', module(2));
    expect(cache.parses).toBe(4);
  });

  it('reports a script the parser cannot build, and its first syntax error, without throwing', () => {
    const cache = new TreeCache();
    const broken = cache.get('from', 'src/b.ts', 'export const = ;\n');
    expect(broken.syntaxError).toMatchObject({ line: 1 });
    // Nested too deep for the parser's stack: no tree, and the reason.
    const deep = cache.get('from', 'src/deep.ts', `export const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`);
    expect(deep.syntax).toBeUndefined();
    expect(deep.failure).toMatch(/^the TypeScript parser failed: Maximum call stack size exceeded/);
    expect(deep.morph()).toBeUndefined();
  });
});
