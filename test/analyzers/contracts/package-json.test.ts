// package.json as a contract: exports subpaths and conditions, bin commands, engines and peer dependencies.
import { describe, expect, it } from 'vitest';
import { contractFindings, rollback } from '../../support/contracts.js';

const manifest = (fields: Record<string, unknown>) => ({
  'package.json': `${JSON.stringify({ name: '@acme/tool', version: '1.0.0', ...fields }, null, 2)}\n`,
});

describe('package.json contract', () => {
  it('reports removed exports subpaths and conditions, removed bin commands, narrower engines and new peers', async () => {
    const from = manifest({
      exports: {
        '.': { types: './dist/index.d.ts', import: './dist/index.mjs', require: './dist/index.cjs' },
        './testing': './dist/testing.js',
      },
      bin: { tool: 'bin/tool.js', 'tool-lint': 'bin/lint.js' },
      engines: { node: '>=18' },
      peerDependencies: { react: '^18 || ^19' },
    });
    const to = manifest({
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.mjs' } },
      bin: { tool: 'bin/tool.js' },
      engines: { node: '>=20' },
      peerDependencies: { react: '^19', graphql: '^16' },
    });
    const found = await contractFindings(to, from);
    expect(found.map((f) => [f.ruleId, f.severity, f.line, f.message, f.evidence])).toEqual([
      [
        'package-exports-removed',
        'high',
        5,
        '@acme/tool: condition require of . removed by the rollback',
        '"." require → ./dist/index.cjs (from package.json:5) → "." types → ./dist/index.d.ts; "." import → ./dist/index.mjs (to package.json:5)',
      ],
      [
        'package-exports-removed',
        'high',
        10,
        '@acme/tool: subpath ./testing removed from exports by the rollback',
        '"./testing" default → ./dist/testing.js (from package.json:10) → absent at to',
      ],
      [
        'package-exports-removed',
        'high',
        14,
        '@acme/tool: command tool-lint removed by the rollback',
        'tool-lint → bin/lint.js (from package.json:14) → absent at to',
      ],
      [
        'package-requirements-narrowed',
        'medium',
        undefined,
        '@acme/tool: peerDependencies.graphql added in the rollback',
        '(none) (from package.json) → graphql ^16 (to package.json:18)',
      ],
      [
        'package-requirements-narrowed',
        'medium',
        17,
        '@acme/tool: engines.node >=18 → >=20 in the rollback',
        'node >=18 (from package.json:17) → node >=20 (to package.json:14)',
      ],
      [
        'package-requirements-narrowed',
        'medium',
        20,
        '@acme/tool: peerDependencies.react ^18 || ^19 → ^19 in the rollback',
        'react ^18 || ^19 (from package.json:20) → react ^19 (to package.json:17)',
      ],
    ]);
  });

  it('reports wider requirements at the target as information only', async () => {
    const found = await contractFindings(manifest({ engines: { node: '>=18' } }), manifest({ engines: { node: '>=20' } }));
    expect(found).toMatchObject([
      { ruleId: 'contract-widened', severity: 'info', message: 'engines.node (@acme/tool): engines.node >=20 → >=18 in the rollback' },
    ]);
  });

  it('reports a package.json that does not parse instead of passing it', async () => {
    const report = await rollback({ 'package.json': '{ "name": "x" }\n' }, { 'package.json': '{ "name": "x", }\n' });
    expect(report.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'unclassified-change',
        'package.json',
        'package.json was not understood: package.json is not a JSON object; package.json is not valid JSON at one side',
      ],
    ]);
  });
});
