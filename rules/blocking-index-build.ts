import { defineRule } from './rule.js';
import { opFinding } from './_migration.js';

export default defineRule({
  id: 'blocking-index-build',
  category: 'migration',
  severity: 'info',
  description: 'A migration of the release builds an index on an existing table without CONCURRENTLY, which locks writes while it runs.',
  checklist: 'database',
  remediation: 'Build indexes with CREATE INDEX CONCURRENTLY (outside a transaction) on busy PostgreSQL tables.',
  docs: {
    why: 'Already applied, so it does not affect the rollback itself; but a table locked against writes while the index builds is what makes a release need a rollback in the first place.',
    example: '`CREATE INDEX idx_orders_user ON orders (user_id);`',
    fix: 'Use CREATE INDEX CONCURRENTLY on PostgreSQL, or an online schema change tool on MySQL.',
  },
  check(facts) {
    return facts
      .of('migration.op')
      .filter((f) => f.op.action === 'create-index' && !f.newObject && !f.op.concurrently && f.via !== 'builder')
      .filter((f) => facts.of('migration.file').some((m) => m.path === f.path && m.dialect === 'postgresql'))
      .map((f) => opFinding(f, 'writes to the table waited while it was built'));
  },
});
