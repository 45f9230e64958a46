import type { Analyzer, Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';

/** Size and spread of the release, as just-in-time defect prediction measures change risk. */
export const volumeAnalyzer: Analyzer = {
  name: 'volume',
  analyze(release: Release): Fact[] {
    const files = release.files;
    const directories = new Set<string>();
    const subsystems = new Set<string>();
    let insertions = 0;
    let deletions = 0;
    for (const file of files) {
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
        files: files.length,
        insertions,
        deletions,
        authors,
        directories: directories.size,
        subsystems: subsystems.size,
        entropy: spreadEntropy(files.map((f) => f.insertions + f.deletions + (f.binary ? 1 : 0))),
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
