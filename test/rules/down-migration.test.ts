import rule from '../../rules/down-migration.js';
import { migration, edited } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no migration', facts: [edited()] }],
  invalid: [
    {
      name: 'names the down migration and its command',
      facts: [
        migration({
          framework: 'golang-migrate',
          down: { path: 'migrations/2_x.down.sql', line: 1, drops: [] },
          command: 'migrate down 1',
        }),
      ],
      findings: [{ message: 'migration 002_change can be undone by its down migration migrations/2_x.down.sql:1 (migrate down 1)' }],
    },
    {
      name: 'says plainly when there is none, low when the migration is risky',
      facts: [migration({ framework: 'prisma', risky: true, noDown: 'Prisma has no down migrations' })],
      findings: [{ severity: 'low', message: 'migration 002_change has no down migration: Prisma has no down migrations' }],
    },
    {
      name: 'info when an additive migration has none',
      facts: [migration({ noDown: 'none' })],
      findings: [{ severity: 'info' }],
    },
  ],
});
