// Which modules following a package's exports parses: only those whose declarations a finding shows or compares.
// Names re-exported from modules that did not change, or that changed only inside bodies and values, are the same
// at both sides without reading them.
import { describe, expect, it } from 'vitest';
import { TREE_CACHE_TEXT } from '../../../src/engine/trees.js';
import { LIB, rollback } from '../../support/contracts.js';

const index = (greet: string) => `export { Button } from './button';
export { Card } from './card';
export * from './util';
export ${greet}
`;

const unchanged = {
  'package.json': LIB,
  'src/button.ts': 'export const Button = (label: string): string => `<button>${label}</button>`;\n',
  'src/card.ts': 'export function Card(title: string): string {\n  return title;\n}\n',
};

// The target's util: the running release changed a body and the quotes of a string literal type only.
const utilTo = `export type Plain = Omit<{ a: string; b: number }, 'b'>;
export function trim(value: string): string {
  return value.trim();
}
`;
const utilFrom = `export type Plain = Omit<{ a: string; b: number }, "b">;
export function trim(value: string): string {
  return value.trim().replace(/\\s+/g, ' ');
}
`;

describe('the modules the contracts analysis parses', () => {
  it('reads the changed entry alone when the names it re-exports did not change', async () => {
    const report = await rollback(
      { ...unchanged, 'src/index.ts': index('function greet(name: string): string { return name; }'), 'src/util.ts': utilTo },
      {
        ...unchanged,
        'src/index.ts': index('function greet(name: string, loud?: boolean): string { return loud ? name.toUpperCase() : name; }'),
        'src/util.ts': utilFrom,
      },
    );
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'greet, exported by lib: parameter loud removed in the rollback',
    ]);
    // The entry only: button.ts and card.ts did not change, util.ts changed inside a body and a literal's quotes.
    expect(report.stats.contractModulesParsed).toBe(1);
  });

  it('still parses a module whose exported declaration the rollback removes, for the finding', async () => {
    const report = await rollback(
      { ...unchanged, 'src/index.ts': "export { Button } from './button';\nexport * from './util';\n", 'src/util.ts': utilTo },
      { ...unchanged, 'src/index.ts': index('const version = 2;'), 'src/util.ts': utilTo },
    );
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => [f.message, f.evidence])).toEqual([
      [
        'Card, exported by lib, is removed by the rollback',
        'export function Card(title: string): string (from src/card.ts:1) → absent at to',
      ],
      ['version, exported by lib, is removed by the rollback', 'const version (from src/index.ts:4) → absent at to'],
    ]);
  });
});

describe('an unchanged module followed at both sides of a large release', () => {
  it('is parsed once, though the release keeps no parsed tree', async () => {
    // barrel.ts did not change but re-exports a changed module, so its names are read; the generated table makes
    // the release larger than the cache of parsed trees, so nothing parsed earlier is still held.
    const big = (n: number) => `export const table = [${Array.from({ length: TREE_CACHE_TEXT / 8 }, (_, i) => i + n).join(', ')}];\n`;
    const files = (limit: string, n: number) => ({
      'package.json': LIB,
      'src/index.ts': "export * from './barrel';\n",
      'src/barrel.ts': "export * from './limits';\nexport const name = 'lib';\n",
      'src/limits.ts': `export function limit(${limit}): number {\n  return 1;\n}\n`,
      'src/table.ts': big(n),
    });
    const report = await rollback(files('rate: number', 0), files('rate?: number', 1));
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'limit, exported by lib: parameter rate became required in the rollback',
    ]);
    // Both sides of limits.ts and table.ts by the readers, barrel.ts and index.ts once each for both sides.
    expect(report.stats.scriptsParsed).toBe(6);
  });
});

describe('a name looked for behind export *', () => {
  it('is looked for only in the modules that can export it', async () => {
    // barrel.ts re-exports a changed module, so Card is searched for among the modules it star-exports: button.ts
    // does not hold the name and re-exports nothing, so it is not parsed.
    const files = (limit: string) => ({
      ...unchanged,
      'src/index.ts': "export { Card } from './barrel';\nexport * from './limits';\n",
      'src/barrel.ts': "export * from './button';\nexport * from './card';\nexport * from './limits';\n",
      'src/limits.ts': `export function limit(${limit}): number {\n  return 1;\n}\n`,
    });
    const report = await rollback(files('rate: number'), files('rate?: number'));
    expect(report.findings.filter((f) => f.category === 'contract-change').map((f) => f.message)).toEqual([
      'limit, exported by lib: parameter rate became required in the rollback',
    ]);
    // index.ts, barrel.ts, limits.ts and card.ts.
    expect(report.stats.contractModulesParsed).toBe(4);
  });
});
