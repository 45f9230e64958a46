import picomatch from 'picomatch';
import { defineRule, type FindingDraft } from './rule.js';
import { FRAMEWORKS } from './_frameworks.js';

export interface Options {
  /** Framework and runtime packages whose downgrade in a lockfile alone is medium, whatever the semver distance. */
  frameworks: string[];
}

const DEFAULTS: Options = { frameworks: [...FRAMEWORKS] };

export default defineRule<Options>({
  id: 'lockfile-changed',
  category: 'dependency-change',
  severity: 'low',
  description:
    'A lockfile changed without its manifest: the rollback moves resolved (often transitive) versions no manifest shows; a framework or runtime package it downgrades is medium.',
  checklist: 'dependencies',
  remediation:
    'Look at the packages the lockfile moves back; a lockfile-only change is usually a security or bug-fix update the rollback undoes.',
  docs: {
    why: 'A lockfile-only change (an `npm audit fix`, a Dependabot update of a transitive package) changes what runs without a line in package.json. Rolling back restores the old resolved versions, and with them any fixed vulnerability.',
    example: '`package-lock.json` moved `minimist` from 1.2.8 back to 1.2.5, with no change in package.json.',
    fix: 'Check the packages listed for security fixes; after the rollback, re-apply the lockfile update on its own.',
  },
  options: {
    defaults: DEFAULTS,
    schema: (z) => z.object({ frameworks: z.array(z.string().min(1)).default(DEFAULTS.frameworks) }).strict(),
  },
  check(facts, { options }) {
    const isFramework = options.frameworks.length > 0 ? picomatch(options.frameworks) : () => false;
    // A framework the manifest itself moves is dependency-downgrade's to report.
    const inManifests = new Set(
      facts
        .of('dependency.changed')
        .filter((f) => f.rollback === 'downgrade')
        .map((f) => f.name),
    );
    const frameworks: FindingDraft[] = facts.of('lockfile.changed').flatMap((fact) =>
      (fact.downgraded ?? [])
        .filter((d) => isFramework(d.name) && !inManifests.has(d.name))
        .map((d) => ({
          message: `the ${fact.manager} lockfile takes ${d.name} from ${d.from} back to ${d.to} — a framework or runtime package: its releases carry security fixes`,
          path: fact.path,
          severity: 'medium' as const,
        })),
    );
    const lockfiles: FindingDraft[] = facts.of('lockfile.changed').map((fact) => {
      const down = fact.downgraded ?? [];
      const evidence =
        down.length > 0
          ? `older at the target: ${down
              .slice(0, 5)
              .map((d) => `${d.name} ${d.from} → ${d.to}`)
              .join(', ')}${down.length > 5 ? ` (+${down.length - 5} more)` : ''}`
          : undefined;
      const moved = !fact.downgraded
        ? 'resolved versions go back'
        : down.length === 0
          ? 'resolved versions change, none to an older version'
          : `${down.length === 1 ? '1 package goes' : `${down.length} packages go`} back to older versions`;
      return fact.manifestChanged
        ? {
            message: `${fact.manager} lockfile follows the manifest change: ${moved}`,
            path: fact.path,
            severity: 'info' as const,
            evidence,
          }
        : { message: `lockfile-only change (${fact.manager}): ${moved} with no change in the manifest`, path: fact.path, evidence };
    });
    return [...frameworks, ...lockfiles];
  },
});
