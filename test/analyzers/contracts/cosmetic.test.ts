// A release that only renames locals, reorders members or reformats changes no contract.
import { describe, expect, it } from 'vitest';
import { contractFindings, library, rollback } from '../../support/contracts.js';

const before = `import { helper } from './helper';

export interface Options {
  retries?: number;
  mode: 'fast' | 'safe';
  [key: string]: unknown;
  send(to: string, body?: string): void;
}

export function total(values: number[], start = 0): number {
  let sum = start;
  for (const value of values) sum += helper(value);
  return sum;
}

export class Client {
  constructor(private readonly url: string, options?: Options) {}
  close(): void {}
  get ready(): boolean { return true; }
}

export enum Status { Active, Suspended }
export const limit: number = 3;
`;

const after = `// Reformatted, commented and reordered; nothing a consumer sees changed.
import { helper as assist } from './helper';

export enum Status {
  Active,
  Suspended,
}

/** The client. */
export class Client {
  get ready(): boolean {
    return true;
  }
  close(): void {
    // nothing to release
  }
  constructor(
    private readonly url: string,
    settings?: Options,
  ) {}
}

export function total(numbers: number[], initial = 0): number {
  let acc = initial;
  for (const n of numbers) {
    acc += assist(n);
  }
  return acc;
}

export const limit: number = 3;

export interface Options {
  send(recipient: string, text?: string): void;
  [name: string]: unknown;
  mode: 'safe' | 'fast';
  retries?: number;
}
`;

describe('cosmetic releases', () => {
  it('yield no contract finding for renamed locals, reordered members, reformatting and comments', async () => {
    const helper = { 'src/helper.ts': 'export const helper = (n: number) => n;\n' };
    expect(await contractFindings(library(before, helper), library(after, helper))).toEqual([]);
    expect(await contractFindings(library(after, helper), library(before, helper))).toEqual([]);
  });

  it('classify the changed module as code, not a contract change', async () => {
    const report = await rollback(library(before), library(after));
    expect(report.changes.find((c) => c.path === 'src/api.ts')?.categories).toEqual(['code-change']);
  });
});
