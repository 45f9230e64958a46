import { expect } from 'vitest';
import rule from '../../rules/release-volume.js';
import type { VolumeFact } from '../../src/analyzers/volume/facts.js';
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
      findings: [{ severity: 'low', path: '.', message: expect.stringMatching(/^12 commits by 1 author .*more than a small release$/) }],
    },
    {
      name: 'a big-bang release says every threshold it crossed',
      facts: [volume({ commits: 47, authors: 9, subsystems: 6, files: 120, insertions: 3000, deletions: 200 })],
      findings: [
        {
          severity: 'medium',
          message: '47 commits by 9 authors across 6 subsystems, 3,200 lines in 120 files: a large release',
          evidence: 'thresholds crossed: commits 47 > 30; files 120 > 100; lines 3,200 > 2,000; authors 9 > 6; subsystems 6 > 4; spread entropy 0.5',
        },
      ],
    },
    { name: 'hundreds of files', facts: [volume({ files: 400 })], findings: [{ severity: 'high', message: expect.stringMatching(/a big-bang release$/) }] },
  ],
});
