import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { pathUri, sarifLevel, toSarif, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import type { Analyzer } from '../../src/analyzers/analyzer.js';
import { RULE_LIST } from '../../rules/index.js';
import { cli, twoReleases } from '../support/repo.js';
import { sarifErrors, sarifRelease } from '../support/sarif.js';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
    message?: { text: string };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} ${i}`).join('\n') + '\n';

const release = sarifRelease();

function sarifOf(dir: string) {
  const { code, stdout } = cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'sarif']);
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 against the official schema', () => {
    const log = sarifOf(release);
    expect(sarifErrors(log)).toBe('');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  it('describes every registered rule in tool.driver, from the registry', () => {
    const driver = sarifOf(release).runs[0].tool.driver;
    expect(driver.name).toBe('rollback-ready');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULE_LIST.map((r) => r.id));
    for (const [i, rule] of RULE_LIST.entries()) {
      expect(driver.rules[i]).toMatchObject({
        id: rule.id,
        shortDescription: { text: rule.description },
        fullDescription: { text: rule.docs.why },
        help: { text: expect.stringContaining(rule.docs.fix) },
        defaultConfiguration: { level: sarifLevel(rule.severity) },
        properties: { category: rule.category },
      });
      expect(driver.rules[i].help.text).toContain(rule.docs.example);
    }
  });

  it('gives each finding its rule, level, message and a repository-relative location', () => {
    const json = JSON.parse(cli(['--repo', release, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout);
    const log = sarifOf(release);
    const results: SarifResult[] = log.runs[0].results;
    expect(results).toHaveLength(json.findings.length);
    for (const [i, f] of json.findings.entries()) {
      const r = results[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(log.runs[0].tool.driver.rules[r.ruleIndex!].id).toBe(f.ruleId);
      expect(r.level).toBe(sarifLevel(f.severity));
      expect(r.message.text).toBe(f.message);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    const uris = results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('migrations/002_drop_email.sql');
    expect(uris).toContain('deploy/odd%20name%20%231.bin');
    expect(uris.every((u) => !u.startsWith('/') && !u.startsWith('file:'))).toBe(true);
  });

  it('anchors a release-level finding (path ".") at the first changed file and says so', () => {
    const results: SarifResult[] = sarifOf(release).runs[0].results;
    const volume = results.find((r) => r.ruleId === 'release-volume');
    expect(volume).toBeDefined();
    expect(volume!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/odd%20name%20%231.bin', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(volume!.locations[0]!.message!.text).toMatch(/whole release/);
  });

  it('keeps partial fingerprints stable across runs when counts and other findings change', () => {
    const later = twoReleases(
      { 'src/a.ts': 'export const a = 1;\n', 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n' },
      {
        'src/a.ts': 'export const a = 2;\n',
        'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
        'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
        'deploy/odd name #1.bin': Buffer.from([0, 1, 2, 3, 4]),
        'docs/big.md': lines(700, 'row'),
        'README.txt': 'new\n',
      },
    );
    // The release-level finding is keyed by rule alone: its anchor moves to README.txt, its fingerprint must not.
    const key = (r: SarifResult) =>
      r.ruleId === 'release-volume' ? r.ruleId : `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}`;
    const print = (dir: string) =>
      new Map((sarifOf(dir).runs[0].results as SarifResult[]).map((r) => [key(r), r.partialFingerprints[FINGERPRINT_KEY]]));
    const before = print(release);
    const after = print(later);
    expect(before.get('release-volume')).toBeDefined();
    for (const key of ['release-volume', 'drop-column migrations/002_drop_email.sql', 'unclassified-change deploy/odd%20name%20%231.bin']) {
      expect(after.get(key), key).toBe(before.get(key));
    }
    const all = [...before.values()];
    expect(new Set(all).size).toBe(all.length);
    expect(sarifOf(release)).toEqual(sarifOf(release));
  });

  it('marks a suppressed finding with its justification instead of dropping it', async () => {
    const dir = twoReleases({ 'a.md': '1\n' }, { 'a.md': '1\n', 'src/broken.ts': 'export const a = 1;\nexport const = ;\n' });
    // An analyzer of the embedding API that reads a suppression, as comment-reading analyzers do.
    const suppressor: Analyzer = {
      name: 'suppressor',
      analyze: () => [
        { kind: 'suppression', path: 'src/broken.ts', line: 2, ruleId: 'unclassified-change', reason: 'generated, reviewed' },
      ],
    };
    const { ANALYZERS } = await import('../../src/analyzers/index.js');
    const report = await analyzeRollback({ repo: dir, from: 'v2', to: 'v1', analyzers: [...ANALYZERS, suppressor] });
    expect(report.findings.filter((f) => f.suppressed).map((f) => [f.ruleId, f.path, f.line, f.suppressed])).toEqual([
      ['unclassified-change', 'src/broken.ts', 2, { reason: 'generated, reviewed' }],
    ]);
    const log = toSarif(report);
    expect(sarifErrors(log)).toBe('');
    const results = (log.runs as { results: SarifResult[] }[])[0]!.results;
    expect(results.find((r) => r.suppressions)?.suppressions).toEqual([{ kind: 'inSource', justification: 'generated, reviewed' }]);
  });

  it('encodes paths as URI references', () => {
    expect(pathUri('src/a b/c#d%e.ts')).toBe('src/a%20b/c%23d%25e.ts');
    expect(pathUri('ü/x?.sql')).toBe('%C3%BC/x%3F.sql');
  });
});
