import { HARMLESS_CATEGORIES, type Severity } from '../src/model/report.js';
import type { Facts } from '../src/model/facts.js';
import type { ExcludedFiles } from '../src/model/facts/volume.js';
import { defineRule } from './rule.js';
import { count, plural } from '../src/util/format.js';

/** [more than a small release] or [more than a small release, very large]. */
type Levels = number[];

// [more than a small release (low), a very large release (medium: a person must check)]. The measures are those of
// just-in-time defect prediction (Mockus & Weiss 2000; Kamei et al. 2013); the numbers are ours, set on 57 labelled
// release pairs of 11 applications (docs/volume.md). Files and lines count what a person must read. Authors and
// subsystems say how a release spreads, not how much it holds: they have no "very large" level by default
// (monorepo version bumps touch dozens of package folders).
const DEFAULTS: Record<'commits' | 'files' | 'lines' | 'authors' | 'subsystems', Levels> = {
  commits: [10, 100],
  files: [25, 300],
  lines: [500, 10000],
  authors: [3],
  subsystems: [4],
};

const SEVERITY_AT: Severity[] = ['low', 'medium'];

// What crossing each threshold means for a rollback, in words.
const MEANING: Record<'commits' | 'files' | 'lines' | 'authors' | 'subsystems', string> = {
  commits: 'every unrelated fix in them goes back too',
  files: 'a wide change to review',
  lines: 'a lot of code to reason about',
  authors: 'no one person knows the whole release',
  subsystems: 'it couples parts of the system that would otherwise fail and roll back independently',
};
const UNIT: Record<keyof typeof MEANING, [string, string]> = {
  commits: ['commit', 'commits'],
  files: ['file', 'files'],
  lines: ['changed line', 'changed lines'],
  authors: ['author', 'authors'],
  subsystems: ['subsystem', 'subsystems'],
};

/** ` (left out: 22,723 lines in 1 lockfile, …)`, or nothing. */
function leftOut(excluded: readonly ExcludedFiles[]): string {
  if (excluded.length === 0) return '';
  const parts = excluded.map((e) => `${count(e.insertions + e.deletions)} lines in ${plural(e.files, KIND_WORD[e.kind])}`);
  return ` (left out: ${parts.join(', ')})`;
}

const KIND_WORD: Record<ExcludedFiles['kind'], string> = {
  generated: 'generated file',
  lockfile: 'lockfile',
  snapshot: 'snapshot',
  translation: 'translation file',
};

/** How the change spreads over files, in words (entropy normalised to 0–1). */
function spreadInWords(entropy: number, files: number): string {
  if (files < 2) return 'all in one file';
  if (entropy >= 0.8)
    return `scattered evenly over the ${plural(files, 'file')} (entropy ${entropy}), the hardest kind of change to review and undo`;
  if (entropy >= 0.5) return `spread over many of the ${plural(files, 'file')} (entropy ${entropy})`;
  return `concentrated in a few of the ${plural(files, 'file')} (entropy ${entropy})`;
}

/** Every changed file was read and is presentation, docs, tests, assets, translations or version numbers only. */
function harmlessOnly(facts: Facts): boolean {
  const classified = facts.of('file.classified');
  return facts.of('file.unreadable').length === 0 && classified.length > 0 && classified.every((f) => HARMLESS_CATEGORIES.has(f.category));
}

export default defineRule({
  id: 'release-volume',
  category: 'change-volume',
  severity: 'medium',
  description: 'A big release (many commits, files, lines, authors or subsystems) is hard to roll back as one piece.',
  checklist: 'volume',
  remediation: 'Review the changelog with the authors before rolling back; ship smaller releases so a rollback undoes less.',
  options: {
    defaults: DEFAULTS,
    schema: (z) => {
      const levels = (fallback: Levels) => z.array(z.number().nonnegative()).min(1).max(2).default(fallback);
      return z
        .object({
          commits: levels(DEFAULTS.commits),
          files: levels(DEFAULTS.files),
          lines: levels(DEFAULTS.lines),
          authors: levels(DEFAULTS.authors),
          subsystems: levels(DEFAULTS.subsystems),
        })
        .strict();
    },
  },
  docs: {
    why: 'A rollback takes back everything in the release or nothing. The more commits, authors and subsystems it spans, the more unrelated fixes go back with the broken change, and the likelier one of them is coupled to data or to another service.',
    example: 'A release of 47 commits by 9 authors across 6 subsystems (3,200 lines in 120 files).',
    fix: 'Before rolling back, list what else the release carries and who depends on it; prefer a forward fix of the one broken change when the release is large.',
  },
  check(facts, { options }) {
    return facts.of('release.volume').flatMap((v) => {
      const lines = v.insertions + v.deletions;
      const measured: [keyof typeof options, number][] = [
        ['commits', v.commits],
        ['files', v.filesRead],
        ['lines', lines],
        ['authors', v.authors],
        ['subsystems', v.subsystems],
      ];
      let level = -1;
      const crossed: string[] = [];
      const explained: string[] = [];
      for (const [name, value] of measured) {
        const thresholds = options[name];
        const reached = thresholds.filter((t) => value > t).length - 1;
        if (reached >= 0) {
          const limit = count(thresholds[reached]!);
          crossed.push(`${name} ${count(value)} > ${limit}`);
          explained.push(`more than ${limit} ${UNIT[name][thresholds[reached] === 1 ? 0 : 1]} (${count(value)}): ${MEANING[name]}`);
        }
        level = Math.max(level, reached);
      }
      if (level < 0) return [];
      const size = level === 1 ? 'a very large release' : 'more than a small release';
      // A large reformat or docs overhaul is big but undoes nothing that runs.
      const harmless = harmlessOnly(facts);
      return [
        {
          message: `${plural(v.commits, 'commit')} by ${plural(v.authors, 'author')} across ${plural(v.subsystems, 'subsystem')}, ${plural(lines, 'line')} to read in ${plural(v.filesRead, 'file')}${leftOut(v.excluded)}: ${size} — ${explained.join('; ')}; the change is ${spreadInWords(v.entropy, v.filesRead)}${harmless ? '; but every file is style, markup, docs, tests, assets, translations or version numbers: nothing that runs goes back' : ''}`,
          path: v.path,
          severity: harmless ? 'low' : SEVERITY_AT[level],
          evidence: `thresholds crossed: ${crossed.join('; ')}; spread entropy ${v.entropy}`,
        },
      ];
    });
  },
});
