import { defineRule } from './rule.js';
import { count, plural } from '../src/util/format.js';

/** The most the behaviour a rollback reverts weighs in the score (docs/scoring.md): 25 points on its own. */
export const BEHAVIOUR_CAP = 0.25;

/** One code file's share: 0.01, growing towards 0.05 with the lines it changes (half way at 100 lines). */
export function fileShare(lines: number): number {
  return 0.01 + 0.04 * (1 - 2 ** (-Math.max(0, lines) / 100));
}

/** What the behaviour of these code files weighs: BEHAVIOUR_CAP × (1 − Π (1 − share)). */
export function behaviourWeight(linesPerFile: readonly number[]): number {
  return BEHAVIOUR_CAP * (1 - linesPerFile.reduce((rest, lines) => rest * (1 - fileShare(lines)), 1));
}

export default defineRule({
  id: 'behaviour-reverted',
  category: 'code-change',
  severity: 'low',
  description:
    'The code the rollback takes back: every behaviour-changing file adds a little to the score, by the lines it changes, and the fixes of the release are listed.',
  checklist: 'fixes',
  remediation: 'Read the list of fixes: each bug it names comes back with the rollback.',
  docs: {
    why: 'A rollback that touches no contract still undoes behaviour: every fix in the release goes back, and the bugs with it. A release of one changed line and one of forty changed files both roll back cleanly, but the second undoes more, so it scores more.',
    example: 'The release changes a condition in `src/cart.ts` (`fix: free shipping threshold`) and two components.',
    fix: 'Nothing blocks; read the fixes listed so the bugs that come back are no surprise.',
  },
  check(facts) {
    const code = new Set(
      facts
        .of('file.classified')
        .filter((f) => f.category === 'code-change')
        .map((f) => f.path),
    );
    const files = facts.of('file.changed').filter((f) => code.has(f.path));
    if (files.length === 0) return [];
    const lines = files.map((f) => f.insertions + f.deletions);
    const total = lines.reduce((a, b) => a + b, 0);
    const fixes = facts.of('history.fix');
    const biggest = [...files].sort((a, b) => b.insertions + b.deletions - (a.insertions + a.deletions) || (a.path < b.path ? -1 : 1));
    return [
      {
        message: `the rollback reverts behaviour in ${plural(files.length, 'code file')} (${plural(total, 'changed line')})${
          fixes.length > 0
            ? ` and takes back ${count(fixes.length)} ${fixes.length === 1 ? 'fix' : 'fixes'}: ${fixes
                .slice(0, 3)
                .map((f) => `"${f.subject}"`)
                .join(', ')}${fixes.length > 3 ? ` (+${fixes.length - 3} more)` : ''}`
            : ''
        }`,
        path: biggest[0]!.path,
        weight: behaviourWeight(lines),
        evidence:
          biggest
            .slice(0, 5)
            .map((f) => `${f.path} (${count(f.insertions + f.deletions)})`)
            .join(', ') + (files.length > 5 ? ` (+${files.length - 5} more)` : ''),
      },
    ];
  },
});
