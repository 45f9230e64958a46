import { defineRule } from './rule.js';

const list = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ` (+${names.length - 5} more)` : '');

export default defineRule({
  id: 'env-example-changed',
  category: 'config-change',
  severity: 'low',
  description: 'The example environment file of the older release lists variables the running release does not.',
  checklist: 'config',
  outcome: 'manual',
  remediation: 'Compare the keys listed with the environment of the platform; set the ones the older release expects.',
  docs: {
    why: 'An example env file (`.env.example`, `.env.sample`, `.env.template`) documents what the app expects. Keys it lists at the older release and not at the running one are settings the environment may have lost since.',
    example: '`.env.example` had `DB_URL` at v1.0.0 and `DATABASE_URL` at v1.1.0.',
    fix: 'Set every key the rollback brings back; keys it drops can stay set.',
  },
  check(facts) {
    return facts.of('env.example-changed').map((fact) => {
      const names = fact.restored.map((k) => k.name);
      const drops = fact.dropped.length > 0 ? `${names.length > 0 ? ' and' : ''} drops ${list(fact.dropped)}` : '';
      if (names.length === 0) {
        return { message: `the rollback${drops} in ${fact.path}: no key to add`, path: fact.path, severity: 'info' as const };
      }
      return {
        message: `the rollback brings back ${list(names)}${drops} in ${fact.path}: check they are set`,
        path: fact.path,
        line: fact.restored[0]!.line,
      };
    });
  },
});
