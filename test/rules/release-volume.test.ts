import { expect } from 'vitest';
import rule from '../../rules/release-volume.js';
import type { VolumeFact } from '../../src/model/facts/volume.js';
import { testRule } from '../support/rule-tester.js';

const volume = (over: Partial<VolumeFact>): VolumeFact => ({
  kind: 'release.volume',
  path: '.',
  commits: 3,
  files: 5,
  filesRead: 5,
  insertions: 40,
  deletions: 10,
  authors: 1,
  directories: 1,
  subsystems: 1,
  entropy: 0.5,
  excluded: [],
  ...over,
});

testRule(rule, {
  valid: [
    { name: 'a small release', facts: [volume({})] },
    {
      name: 'exactly at every first threshold',
      facts: [volume({ commits: 10, files: 25, filesRead: 25, insertions: 500, deletions: 0, authors: 3, subsystems: 4 })],
    },
    { name: 'raised thresholds', facts: [volume({ commits: 40 })], options: { commits: [50, 60] } },
    {
      name: 'a lockfile of 22,000 lines is not read: five files of code are a small release',
      facts: [
        volume({
          files: 6,
          filesRead: 5,
          excluded: [{ kind: 'lockfile', files: 1, insertions: 12000, deletions: 10723, paths: ['pnpm-lock.yaml'] }],
        }),
      ],
    },
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
            '12 commits by 1 author across 1 subsystem, 50 lines to read in 5 files: more than a small release — more than 10 commits (12): every unrelated fix in them goes back too; the change is spread over many of the 5 files (entropy 0.5)',
        },
      ],
    },
    {
      name: 'a release more than small says every threshold it crossed, and what was left out',
      facts: [
        volume({
          commits: 47,
          authors: 9,
          subsystems: 6,
          files: 130,
          filesRead: 120,
          insertions: 3000,
          deletions: 200,
          excluded: [
            { kind: 'lockfile', files: 1, insertions: 900, deletions: 800, paths: ['package-lock.json'] },
            { kind: 'translation', files: 9, insertions: 90, deletions: 0, paths: ['locales/de.json'] },
          ],
        }),
      ],
      findings: [
        {
          severity: 'low',
          message:
            '47 commits by 9 authors across 6 subsystems, 3,200 lines to read in 120 files (left out: 1,700 lines in 1 lockfile, 90 lines in 9 translation files): more than a small release — more than 10 commits (47): every unrelated fix in them goes back too; more than 25 files (120): a wide change to review; more than 500 changed lines (3,200): a lot of code to reason about; more than 3 authors (9): no one person knows the whole release; more than 4 subsystems (6): it couples parts of the system that would otherwise fail and roll back independently; the change is spread over many of the 120 files (entropy 0.5)',
          evidence:
            'thresholds crossed: commits 47 > 10; files 120 > 25; lines 3,200 > 500; authors 9 > 3; subsystems 6 > 4; spread entropy 0.5',
        },
      ],
    },
    {
      name: 'hundreds of files to read: very large',
      facts: [volume({ files: 400, filesRead: 400 })],
      findings: [
        {
          severity: 'medium',
          message: expect.stringMatching(/: a very large release — more than 300 files \(400\): a wide change to review; /),
        },
      ],
    },
    {
      name: 'more than a hundred commits: very large',
      facts: [volume({ commits: 140 })],
      findings: [{ severity: 'medium', message: expect.stringMatching(/: a very large release — more than 100 commits \(140\)/) }],
    },
    {
      name: 'many authors and subsystems alone spread a release, they do not make it very large',
      facts: [volume({ authors: 40, subsystems: 90 })],
      findings: [
        {
          severity: 'low',
          message: expect.stringMatching(/more than a small release — more than 3 authors \(40\): .*; more than 4 subsystems \(90\)/),
        },
      ],
    },
    {
      name: 'a team can give spread a very large level',
      facts: [volume({ subsystems: 90 })],
      options: { subsystems: [4, 60] },
      findings: [{ severity: 'medium', message: expect.stringMatching(/a very large release — more than 60 subsystems \(90\)/) }],
    },
    {
      name: 'an evenly scattered change says so',
      facts: [volume({ subsystems: 9, entropy: 0.93, filesRead: 40, files: 40 })],
      findings: [
        {
          severity: 'low',
          message: expect.stringMatching(
            /more than 25 files \(40\): a wide change to review; more than 4 subsystems \(9\): it couples parts .*; the change is scattered evenly over the 40 files \(entropy 0.93\), the hardest kind of change to review and undo$/,
          ),
        },
      ],
    },
    {
      name: 'a very large release of only style, docs, tests, assets, translations or version numbers stays low',
      facts: [
        volume({ files: 400, filesRead: 400, commits: 3 }),
        { kind: 'file.classified', path: 'src/a.ts', category: 'style-only', reason: 'formatting' },
        { kind: 'file.classified', path: 'README.md', category: 'docs', reason: 'documentation' },
        { kind: 'file.classified', path: 'Cargo.toml', category: 'version-bump', reason: 'version numbers only' },
      ],
      findings: [
        {
          severity: 'low',
          message: expect.stringMatching(
            /: a very large release — .*; but every file is style, markup, docs, tests, assets, translations or version numbers: nothing that runs goes back$/,
          ),
        },
      ],
    },
    {
      name: 'one unread file keeps the full severity',
      facts: [
        volume({ files: 400, filesRead: 400 }),
        { kind: 'file.classified', path: 'src/a.ts', category: 'style-only', reason: 'formatting' },
        { kind: 'file.unreadable', path: 'blob.bin', reason: 'binary content' },
      ],
      findings: [{ severity: 'medium', message: expect.not.stringMatching(/nothing that runs/) }],
    },
    {
      name: 'a single file',
      facts: [volume({ files: 1, filesRead: 1, insertions: 900, entropy: 0 })],
      findings: [{ message: expect.stringMatching(/\(910\): a lot of code to reason about; the change is all in one file$/) }],
    },
  ],
});
