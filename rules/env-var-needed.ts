import { defineRule } from './rule.js';

export default defineRule({
  id: 'env-var-needed',
  category: 'config-change',
  severity: 'medium',
  description: 'The older code reads an environment variable that the running release no longer reads, so it may no longer be set.',
  checklist: 'config',
  outcome: 'manual',
  remediation:
    'Make sure the variable is set (with the value the older code expects) before rolling back, or roll back on a platform that restores the old environment.',
  docs: {
    why: 'Platforms that redeploy an older image or build keep the current environment variables. A variable the release renamed or stopped reading may have been removed from the environment since, and the older code then starts without it.',
    example:
      'The release renamed `process.env.DB_URL` to `process.env.DATABASE_URL` and the ops team deleted `DB_URL`; rolling back brings back code that reads `DB_URL`.',
    fix: 'Check the platform environment for each variable listed and set it again before the rollback; keep both names during a rename until no release in the rollback window reads the old one.',
  },
  check(facts) {
    return facts.of('env.needed').map((fact) => {
      const also =
        fact.alsoAt.length > 0
          ? `; also read at ${fact.alsoAt.slice(0, 3).join(', ')}${fact.alsoAt.length > 3 ? ` (+${fact.alsoAt.length - 3} more)` : ''}`
          : '';
      const unsearched =
        fact.unsearched > 0 ? `; ${fact.unsearched} unchanged scripts were not searched for reads at the running release` : '';
      return {
        message: `the rollback needs ${fact.name}: the older code reads it and the running release does not, so it may not be set any more`,
        path: fact.path,
        line: fact.line,
        evidence: `${fact.via}${also}${unsearched}`,
      };
    });
  },
});
