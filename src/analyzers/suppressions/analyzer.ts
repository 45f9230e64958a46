import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { SuppressionFact } from '../../model/facts.js';
import type { ChangedFile, Side } from '../../model/report.js';
import { suppressionsIn, type Suppression } from '../../parse/suppressions.js';

/**
 * Reads the `rollback-ready-ignore <rule-id>: <reason>` comments of every changed file, at both sides: most
 * findings point into the running release (`from`), a few at the older code the rollback brings back (`to`).
 * A comment at `from` that `to` does not have is one the release adds: if it matches no finding, it is reported.
 */
export const suppressionsAnalyzer: Analyzer = {
  name: 'suppressions',
  analyze(release: Release): SuppressionFact[] {
    const facts: SuppressionFact[] = [];
    for (const file of release.files) {
      const from = commentsAt(release, file, 'from');
      const to = commentsAt(release, file, 'to');
      if (from.length === 0 && to.length === 0) continue;
      // Comments the older release already had, by rule and reason: what is left unmatched at `from` is new.
      const before = new Map<string, number>();
      for (const s of to) before.set(keyOf(s), (before.get(keyOf(s)) ?? 0) + 1);
      for (const s of from) {
        const left = before.get(keyOf(s)) ?? 0;
        if (left > 0) before.set(keyOf(s), left - 1);
        facts.push({ kind: 'suppression', path: file.path, ...s, side: 'from', added: left === 0 });
      }
      for (const s of to) facts.push({ kind: 'suppression', path: file.path, ...s, side: 'to' });
    }
    return facts;
  },
};

const keyOf = (s: Suppression) => `${s.ruleId}\0${s.reason}`;

function commentsAt(release: Release, file: ChangedFile, side: Side): Suppression[] {
  if ((side === 'from' ? file.fromBlob : file.toBlob) === undefined) return [];
  const content = release.content(file, side);
  return content.text === undefined ? [] : suppressionsIn(pathAt(file, side), content.text);
}
