import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'add-constraint',
  category: 'destructive-migration',
  // Constraints the older code may trip on are for a person to check (caution), not a break (docs/scoring.md).
  severity: 'medium',
  description: 'A migration of the release adds a unique, check or foreign-key constraint, or a unique index, the older code may violate.',
  checklist: 'database',
  remediation: 'Check that the older code never writes rows the constraint rejects, or drop the constraint before rolling back.',
  docs: {
    why: 'The older code was written without the constraint. Writes it considers valid (a duplicate, a value outside the check, an orphan row) now fail.',
    example:
      '`ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);` or `CREATE UNIQUE INDEX users_email_key ON users (email);` (what Prisma `@unique` generates).',
    fix: 'Add the constraint NOT VALID / in a later release, once every release that may be rolled back to respects it.',
  },
  check(facts) {
    const constraints = opsOf(facts, 'add-constraint').map((f) =>
      f.recreates
        ? opFinding(
            f,
            'the same constraint is put back under its name (its options may differ, as a foreign key re-added with another ON DELETE)',
            { severity: 'low' },
          )
        : opFinding(
            f,
            f.op.domain
              ? 'every column of the domain now rejects values the older code may write'
              : 'writes the older code considers valid may now be rejected',
            f.op.constraint === 'primary-key' ? { severity: 'medium' } : {},
          ),
    );
    const uniqueIndexes = opsOf(facts, 'create-index')
      .filter((f) => f.op.unique)
      .map((f) =>
        f.recreates
          ? opFinding(f, 'the same unique index is put back under its name', { severity: 'low' })
          : opFinding(f, 'a unique index is a unique constraint: duplicates the older code writes are now rejected'),
      );
    return [...constraints, ...uniqueIndexes];
  },
});
