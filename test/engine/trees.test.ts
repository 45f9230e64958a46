// The parsed-script cache: one parse per script while its text fits, the least recently used let go beyond.
import { describe, expect, it } from 'vitest';
import { TreeCache } from '../../src/engine/trees.js';

const module = (n: number) => `export const value${n} = ${'1 + '.repeat(20)}1;\n`;

describe('TreeCache', () => {
  it('parses a script once, and gives every caller the same tree and the same ts-morph view of it', () => {
    const cache = new TreeCache();
    const first = cache.get('src/a.ts', module(1));
    // The same file at the other side, or in the analysis of another target: the same text, the same tree.
    const again = cache.get('src/a.ts', module(1));
    expect(again).toBe(first);
    expect(again.morph()).toBe(first.morph());
    expect(first.morph()!.compilerNode).toBe(first.syntax);
    expect(first.morph()!.getVariableDeclarationOrThrow('value1').getName()).toBe('value1');
    // Another text at the same path is another script (its other side, when it changed).
    expect(cache.get('src/a.ts', module(22))).not.toBe(first);
    expect(cache.parses).toBe(2);
  });

  it('lets the least recently used trees go beyond its text limit, and parses them again when asked', () => {
    const size = module(1).length;
    const cache = new TreeCache(size * 2);
    const a = cache.get('a.ts', module(1));
    cache.get('b.ts', module(2));
    cache.get('a.ts', module(1)); // a is now the most recent
    cache.get('c.ts', module(3)); // b goes
    expect(cache.get('a.ts', module(1))).toBe(a);
    expect(cache.parses).toBe(3);
    cache.get('b.ts', module(2));
    expect(cache.parses).toBe(4);
  });

  it('reports a script the parser cannot build, and its first syntax error, without throwing', () => {
    const cache = new TreeCache();
    const broken = cache.get('src/b.ts', 'export const = ;\n');
    expect(broken.syntaxError).toMatchObject({ line: 1 });
    // Nested too deep for the parser's stack: no tree, and the reason.
    const deep = cache.get('src/deep.ts', `export const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`);
    expect(deep.syntax).toBeUndefined();
    expect(deep.failure).toMatch(/^the TypeScript parser failed: Maximum call stack size exceeded/);
    expect(deep.morph()).toBeUndefined();
  });
});
