import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'drop-not-null',
  category: 'migration',
  severity: 'medium',
  description:
    'A migration of the release makes a NOT NULL column nullable: the older code, typed for a value, may read NULLs the release wrote.',
  checklist: 'database',
  remediation:
    'Before rolling back, check that no row holds NULL in the column (or fill them), or that the older code tolerates NULL there.',
  docs: {
    why: 'The older code was written for a column that always has a value: its types, serializers and comparisons assume one. Rows the release wrote without a value stay after the rollback, and the older code that reads them may crash or misbehave.',
    example:
      "`ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;`, knex `t.setNullable('phone')`, Kysely `.alterColumn('phone', (c) => c.dropNotNull())`, Sequelize `changeColumn('users', 'phone', { type, allowNull: true })`.",
    fix: 'Make a column optional only once every release that may be rolled back to handles NULL in it; until then keep writing a value.',
  },
  check(facts) {
    return opsOf(facts, 'drop-not-null').map((f) =>
      opFinding(f, 'rows the release writes without a value reach older code that expects one'),
    );
  },
});
