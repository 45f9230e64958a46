// Every command output shown in README.md and docs/ is what the built CLI prints now on the sample repositories.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/validate.js';
import { applyFilters, docFiles, parseMarker, renderDocs } from '../../src/demo/docs.js';
import { ROOT } from '../support/repo.js';

describe('the generated blocks of README.md and docs/', () => {
  it('match what the CLI prints now (npm run docs rewrites them)', { timeout: 240_000 }, async () => {
    const files = await renderDocs(ROOT);
    expect(files.map((f) => f.file)).toEqual(docFiles(ROOT));
    expect(files.find((f) => f.file === 'README.md')!.blocks.length).toBeGreaterThan(0);
    const stale = files.flatMap((f) =>
      f.blocks
        .filter((b) => b.current !== b.expected)
        .map((b) => `${f.file}: block ${b.index} (${b.marker})\n${firstDifference(b.current, b.expected)}`),
    );
    expect(stale, `out of date — run \`npm run docs\` and commit the result:\n${stale.join('\n')}`).toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  it('shows a config with every top-level key, and the config check accepts it', () => {
    const page = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    const yaml = /## Every key\n\n```yaml\n([\s\S]*?)```/.exec(page)![1]!;
    const raw = parse(yaml) as Record<string, unknown>;
    const config = parseConfig(raw, 'docs/configuration.md');
    expect(Object.keys(raw).sort()).toEqual(Object.keys(config).sort());
  });
});

/** The first line where the page and the CLI differ, to see at a glance what changed. */
function firstDifference(current: string, expected: string): string {
  const a = current.split('\n');
  const b = expected.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `  line ${at + 1} of the block\n    in the page: ${a[at] ?? '(nothing)'}\n    the CLI now: ${b[at] ?? '(nothing)'}`;
}

describe('block filters', () => {
  const report = [
    'title',
    '',
    'Checklist',
    '  ✔ one',
    '      why',
    '  ? two',
    '',
    'Findings',
    '  migration (2)',
    '    LOW a',
    '  config-change (1)',
    '    LOW b',
    '',
    'Next: go',
  ].join('\n');

  it('show keeps line ranges and sections, and marks every gap with …', () => {
    expect(applyFilters(report, [{ name: 'show', arg: '1, Checklist' }], 'x')).toBe(
      ['title', '…', 'Checklist', '  ✔ one', '      why', '  ? two', '…'].join('\n'),
    );
    expect(applyFilters(report, [{ name: 'show', arg: 'config-change, Next' }], 'x')).toBe(
      ['…', '  config-change (1)', '    LOW b', '…', 'Next: go'].join('\n'),
    );
    expect(() => applyFilters(report, [{ name: 'show', arg: 'Score' }], 'README.md: block 2')).toThrow(
      'README.md: block 2: the output has no section Score',
    );
  });

  it('jq picks keys or a path, printed as jq prints them', () => {
    const json = JSON.stringify({ verdict: 'safe', riskScore: 0, findings: [{ ruleId: 'a' }] });
    expect(applyFilters(json, [{ name: 'jq', arg: '{verdict, riskScore}' }], 'x')).toBe('{\n  "verdict": "safe",\n  "riskScore": 0\n}');
    expect(applyFilters(json, [{ name: 'jq', arg: '.findings[0]' }], 'x')).toBe('{\n  "ruleId": "a"\n}');
  });

  it('reads the command as a shell would, and refuses anything but rollback-ready', () => {
    expect(parseMarker(`rollback-ready --from '-c x' --to v1 | jq '{verdict}'`, 'x')).toEqual({
      command: ['rollback-ready', '--from', '-c x', '--to', 'v1'],
      filters: [{ name: 'jq', arg: '{verdict}' }],
    });
    expect(() => parseMarker('rm -rf /', 'docs/a.md: block 1')).toThrow(
      'docs/a.md: block 1: a generated block runs rollback-ready, not rm',
    );
  });
});
