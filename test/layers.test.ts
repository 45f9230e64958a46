// The folder layout is the pipeline: each layer imports only the layers below it, and no module imports
// itself back through others. dependency-cruiser reads the imports (type-only ones too) as the compiler
// resolves them; the table below is the whole policy.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

/** What the CLI may import: every layer of the tool. */
const CLI_USES = [
  'src/integrations',
  'src/report',
  'src/engine',
  'src/analyzers',
  'rules',
  'src/config',
  'src/git',
  'src/parse',
  'src/model',
  'src/util',
];

/** Each layer and the layers it may import besides itself. */
const LAYERS: Record<string, readonly string[]> = {
  'src/util': [],
  'src/model': ['src/util'],
  'src/parse': ['src/model', 'src/util'],
  'src/git': ['src/model', 'src/util'],
  rules: ['src/model', 'src/util'],
  'src/config': ['rules', 'src/git', 'src/parse', 'src/model', 'src/util'],
  'src/analyzers': ['src/config', 'src/git', 'src/parse', 'src/model', 'src/util'],
  'src/engine': ['src/analyzers', 'rules', 'src/config', 'src/git', 'src/parse', 'src/model', 'src/util'],
  'src/report': ['rules', 'src/model', 'src/util'],
  'src/integrations': ['src/report', 'src/model', 'src/util'],
  'src/cli': CLI_USES,
  // The package entry, and what never ships: the demo and the fixture-repository builder it shares with the tests.
  'src/index.ts': ['src/engine', 'rules', 'src/config', 'src/model'],
  // Builders for tests: fixture repositories, and reports assembled in memory from facts.
  'src/testing': ['src/engine', 'rules', 'src/config', 'src/model', 'src/util'],
  // The demo and the docs generator sit on top: they run the CLI and draw the terminal review's screens.
  'src/demo': ['src/cli', ...CLI_USES, 'src/testing'],
};

const pathOf = (layer: string) => (layer.endsWith('.ts') ? `^${layer.replace('.', '\\.')}$` : `^${layer}/`);

const RULES: IForbiddenRuleType[] = [
  { name: 'no-cycle', severity: 'error', from: {}, to: { circular: true } },
  ...Object.entries(LAYERS).map(([layer, allowed]): IForbiddenRuleType => ({
    name: `${layer} imports only ${allowed.join(', ') || 'itself'}`,
    severity: 'error',
    from: { path: pathOf(layer) },
    to: { path: '^(src|rules)/', pathNot: [layer, ...allowed].map(pathOf) },
  })),
  {
    // One analyzer never reaches into another: what two share lives in src/parse or at src/analyzers/.
    name: 'an analyzer imports no other analyzer',
    severity: 'error',
    from: { path: '^src/analyzers/([^/]+)/' },
    to: { path: '^src/analyzers/[^/]+/', pathNot: '^src/analyzers/$1/' },
  },
];

async function cruiseSources(): Promise<ICruiseResult> {
  const result = await cruise(
    ['src', 'rules'],
    {
      baseDir: ROOT,
      validate: true,
      ruleSet: { forbidden: RULES },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '\\.json$' },
    },
    {},
    { tsConfig: extractTSConfig(join(ROOT, 'tsconfig.json')) },
  );
  return result.output as ICruiseResult;
}

describe('the source layout', () => {
  it('has no import cycle and no import against the layer table', async () => {
    const result = await cruiseSources();
    const violations = result.summary.violations.map(
      (v) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name) ?? [v.to])].join(' → ')}`,
    );
    expect(violations).toEqual([]);
    // The cruise did read the sources (a resolver that finds nothing would pass the check above).
    expect(result.modules.filter((m) => m.source.startsWith('src/engine/')).length).toBeGreaterThan(5);
  });

  it('puts every module of src/ in a layer', () => {
    const entries = readdirSync(join(ROOT, 'src')).map((name) => `src/${name}`);
    expect(entries.filter((entry) => !(entry in LAYERS))).toEqual([]);
  });

  it('keeps one test folder per layer, beside the shared support and the bench', () => {
    const layers = new Set(Object.keys(LAYERS).map((layer) => layer.replace(/^src\//, '')));
    const folders = readdirSync(join(ROOT, 'test'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((name) => !layers.has(name) && name !== 'support' && name !== 'bench')).toEqual([]);
  });
});
