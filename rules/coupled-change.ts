import { defineRule } from './rule.js';

export default defineRule({
  id: 'coupled-change',
  category: 'destructive-migration',
  severity: 'high',
  description:
    'The release changes a migration and the source code that uses the same tables or columns: tightly coupled database and code changes.',
  checklist: 'database',
  remediation: 'Roll the database back with the code (run the down migration, or restore), or roll forward instead.',
  docs: {
    why: 'Practitioners name tightly coupled database and code changes the hardest kind of release to roll back: the code goes back, the schema does not, and the older code that used the old shape breaks.',
    example:
      'Migration `002` drops `users.email` while the release also rewrites `src/users.ts`, which inserted `email` in the older release.',
    fix: 'Decouple: ship the schema change and the code change in separate releases (expand, migrate, contract).',
  },
  check(facts) {
    return facts.of('migration.coupled').map((f) => ({
      message: `migration ${f.migration} ${f.what}, and the release also changes ${f.sourcePath}, which uses it in the older release (line ${f.sourceLine})`,
      path: f.path,
      line: f.line,
      evidence: `${f.sourcePath}:${f.sourceLine}: ${f.sourceText}${f.alsoIn?.length ? ` (also ${f.alsoIn.join(', ')})` : ''}`,
    }));
  },
});
