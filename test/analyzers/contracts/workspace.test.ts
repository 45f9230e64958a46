// A realistic workspace: packages found through package.json workspaces and pnpm-workspace.yaml, entry points
// from `exports` (with conditions and a subpath) and `main`, re-export chains through unchanged barrels and
// across packages by name. fixtures/contracts/workspace/v1 is the rollback target, v2 the running release.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/repo.js';
import { rollback } from '../../support/contracts.js';

const pair = join(FIXTURES, 'contracts', 'workspace');

describe('a multi-package workspace', () => {
  it('reports what each package entry loses, through re-export chains, and nothing for unexported modules', async () => {
    const report = await rollback(join(pair, 'v1'), join(pair, 'v2'));
    const found = report.findings
      .filter((f) => f.category === 'contract-change')
      .map((f) => [f.ruleId, f.path, f.line, f.message, f.evidence]);
    expect(found).toEqual([
      [
        'signature-narrowed',
        'packages/core/src/format/name.ts',
        1,
        'displayName, exported by @acme/core: parameter user type { first: string; last?: string; } → { first: string; last: string; } in the rollback',
        'displayName(user: { first: string; last?: string; }): string (from packages/core/src/format/name.ts:1) → displayName(user: { first: string; last: string; }): string (to packages/core/src/format/name.ts:1)',
      ],
      [
        'signature-narrowed',
        'packages/core/src/format/name.ts',
        1,
        'formatName, exported by @acme/core/format: parameter user type { first: string; last?: string; } → { first: string; last: string; } in the rollback',
        'formatName(user: { first: string; last?: string; }): string (from packages/core/src/format/name.ts:1) → formatName(user: { first: string; last: string; }): string (to packages/core/src/format/name.ts:1)',
      ],
      [
        'signature-narrowed',
        'packages/core/src/math/add.ts',
        2,
        'add, exported by @acme/core: parameter b became required in the rollback',
        'add(a: number, b?: number): number (from packages/core/src/math/add.ts:2) → add(a: number, b: number): number (to packages/core/src/math/add.ts:1)',
      ],
      [
        'signature-narrowed',
        'packages/core/src/math/add.ts',
        2,
        'sum, exported by @acme/client: parameter b became required in the rollback',
        'sum(a: number, b?: number): number (from packages/core/src/math/add.ts:2) → sum(a: number, b: number): number (to packages/core/src/math/add.ts:1)',
      ],
      [
        'export-removed',
        'packages/core/src/units.ts',
        2,
        'units.MILE, exported by @acme/core, is removed by the rollback',
        'const MILE (from packages/core/src/units.ts:2) → absent at to',
      ],
      [
        'package-exports-removed',
        'tools/cli/package.json',
        6,
        '@acme/cli: command acme-dev removed by the rollback',
        'acme-dev → bin/dev.js (from tools/cli/package.json:6) → absent at to',
      ],
    ]);
    expect(report.changes.find((c) => c.path === 'packages/core/src/internal/cache.ts')?.categories).toEqual(['code-change']);
    expect(report.changes.find((c) => c.path === 'packages/core/src/math/add.ts')?.categories).toEqual(['code-change', 'contract-change']);
  });

  it('parses only the modules on changed re-export paths; unchanged leaves are only scanned', async () => {
    const report = await rollback(join(pair, 'v1'), join(pair, 'v2'));
    // Parsed: core index, math barrel, add, format barrel, name, units, client index. The bin script the
    // release added is internal and new, so no consumer of the target can rely on it: not parsed.
    expect(report.stats.contractModulesParsed).toBe(7);
    // Scanned for re-exports, never parsed: round.ts and client.ts among them.
    expect(report.stats.contractModulesScanned).toBe(6);
  });

  it('treats configured entry globs as the public surface', async () => {
    const report = await rollback(join(pair, 'v1'), join(pair, 'v2'), { contracts: { entries: ['packages/core/src/units.ts'] } });
    expect(
      report.findings.filter((f) => f.category === 'contract-change' && f.ruleId !== 'package-exports-removed').map((f) => f.message),
    ).toEqual(['MILE, exported by packages/core/src/units.ts, is removed by the rollback']);
  });
});
