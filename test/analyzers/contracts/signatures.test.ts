// Signatures, properties, class members and enums: fixtures/contracts/signatures holds one pair of releases
// (v1 = the rollback target, v2 = running now) with one declaration per case; each case is one finding.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/repo.js';
import { contractFindings } from '../../support/contracts.js';

const pair = join(FIXTURES, 'contracts', 'signatures');

describe('changed declarations', () => {
  it('reports each narrowed signature, property, member and enum with before → after at both refs', async () => {
    const found = await contractFindings(join(pair, 'v1'), join(pair, 'v2'));
    expect(found.map((f) => [f.ruleId, f.severity, f.line, f.message, f.evidence])).toEqual([
      [
        'signature-narrowed',
        'high',
        1,
        'dropParam, exported by lib: parameter b removed in the rollback',
        'dropParam(a: string, b: number): void (from src/api.ts:1) → dropParam(a: string): void (to src/api.ts:1)',
      ],
      [
        'signature-narrowed',
        'high',
        2,
        'addRequired, exported by lib: required parameter b added in the rollback',
        'addRequired(a: string): void (from src/api.ts:2) → addRequired(a: string, b: number): void (to src/api.ts:2)',
      ],
      [
        'signature-narrowed',
        'high',
        3,
        'makeRequired, exported by lib: parameter b became required in the rollback',
        'makeRequired(a: string, b?: number): void (from src/api.ts:3) → makeRequired(a: string, b: number): void (to src/api.ts:3)',
      ],
      [
        'signature-narrowed',
        'high',
        4,
        'narrowParam, exported by lib: parameter a type number | string → string in the rollback',
        'narrowParam(a: number | string): void (from src/api.ts:4) → narrowParam(a: string): void (to src/api.ts:4)',
      ],
      [
        'signature-narrowed',
        'high',
        5,
        'changeReturn, exported by lib: return type string → number in the rollback',
        'changeReturn(): string (from src/api.ts:5) → changeReturn(): number (to src/api.ts:5)',
      ],
      [
        'signature-narrowed',
        'high',
        9,
        'over, exported by lib: overload over(a: number): number removed in the rollback',
        'over(a: string): string; over(a: number): number (from src/api.ts:9) → over(a: string): string (to src/api.ts:8)',
      ],
      [
        'property-narrowed',
        'high',
        12,
        'Options.retries, exported by lib: property retries became required in the rollback',
        'retries?: number; (from src/api.ts:12) → retries: number; (to src/api.ts:11)',
      ],
      [
        'property-narrowed',
        'high',
        13,
        'Options.timeout, exported by lib: property timeout removed in the rollback',
        'timeout: number; (from src/api.ts:13) → absent at to',
      ],
      [
        'property-narrowed',
        'high',
        14,
        "Options.mode, exported by lib: property mode type 'fast' | 'safe' → 'fast' in the rollback",
        "mode: 'fast' | 'safe'; (from src/api.ts:14) → mode: 'fast'; (to src/api.ts:12)",
      ],
      [
        'property-narrowed',
        'high',
        15,
        'Options.label, exported by lib: property label type string → number in the rollback',
        'label: string; (from src/api.ts:15) → label: number; (to src/api.ts:13)',
      ],
      [
        'property-narrowed',
        'high',
        16,
        'Options[string], exported by lib: index signature [string] removed in the rollback',
        '[key: string]: unknown; (from src/api.ts:16) → absent at to',
      ],
      [
        'signature-narrowed',
        'high',
        17,
        'Options.send, exported by lib: parameter body became required in the rollback',
        'Options.send(to: string, body?: string): void (from src/api.ts:17) → Options.send(to: string, body: string): void (to src/api.ts:14)',
      ],
      [
        'property-narrowed',
        'high',
        19,
        'Settings.debug, exported by lib: property debug became required in the rollback',
        'debug?: boolean; (from src/api.ts:19) → debug: boolean; (to src/api.ts:16)',
      ],
      [
        'property-narrowed',
        'high',
        20,
        "Level, exported by lib: type 'high' | 'low' → 'low' in the rollback",
        "type Level = 'high' | 'low' (from src/api.ts:20) → type Level = 'low' (to src/api.ts:17)",
      ],
      [
        'signature-narrowed',
        'high',
        22,
        'Client.constructor, exported by lib: parameter options became required in the rollback',
        'new Client(url: string, options?: Options) (from src/api.ts:22) → new Client(url: string, options: Options) (to src/api.ts:19)',
      ],
      [
        'class-member-narrowed',
        'high',
        23,
        'Client.close, exported by lib: close became private in the rollback',
        'close(): void (from src/api.ts:23) → private close(): void (to src/api.ts:20)',
      ],
      [
        'class-member-narrowed',
        'high',
        24,
        'Client.open, exported by lib: member open removed in the rollback',
        'open(): void (from src/api.ts:24) → absent at to',
      ],
      [
        'class-member-narrowed',
        'high',
        25,
        'Client.retry, exported by lib: member retry removed in the rollback',
        'protected retry(): void (from src/api.ts:25) → absent at to',
      ],
      [
        'class-member-narrowed',
        'high',
        26,
        'Client.name, exported by lib: name became protected in the rollback',
        "public name: string = ''; (from src/api.ts:26) → protected name: string = ''; (to src/api.ts:21)",
      ],
      [
        'enum-member-removed',
        'high',
        29,
        'Status.Archived, exported by lib: member Archived removed in the rollback',
        'Archived = 2 (from src/api.ts:29) → absent at to',
      ],
      [
        'enum-member-removed',
        'high',
        30,
        "Color.Blue, exported by lib: member Blue value 'blue' → 'BLUE' in the rollback",
        "Blue = 'blue' (from src/api.ts:30) → Blue = 'BLUE' (to src/api.ts:25)",
      ],
      [
        'contract-widened',
        'info',
        6,
        'widenParam (lib): parameter a type string → number | string in the rollback',
        'widenParam(a: string): void (from src/api.ts:6) → widenParam(a: number | string): void (to src/api.ts:6)',
      ],
      [
        'contract-widened',
        'info',
        7,
        'loosen (lib): parameter b became optional in the rollback',
        'loosen(a: string, b: number): void (from src/api.ts:7) → loosen(a: string, b?: number): void (to src/api.ts:7)',
      ],
    ]);
    expect(new Set(found.map((f) => f.path))).toEqual(new Set(['src/api.ts']));
  });
});
