import type { Analyzer, Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { ExcludedKind } from '../../model/facts/volume.js';
import type { ChangedFile } from '../../model/report.js';
import { readingExclusion } from '../../parse/kinds.js';

/**
 * Size and spread of the release, as just-in-time defect prediction measures change risk, over what a person
 * must read: lockfiles, generated files, snapshots and translation catalogues are left out and listed.
 */
export const volumeAnalyzer: Analyzer = {
  name: 'volume',
  analyze(release: Release): Fact[] {
    const read: ChangedFile[] = [];
    const excluded = new Map<ExcludedKind, { files: number; insertions: number; deletions: number; paths: string[] }>();
    for (const file of release.files) {
      const kind = readingExclusion(file.path, file.fromBlob ? release.content(file, 'from').text : undefined);
      if (!kind) {
        read.push(file);
        continue;
      }
      const group = excluded.get(kind) ?? { files: 0, insertions: 0, deletions: 0, paths: [] };
      group.files += 1;
      group.insertions += file.insertions;
      group.deletions += file.deletions;
      group.paths.push(file.path);
      excluded.set(kind, group);
    }
    const directories = new Set<string>();
    const subsystems = new Set<string>();
    let insertions = 0;
    let deletions = 0;
    for (const file of read) {
      insertions += file.insertions;
      deletions += file.deletions;
      const parts = file.path.split('/');
      directories.add(parts.length > 1 ? parts[0]! : '.');
      subsystems.add(parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length > 1 ? parts[0]! : '.');
    }
    const authors = new Set(release.commits.map((c) => c.authorEmail)).size;
    return [
      {
        kind: 'release.volume',
        path: '.',
        commits: release.commits.length,
        files: release.files.length,
        filesRead: read.length,
        insertions,
        deletions,
        authors,
        directories: directories.size,
        subsystems: subsystems.size,
        entropy: spreadEntropy(read.map((f) => f.insertions + f.deletions + (f.binary ? 1 : 0))),
        excluded: [...excluded].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, group]) => ({ kind, ...group })),
      },
    ];
  },
};

/** Normalised Shannon entropy of changed lines over files: 0 = all in one file, 1 = evenly spread. */
export function spreadEntropy(linesPerFile: number[]): number {
  const counts = linesPerFile.filter((n) => n > 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length < 2 || total === 0) return 0;
  let h = 0;
  for (const n of counts) {
    const p = n / total;
    h -= p * Math.log2(p);
  }
  return Math.round((h / Math.log2(counts.length)) * 1000) / 1000;
}
