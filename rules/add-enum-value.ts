import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'add-enum-value',
  category: 'migration',
  severity: 'medium',
  description:
    'A migration of the release adds an enum value: rows that hold it reach older code that does not know it, and PostgreSQL cannot remove it.',
  checklist: 'database',
  remediation:
    'Before rolling back, find rows that use the new value and map them to one the older code knows, or make sure the older code tolerates unknown values.',
  docs: {
    why: 'The older code switches over the values it knows. Rows the release wrote with the new value stay after the rollback and reach code (and ORM enums) that may reject or mishandle them. PostgreSQL cannot drop an enum value, so the type keeps it.',
    example: "`ALTER TYPE order_status ADD VALUE 'refunded';` (also from Prisma, or through Sequelize `queryInterface.sequelize.query`).",
    fix: 'Ship the code that understands a value one release before the code that writes it.',
  },
  check(facts) {
    return opsOf(facts, 'enum-add-value').map((f) =>
      opFinding(f, 'rows with this value reach older code that does not know it, and the value cannot be removed'),
    );
  },
});
