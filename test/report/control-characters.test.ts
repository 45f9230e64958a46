// Whatever the repository names its files, writes in its SQL, commit messages or configuration, and whatever a
// server answers, no output format carries a control character (C0 or C1, but newline and tab), not even
// JSON-escaped (`jq -r` prints `\u001b` as the raw byte), and no line a CI runner reads as a workflow command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsOf } from '../../src/integrations/ci/github-actions.js';
import { CATEGORIES, CHANGE_STATUSES, CHECKLIST_STATUSES, SEVERITIES, VERDICTS, type Report } from '../../src/model/report.js';
import { CONFIG_SOURCES } from '../../src/model/report.js';
import { PLATFORM_IDS } from '../../src/model/platform.js';
import { FORMAT_NAMES, REPORTERS } from '../../src/report/index.js';
import { RULE_LIST } from '../../rules/index.js';

/** C0 and C1 controls but newline and tab, and DEL. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Pieces of hostile text: escape sequences, every control character, lone surrogates, workflow commands, markup. */
const FRAGMENTS = [
  '\u001b[31m',
  '\u001b[2J\u001b[H',
  '\u001b]52;c;cm0gLXJmIH4=\u0007',
  '\u001b]0;pwned\u001b\\',
  '\u001bP+q\u001b\\',
  '\u009b31m',
  '\u009d0;title\u009c',
  '\u0007',
  '\u0000',
  '\b\b\b',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u007f',
  '\u0085',
  '\udcff',
  '\ud800',
  '\u200b',
  '\u202e',
  '\ufeff',
  '::add-mask::secret',
  '\n::stop-commands::pause\n',
  '##[set-output name=verdict;]safe',
  '##[error]forged',
  '  ::error::x',
  '<details>',
  '`',
  '```',
  '|',
  '@octocat',
  '#1',
  'owner/repo#2',
  'https://evil.example/x',
  '%0A',
  'ünïcödé',
  'DROP TABLE users;',
];

const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), control, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''));
const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const finding = fc.record({
  ruleId: fc.oneof(fc.constantFrom(...RULE_LIST.map((r) => r.id)), hostile),
  category: fc.constantFrom(...CATEGORIES),
  severity: fc.constantFrom(...SEVERITIES),
  message: hostile,
  path: hostile,
  line: maybe(fc.integer({ min: 1, max: 10_000 })),
  evidence: maybe(hostile),
  remediation: maybe(hostile),
  checklistId: hostile,
  suppressed: maybe(fc.record({ reason: hostile })),
});

const revertedFix = fc.record({
  sha: maybe(sha),
  pullRequest: maybe(fc.nat()),
  subject: hostile,
  ids: fc.array(hostile, { maxLength: 2 }),
  mark: maybe(hostile),
});

const report: fc.Arbitrary<Report> = fc
  .record({
    from: fc.record({ ref: hostile, sha }),
    to: fc.record({ ref: hostile, sha }),
    toIsAncestor: fc.boolean(),
    verdict: fc.constantFrom(...VERDICTS),
    riskScore: fc.integer({ min: 0, max: 100 }),
    scoreBreakdown: fc.array(
      fc.record({ category: fc.constantFrom(...CATEGORIES), points: fc.integer({ min: 0, max: 100 }), reason: hostile }),
      { maxLength: 3 },
    ),
    changes: fc.array(
      fc.record({
        path: hostile,
        oldPath: maybe(hostile),
        status: fc.constantFrom(...CHANGE_STATUSES),
        categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
    findings: fc.array(finding, { maxLength: 5 }),
    checklist: fc.array(
      fc.record({
        id: hostile,
        title: hostile,
        status: fc.constantFrom(...CHECKLIST_STATUSES),
        detail: hostile,
        findingRefs: fc.constant([] as number[]),
      }),
      { maxLength: 3 },
    ),
    notes: fc.array(hostile, { maxLength: 3 }),
    config: maybe(fc.record({ source: fc.constantFrom(...CONFIG_SOURCES), path: maybe(hostile), ref: maybe(hostile) })),
    scope: maybe(
      fc.record({
        paths: fc.array(hostile, { maxLength: 2 }),
        joined: fc.array(fc.record({ path: hostile, package: hostile, because: hostile }), { maxLength: 2 }),
        filesOutside: fc.nat(),
        tagPattern: maybe(hostile),
      }),
    ),
    rollback: maybe(
      fc.record({
        platform: fc.constantFrom(...PLATFORM_IDS),
        commands: fc.array(hostile, { maxLength: 2 }),
        caveats: fc.array(hostile, { maxLength: 2 }),
      }),
    ),
    pullRequests: maybe(
      fc.array(fc.record({ number: fc.nat(), title: hostile, url: hostile, labels: fc.array(hostile, { maxLength: 2 }) }), {
        maxLength: 2,
      }),
    ),
    internalChanges: fc.record({ changes: fc.nat(), modules: fc.nat(), removed: fc.nat(), narrowed: fc.nat(), changed: fc.nat() }),
    reverted: fc.record({ securityFixes: fc.array(revertedFix, { maxLength: 2 }), fixes: fc.array(revertedFix, { maxLength: 2 }) }),
  })
  .map((parts) => {
    const out = {
      schemaVersion: 1,
      tool: { name: 'rollback-ready', version: '0.1.0' },
      volume: { commits: 1, files: parts.changes.length, insertions: 1, deletions: 1, authors: 1, directories: 1 },
      stats: {},
      ...parts,
    } as Report;
    // Optional fields are absent, not undefined, as the engine leaves them.
    return JSON.parse(JSON.stringify(out)) as Report;
  });

/** Every string a JSON text holds, keys included, once parsed. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return [];
}

function expectPrintable(output: string, what: string): void {
  expect(output, what).not.toMatch(CONTROL);
  // A runner reads `::command::` at the start of a line (after spaces) and `##[command]` anywhere.
  for (const line of output.split('\n')) expect(line.trimStart().startsWith('::'), `${what}: ${JSON.stringify(line)}`).toBe(false);
  expect(output, what).not.toContain('##[');
}

describe('no output format carries a control character from repository or server text', () => {
  it.each(FORMAT_NAMES)('%s', (format) => {
    fc.assert(
      fc.property(report, hostile, (r, title) => {
        const output = REPORTERS[format].render(r, { repoUrl: 'https://github.example/acme/shop', title, maxLength: 65_536 });
        expectPrintable(output, format);
        if (format === 'json' || format === 'sarif' || format === 'gitlab') {
          for (const text of stringsOf(JSON.parse(output))) expect(text, `${format}: ${JSON.stringify(text)}`).not.toMatch(CONTROL);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('GitHub Actions annotations: our commands only, their data escaped', () => {
    fc.assert(
      fc.property(report, (r) => {
        const lines = annotationsOf(r, '/work/repo', '/work');
        for (const line of lines) {
          expect(line).not.toMatch(CONTROL);
          expect(line).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
          expect(line).not.toContain('\n');
        }
      }),
      { numRuns: 300 },
    );
  });
});
