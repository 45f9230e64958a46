// Exported TypeScript/JavaScript APIs: each case is a pair of releases (v1 = the rollback target, v2 = running now).
import { describe, expect, it } from 'vitest';
import { contractFindings, rollback, library, LIB } from '../../support/contracts.js';

describe('removed exports', () => {
  it('reports an exported function present at from and absent at to, with its signature', async () => {
    const found = await contractFindings(
      library('export const kept = 1;\n'),
      library(
        'export const kept = 1;\n\nexport function listEmails(userId: number): Promise<string[]> {\n  return Promise.resolve([]);\n}\n',
      ),
    );
    expect(found).toEqual([
      {
        ruleId: 'export-removed',
        severity: 'high',
        path: 'src/api.ts',
        line: 3,
        message: 'listEmails, exported by lib, is removed by the rollback',
        evidence: 'export function listEmails(userId: number): Promise<string[]> (from src/api.ts:3) → absent at to',
      },
    ]);
  });

  it('reports every kind of declaration: class, variable, type, interface, enum, namespace, default', async () => {
    const from = [
      'export class Client {}',
      'export const limit: number = 3;',
      'export type Id = string;',
      'export interface Options { a: string }',
      'export enum Mode { On, Off }',
      'export namespace Util { export const x = 1; }',
      'export default function main(): void {}',
    ].join('\n');
    // `export *` never re-exports a default: the entry names it.
    const index = { 'src/index.ts': "export * from './api';\nexport { default } from './api';\n" };
    const found = await contractFindings(library('export const kept = 1;\n', index), library(`export const kept = 1;\n${from}\n`, index));
    expect(found.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['export-removed', 2, 'Client, exported by lib, is removed by the rollback'],
      ['export-removed', 3, 'limit, exported by lib, is removed by the rollback'],
      ['export-removed', 4, 'Id, exported by lib, is removed by the rollback'],
      ['export-removed', 5, 'Options, exported by lib, is removed by the rollback'],
      ['export-removed', 6, 'Mode, exported by lib, is removed by the rollback'],
      ['export-removed', 7, 'Util, exported by lib, is removed by the rollback'],
      ['export-removed', 8, 'default, exported by lib, is removed by the rollback'],
    ]);
    expect(found.map((f) => f.evidence)).toEqual([
      'class Client (from src/api.ts:2) → absent at to',
      'const limit: number (from src/api.ts:3) → absent at to',
      'type Id = string (from src/api.ts:4) → absent at to',
      'interface Options (from src/api.ts:5) → absent at to',
      'enum Mode (from src/api.ts:6) → absent at to',
      'namespace Util (from src/api.ts:7) → absent at to',
      'export default function main(): void (from src/api.ts:8) → absent at to',
    ]);
  });

  it('reports an export that changes kind', async () => {
    const found = await contractFindings(library('export type Id = string;\n'), library('export interface Id { value: string }\n'));
    expect(found).toMatchObject([
      {
        ruleId: 'export-removed',
        message: 'Id, exported by lib, changes kind in the rollback: an interface or object type at from, a type alias at to',
      },
    ]);
  });

  it('counts exports of modules no one outside the rollback imports as internal changes, not contract findings', async () => {
    const report = await rollback(
      { 'src/util.ts': 'export const a = 1;\n' },
      { 'src/util.ts': 'export const a = 1;\nexport function b(): void {}\n' },
    );
    expect(report.findings.filter((f) => f.category === 'contract-change')).toEqual([]);
    expect(report.internalChanges).toEqual({ changes: 1, modules: 1, removed: 1, narrowed: 0, changed: 0 });
    expect(report.findings.find((f) => f.ruleId === 'internal-changes')).toMatchObject({
      severity: 'info',
      path: 'src/util.ts',
      message: '1 internal API change in 1 module rolls back together with the code that uses it',
    });
  });

  it('ignores modules a package with entry points does not export', async () => {
    const found = await contractFindings(
      library('export const a = 1;\n', { 'src/private.ts': 'export const p = 1;\nexport const q = 2;\n' }),
      library('export const a = 1;\n', { 'src/private.ts': 'export const p = 1;\n' }),
    );
    expect(found).toEqual([]);
  });

  it('reads declaration files named by package.json types', async () => {
    const pkg = JSON.stringify({ name: 'typed', version: '1.0.0', types: 'index.d.ts' });
    const found = await contractFindings(
      { 'package.json': pkg, 'index.d.ts': 'export declare function parse(text: string): unknown;\n' },
      {
        'package.json': pkg,
        'index.d.ts': 'export declare function parse(text: string): unknown;\nexport declare function stringify(value: unknown): string;\n',
      },
    );
    expect(found).toMatchObject([
      {
        ruleId: 'export-removed',
        line: 2,
        evidence: 'export declare function stringify(value: unknown): string; (from index.d.ts:2) → absent at to',
      },
    ]);
  });

  it('reads plain JavaScript: CommonJS and ES module exports', async () => {
    const pkg = JSON.stringify({ name: 'js-lib', version: '1.0.0', main: 'lib/index.js' });
    const found = await contractFindings(
      { 'package.json': pkg, 'lib/index.js': 'const a = () => 1;\nmodule.exports = { a };\n', 'lib/esm.mjs': 'export function one() {}\n' },
      {
        'package.json': pkg,
        'lib/index.js': 'const a = () => 1;\nfunction b(x) { return x; }\nmodule.exports = { a, b, c: (y) => y };\n',
        'lib/esm.mjs': 'export function one() {}\nexport function two(a, b) {}\n',
      },
    );
    expect(found.map((f) => [f.ruleId, f.severity, f.path, f.message])).toEqual([
      ['export-removed', 'high', 'lib/index.js', 'b, exported by js-lib, is removed by the rollback'],
      ['export-removed', 'high', 'lib/index.js', 'c, exported by js-lib, is removed by the rollback'],
    ]);
    expect(found[0]!.evidence).toBe('function b(x) (from lib/index.js:2) → absent at to');
  });
});

