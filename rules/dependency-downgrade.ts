import picomatch from 'picomatch';
import type { Severity } from '../src/model/report.js';
import type { DependencyChangedFact } from '../src/model/facts/dependencies.js';
import { atLeast } from '../src/model/report.js';
import { defineRule, type FindingDraft } from './rule.js';
import { FRAMEWORKS } from './_frameworks.js';

const RUNTIME_SECTIONS = new Set(['dependencies', 'optionalDependencies']);

export interface Options {
  /**
   * Runtime and framework packages whose downgrade is at least medium, whatever the semver distance: they serve
   * requests, render pages, own sessions or map the database, and their patch releases carry security fixes.
   */
  frameworks: string[];
}

// Web and API frameworks, UI runtimes, ORMs, auth and TypeScript's runtime helpers (globs allowed).
const DEFAULTS: Options = { frameworks: [...FRAMEWORKS] };

function severityOf(fact: DependencyChangedFact, framework: boolean): Severity {
  // A package of the same repository rolls back with the release.
  if (fact.workspace) return 'info';
  const runtime = RUNTIME_SECTIONS.has(fact.section);
  let severity: Severity = 'info';
  switch (fact.rollback) {
    case 'downgrade':
      if (fact.level === 'major') severity = runtime ? 'medium' : 'low';
      else if (fact.level === 'minor') severity = runtime ? 'low' : 'info';
      break;
    case 'restores':
    case 'changes':
      severity = runtime ? 'low' : 'info';
      break;
    default:
      break;
  }
  if (framework && runtime && fact.rollback === 'downgrade' && !atLeast(severity, 'medium')) return 'medium';
  return severity;
}

function messageOf(f: DependencyChangedFact, framework: boolean): string {
  const dev = f.section === 'dependencies' ? '' : ` (${f.section})`;
  const kind =
    framework && f.rollback === 'downgrade' && RUNTIME_SECTIONS.has(f.section)
      ? ' — a framework or runtime package: its releases carry security fixes'
      : '';
  switch (f.rollback) {
    case 'downgrade':
      return `the rollback downgrades ${f.name}${dev} from ${f.from} to ${f.to} (${f.level})${f.workspace ? ': a package of this repository, which rolls back with it' : kind}`;
    case 'upgrade':
      return `the rollback upgrades ${f.name}${dev} from ${f.from} to ${f.to} (the release had downgraded it)`;
    case 'removes':
      return `the rollback removes ${f.name}${dev} ${f.from} (added by the release)`;
    case 'restores':
      return `the rollback brings back ${f.name}${dev} ${f.to} (removed by the release)`;
    default:
      return `the rollback moves ${f.name}${dev} from ${f.from} to ${f.to}${f.workspace ? ': a package of this repository, which rolls back with it' : ': versions not comparable'}`;
  }
}

