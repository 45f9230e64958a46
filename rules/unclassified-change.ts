import { defineRule } from './rule.js';

export default defineRule({
  id: 'unclassified-change',
  category: 'unclassified',
  severity: 'low',
  description: 'A changed file the tool could not read or understand needs a person to review it.',
  checklist: 'review',
  outcome: 'manual',
  remediation: 'Read the change yourself before rolling back, or teach the tool the file kind in the config.',
  docs: {
    why: 'What the tool cannot read it cannot judge. A binary blob, a file over the size limit, a script with a syntax error or a file type no analyzer knows could hide a schema change or a removed endpoint, so it is never counted as safe.',
    example: 'The release changes `deploy/seed.bin` (binary) or `db/dump.sql` larger than limits.maxFileBytes.',
    fix: 'Open the file in the diff and decide; raise limits.maxFileBytes for large text files; add paths that never matter to `ignore`.',
  },
  check(facts) {
    // Several analyzers may fail on the same file: one finding per place, every reason in it.
    const byPlace = new Map<string, { path: string; line?: number; reasons: string[]; evidence?: string }>();
    for (const fact of facts.of('file.unreadable')) {
      const key = `${fact.path}\0${fact.line ?? ''}`;
      const place = byPlace.get(key) ?? { path: fact.path, line: fact.line, reasons: [], evidence: fact.evidence };
      if (!place.reasons.includes(fact.reason)) place.reasons.push(fact.reason);
      place.evidence ??= fact.evidence;
      byPlace.set(key, place);
    }
    return [...byPlace.values()].map((place) => ({
      message: `${place.path} was not understood: ${place.reasons.join('; ')}`,
      path: place.path,
      line: place.line,
      evidence: place.evidence,
    }));
  },
});
