import { z } from 'zod';
import type { Severity } from '../src/model.js';
import { defineRule } from './rule.js';

// [low, medium, high]: a "small release" stays under every first number.
const levels = z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]);

const optionsSchema = z
  .object({
    commits: levels.default([10, 30, 100]),
    files: levels.default([25, 100, 300]),
    lines: levels.default([500, 2000, 10000]),
    authors: levels.default([3, 6, 12]),
    subsystems: levels.default([4, 8, 16]),
  })
  .strict();

const SEVERITY_AT: Severity[] = ['low', 'medium', 'high'];
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export default defineRule({
  id: 'release-volume',
  category: 'change-volume',
  severity: 'medium',
  description: 'A big release (many commits, files, lines, authors or subsystems) is hard to roll back as one piece.',
  checklist: 'volume',
  remediation: 'Review the changelog with the authors before rolling back; ship smaller releases so a rollback undoes less.',
  options: optionsSchema,
  docs: {
    why:
      'A rollback takes back everything in the release or nothing. The more commits, authors and subsystems it spans, the more unrelated fixes go back with the broken change, and the likelier one of them is coupled to data or to another service.',
    example: 'A release of 47 commits by 9 authors across 6 subsystems (3,200 lines in 120 files).',
    fix: 'Before rolling back, list what else the release carries and who depends on it; prefer a forward fix of the one broken change when the release is large.',
  },
  check(facts, { options }) {
    return facts.of('release.volume').flatMap((v) => {
      const lines = v.insertions + v.deletions;
      const measured: [keyof typeof options, number][] = [
        ['commits', v.commits],
        ['files', v.files],
        ['lines', lines],
        ['authors', v.authors],
        ['subsystems', v.subsystems],
      ];
      let level = -1;
      const crossed: string[] = [];
      for (const [name, value] of measured) {
        const thresholds = options[name];
        const reached = thresholds.filter((t) => value > t).length - 1;
        if (reached >= 0) crossed.push(`${name} ${value.toLocaleString('en-US')} > ${thresholds[reached]!.toLocaleString('en-US')}`);
        level = Math.max(level, reached);
      }
      if (level < 0) return [];
      const size = level === 2 ? 'a big-bang release' : level === 1 ? 'a large release' : 'more than a small release';
      return [
        {
          message: `${plural(v.commits, 'commit')} by ${plural(v.authors, 'author')} across ${plural(v.subsystems, 'subsystem')}, ${plural(lines, 'line')} in ${plural(v.files, 'file')}: ${size}`,
          path: v.path,
          severity: SEVERITY_AT[level],
          evidence: `thresholds crossed: ${crossed.join('; ')}; spread entropy ${v.entropy}`,
        },
      ];
    });
  },
});