export default defineRule<Options>({
  id: 'dependency-downgrade',
  category: 'dependency-change',
  severity: 'low',
  description:
    'Dependencies the rollback downgrades (by semver major, minor or patch), removes or brings back; a framework or runtime package is at least medium, and version overrides taken back are one finding, medium for pins written against the versions they lift a package out of (`axios@<1.15.0`).',
  checklist: 'dependencies',
  remediation: 'Check that the older versions can read data and caches the newer ones wrote, and that no fixed vulnerability comes back.',
  docs: {
    why: 'Rolling back the code rolls back its dependencies too. A major downgrade can meet data, caches or protocol versions written by the newer library (serializers, ORMs, SDKs), and a downgrade brings back bugs and vulnerabilities the release fixed. Framework and runtime packages (the `frameworks` option) publish security fixes in patch releases, so any downgrade of one is checked.',
    example:
      'The release upgraded `pg` from ^7.18.0 to ^8.11.0; the rollback goes back to 7.x. Or the release moved `next` from 15.3.3 to 15.3.6 (a security patch).',
    fix: 'Read the changelog of each major downgrade for storage or wire-format changes, and the advisories of each framework downgrade; if a security fix is at stake, roll back and pin the fixed version in a follow-up release.',
  },
  options: {
    defaults: DEFAULTS,
    schema: (z) => z.object({ frameworks: z.array(z.string().min(1)).default(DEFAULTS.frameworks) }).strict(),
  },
  check(facts, { options }) {
    const isFramework = options.frameworks.length > 0 ? picomatch(options.frameworks) : () => false;
    const moves = facts.of('dependency.changed');
    // The same move in several manifests of a monorepo (react 19.2.6 → 19.2.4 in six packages) is one finding.
    const groups = new Map<string, DependencyChangedFact[]>();
    for (const fact of moves) {
      if (fact.section === 'overrides') continue;
      const key = [fact.name, fact.section, fact.rollback, fact.from, fact.to, fact.workspace].join('\0');
      groups.set(key, [...(groups.get(key) ?? []), fact]);
    }
    const overrides = new Map<string, DependencyChangedFact[]>();
    for (const fact of moves) if (fact.section === 'overrides') overrides.set(fact.path, [...(overrides.get(fact.path) ?? []), fact]);
    return [
      ...[...overrides.values()].map(overridesFinding),
      ...[...groups.values()].map(([fact, ...others]) => {
        const framework = isFramework(fact!.name);
        const also = others.length > 0 ? ` (also in ${others.length === 1 ? others[0]!.path : `${others.length} other manifests`})` : '';
        return {
          message: `${messageOf(fact!, framework)}${also}`,
          path: fact!.path,
          line: fact!.line,
          severity: severityOf(fact!, framework),
          ...(others.length > 0 ? { evidence: `also in ${others.map((o) => `${o.path}${o.line ? `:${o.line}` : ''}`).join(', ')}` } : {}),
        };
      }),
    ];
  },
});

/** Pins named in an override finding's message; the rest are counted, and all are in its evidence. */
const NAMED_PINS = 5;

function pinOf(f: DependencyChangedFact): string {
  switch (f.rollback) {
    case 'removes':
      return `${f.name} ${f.from} (no pin at the target)`;
    case 'restores':
      return `${f.name} ${f.to} (pinned again)`;
    default:
      return `${f.name} ${f.from} → ${f.to}`;
  }
}

/** A pin written against the versions it lifts a package out of (`axios@<1.15.0`): a pin past a vulnerability. */
const liftsVersions = (f: DependencyChangedFact) => f.lifts !== undefined;

/**
 * The version overrides of one manifest the rollback moves, as one finding: a release that pins transitive packages
 * past vulnerabilities (`pnpm audit --fix`, a Dependabot alert) pins many at once, and the rollback takes them back
 * together. Medium when it takes back a pin written against the versions it lifts a package out of
 * (`"axios@<1.15.0": "^1.15.0"`, the form `pnpm audit --fix` writes): the vulnerable versions may come back anywhere
 * in the dependency tree. Low for other pins it takes back (`"lodash": "4.18.1"`), which may be there for any reason.
 */
function overridesFinding(pins: DependencyChangedFact[]): FindingDraft {
  const back = pins.filter((p) => p.rollback === 'downgrade' || p.rollback === 'removes');
  const shown = [...back, ...pins.filter((p) => !back.includes(p))];
  const list = shown.slice(0, NAMED_PINS).map(pinOf).join(', ');
  const more = shown.length > NAMED_PINS ? ` (+${shown.length - NAMED_PINS} more)` : '';
  const count = pins.length === 1 ? 'a version override' : `${pins.length} version overrides`;
  const severity: Severity = back.some(liftsVersions)
    ? 'medium'
    : back.length > 0 || pins.some((p) => p.rollback !== 'upgrade')
      ? 'low'
      : 'info';
  return {
    message:
      back.length === 0
        ? `the rollback moves ${count} (pins of packages anywhere in the dependency tree): ${list}${more}`
        : back.some(liftsVersions)
          ? `the rollback takes back ${count} that ${pins.length === 1 ? 'lifts a package' : 'lift packages'} out of older versions anywhere in the dependency tree (the form \`pnpm audit --fix\` writes against a vulnerability): ${list}${more}`
          : `the rollback takes back ${count} (pins of packages anywhere in the dependency tree): ${list}${more}`,
    path: pins[0]!.path,
    line: pins[0]!.line,
    severity,
    evidence: shown.map((p) => `${p.selector ?? p.name}: ${pinOf(p)}`).join('; '),
  };
}
