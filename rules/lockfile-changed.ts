import { defineRule } from './rule.js';

export default defineRule({
  id: 'lockfile-changed',
  category: 'dependency-change',
  severity: 'low',
  description: 'A lockfile changed without its manifest: the rollback moves resolved (often transitive) versions no manifest shows.',
  checklist: 'dependencies',
  remediation: 'Look at the packages the lockfile moves back; a lockfile-only change is usually a security or bug-fix update the rollback undoes.',
  docs: {
    why:
      'A lockfile-only change (an `npm audit fix`, a Dependabot update of a transitive package) changes what runs without a line in package.json. Rolling back restores the old resolved versions, and with them any fixed vulnerability.',
    example: '`package-lock.json` moved `minimist` from 1.2.8 back to 1.2.5, with no change in package.json.',
    fix: 'Check the packages listed for security fixes; after the rollback, re-apply the lockfile update on its own.',
  },
  check(facts) {
    return facts.of('lockfile.changed').map((fact) => {
      const down = fact.downgraded ?? [];
      const evidence =
        down.length > 0
          ? `older at the target: ${down.slice(0, 5).map((d) => `${d.name} ${d.from} → ${d.to}`).join(', ')}${down.length > 5 ? ` (+${down.length - 5} more)` : ''}`
          : undefined;
      const moved = fact.downgraded ? `${down.length} package${down.length === 1 ? '' : 's'} go back to older versions` : 'resolved versions go back';
      return fact.manifestChanged
        ? { message: `${fact.manager} lockfile follows the manifest change: ${moved}`, path: fact.path, severity: 'info' as const, evidence }
        : { message: `lockfile-only change (${fact.manager}): ${moved} with no change in the manifest`, path: fact.path, evidence };
    });
  },
});
