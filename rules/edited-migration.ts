import { defineRule } from './rule.js';

export default defineRule({
  id: 'edited-migration',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration file present in both releases was edited: the database that ran one version does not match the other.',
  checklist: 'database',
  remediation: 'Find out which version ran on each database; restore the released file and put the change in a new migration.',
  docs: {
    why: 'Migration tools run a file once, by name. A database that ran the old text will not run the edit, one that ran the edit differs from what the older code expects, and checksum-checking tools (Flyway, Prisma) refuse to start the older release.',
    example: 'The release changes `V3__add_orders.sql`, which the older release already shipped.',
    fix: 'Never edit a released migration; write a new one that makes the change.',
  },
  check(facts) {
    return facts.of('migration.edited').map((f) => ({
      message: `migration ${f.migration} was edited after it was released: databases that ran either version disagree with the other release`,
      path: f.path,
      line: f.line,
      evidence: f.change,
    }));
  },
});