describe('re-exports', () => {
  it('follows export { a as b } from and export * as ns from', async () => {
    const tree = (math: string) => ({
      'package.json': LIB,
      'src/index.ts': "export { sum as total } from './math';\nexport * as math from './math';\n",
      'src/math.ts': math,
    });
    const found = await contractFindings(
      tree('export function sum(a: number, b: number): number { return a + b; }\n'),
      tree('export function sum(a: number, b?: number): number { return a + (b ?? 0); }\nexport const PI = 3.14;\n'),
    );
    expect(found.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['signature-narrowed', 'high', 'math.sum, exported by lib: parameter b became required in the rollback'],
      ['signature-narrowed', 'high', 'total, exported by lib: parameter b became required in the rollback'],
      ['export-removed', 'high', 'math.PI, exported by lib, is removed by the rollback'],
    ]);
    expect(found[1]!.evidence).toBe(
      'total(a: number, b?: number): number (from src/math.ts:1) → total(a: number, b: number): number (to src/math.ts:1)',
    );
  });

  it('reports an export removed from the entry while the module still declares it', async () => {
    const tree = (index: string) => ({
      'package.json': LIB,
      'src/index.ts': index,
      'src/a.ts': 'export function a(): void {}\nexport function b(): void {}\n',
    });
    const found = await contractFindings(tree("export { a } from './a';\n"), tree("export { a, b } from './a';\n"));
    expect(found).toEqual([
      {
        ruleId: 'export-removed',
        severity: 'high',
        path: 'src/a.ts',
        line: 2,
        message: 'b, exported by lib, is removed by the rollback',
        evidence: 'export function b(): void (from src/a.ts:2) → absent at to',
      },
    ]);
  });

  it('compares the members of an exported namespace', async () => {
    const found = await contractFindings(
      library('export namespace Geo {\n  export const R = 6371;\n}\n'),
      library(
        'export namespace Geo {\n  export const R = 6371;\n  export function distance(a: number, b: number): number {\n    return Math.abs(a - b);\n  }\n}\n',
      ),
    );
    expect(found).toMatchObject([
      {
        ruleId: 'export-removed',
        line: 3,
        message: 'Geo.distance, exported by lib, is removed by the rollback',
        evidence: 'export function distance(a: number, b: number): number (from src/api.ts:3) → absent at to',
      },
    ]);
  });
});
