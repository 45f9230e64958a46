import rule from '../../rules/down-migration-drops-data.js';
import { migration } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a down migration that drops nothing', facts: [migration({ down: { path: 'm.down.sql', line: 1, drops: [] } })] },
    { name: 'no down migration', facts: [migration()] },
  ],
  invalid: [
    {
      name: 'the down migration drops the new table',
      facts: [
        migration({
          down: { path: 'migrations/2_x.down.sql', line: 2, drops: [{ what: 'drops table orders', line: 2 }] },
          command: 'migrate down 1',
        }),
      ],
      findings: [
        {
          path: 'migrations/2_x.down.sql',
          line: 2,
          evidence: 'undo with: migrate down 1',
          message: 'the down migration of 002_change drops table orders: running it loses what the release stored there',
        },
      ],
    },
  ],
});
