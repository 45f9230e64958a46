import { expect } from 'vitest';
import rule from '../../rules/release-volume.js';
import type { VolumeFact } from '../../src/model/facts/volume.js';
import { testRule } from '../support/rule-tester.js';

const volume = (over: Partial<VolumeFact>): VolumeFact => ({
  kind: 'release.volume',
  path: '.',
  commits: 3,
  files: 5,
  insertions: 40,
  deletions: 10,
  authors: 1,
  directories: 1,
  subsystems: 1,
  entropy: 0.5,
  ...over,
});

testRule(rule, {
  valid: [
    { name: 'a small release', facts: [volume({})] },
    { name: 'exactly at every first threshold', facts: [volume({ commits: 10, files: 25, insertions: 500, deletions: 0, authors: 3, subsystems: 4 })] },
    { name: 'raised thresholds', facts: [volume({ commits: 40 })], options: { commits: [50, 60, 70] } },
  ],
  invalid: [
    {
      name: 'many commits',
      facts: [volume({ commits: 12 })],
      findings: [
        {
          severity: 'low',
          path: '.',
          message:
            '12 commits by 1 author across 1 subsystem, 50 lines in 5 files: more than a small release — more than 10 commits (12): every unrelated fix in them goes back too; the change is spread over many of the 5 files (entropy 0.5)',
        },
      ],
    },
    {
      name: 'a big-bang release says every threshold it crossed',
      facts: [volume({ commits: 47, authors: 9, subsystems: 6, files: 120, insertions: 3000, deletions: 200 })],
      findings: [
        {
          severity: 'medium',
          message:
            '47 commits by 9 authors across 6 subsystems, 3,200 lines in 120 files: a large release — more than 30 commits (47): every unrelated fix in them goes back too; more than 100 files (120): a wide change to review; more than 2,000 changed lines (3,200): a lot of code to reason about; more than 6 authors (9): no one person knows the whole release; more than 4 subsystems (6): it couples parts of the system that would otherwise fail and roll back independently; the change is spread over many of the 120 files (entropy 0.5)',
          evidence: 'thresholds crossed: commits 47 > 30; files 120 > 100; lines 3,200 > 2,000; authors 9 > 6; subsystems 6 > 4; spread entropy 0.5',
        },
      ],
    },
    { name: 'hundreds of files', facts: [volume({ files: 400 })], findings: [{ severity: 'high', message: expect.stringMatching(/: a big-bang release — more than 300 files \(400\): a wide change to review; /) }] },
    {
      name: 'an evenly scattered change says so',
      facts: [volume({ subsystems: 9, entropy: 0.93, files: 40 })],
      findings: [
        {
          severity: 'medium',
          message: expect.stringMatching(
            /more than 25 files \(40\): a wide change to review; more than 8 subsystems \(9\): it couples parts .*; the change is scattered evenly over the 40 files \(entropy 0.93\), the hardest kind of change to review and undo$/,
          ),
        },
      ],
    },
    {
      name: 'a big release of only style, docs, tests and assets stays low',
      facts: [
        volume({ files: 400, commits: 3 }),
        { kind: 'file.classified', path: 'src/a.ts', category: 'style-only', reason: 'formatting' },
        { kind: 'file.classified', path: 'README.md', category: 'docs', reason: 'documentation' },
      ],
      findings: [{ severity: 'low', message: expect.stringMatching(/: a big-bang release — .*; but every file is style, markup, docs, tests or assets: nothing that runs goes back$/) }],
    },
    {
      name: 'one unread file keeps the full severity',
      facts: [
        volume({ files: 400 }),
        { kind: 'file.classified', path: 'src/a.ts', category: 'style-only', reason: 'formatting' },
        { kind: 'file.unreadable', path: 'blob.bin', reason: 'binary content' },
      ],
      findings: [{ severity: 'high', message: expect.not.stringMatching(/nothing that runs/) }],
    },
    { name: 'a single file', facts: [volume({ files: 1, insertions: 900, entropy: 0 })], findings: [{ message: expect.stringMatching(/\(910\): a lot of code to reason about; the change is all in one file$/) }] },
  ],
});
