import { classOf, describeOp } from '../src/model/sql.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'schema-left-behind',
  category: 'migration',
  severity: 'info',
  description: 'A migration of the release stays applied after the rollback; what it adds the older code ignores.',
  checklist: 'database',
  remediation: 'Nothing to do for the rollback; remove the leftovers later if the release is abandoned.',
  docs: {
    why: 'Redeploying the older code does not run down migrations. New tables, nullable columns and indexes stay; the older code ignores them, but they are there when the release is deployed again.',
    example: '`CREATE TABLE user_emails (…);`',
    fix: 'Nothing needed; additive migrations are the rollback-friendly kind.',
  },
  check(facts) {
    return facts.of('migration.file').map((m) => {
      const additive = facts.of('migration.op').filter((o) => o.path === m.path && (o.newObject || classOf(o.op) === 'additive'));
      const what = [...new Set(additive.map((o) => describeOp(o.op)))];
      return {
        message: `migration ${m.migration} stays applied after the rollback${what.length ? `: ${what.slice(0, 3).join('; ')}${what.length > 3 ? ` (+${what.length - 3} more)` : ''}` : ''}`,
        path: m.path,
        line: 1,
      };
    });
  },
});
