import semver from 'semver';
import type { Fact, Facts } from '../model/facts.js';
import type { AdvisoryAnswer, AdvisoryFact, AdvisoryQuery } from '../model/facts/advisories.js';

interface Place {
  path: string;
  line?: number;
}

/**
 * The npm packages the rollback goes back to, with the versions: the exact versions a lockfile downgrades to, and the
 * lowest version a manifest's range at the target allows (`^1.4.7` → 1.4.7) for what it downgrades or brings back.
 */
export function advisoryQuery(facts: Facts): { query: AdvisoryQuery; places: Map<string, Place> } {
  const versions = new Map<string, Set<string>>();
  const places = new Map<string, Place>();
  const add = (name: string, version: string | undefined, place: Place) => {
    if (!version) return;
    const set = versions.get(name) ?? new Set<string>();
    set.add(version);
    versions.set(name, set);
    if (!places.has(`${name}@${version}`)) places.set(`${name}@${version}`, place);
  };
  for (const fact of facts.of('dependency.changed')) {
    if (fact.workspace || (fact.rollback !== 'downgrade' && fact.rollback !== 'restores') || fact.to === undefined) continue;
    add(fact.name, lowest(fact.to), { path: fact.path, ...(fact.line !== undefined ? { line: fact.line } : {}) });
  }
  for (const fact of facts.of('lockfile.changed'))
    for (const d of fact.downgraded ?? []) add(d.name, semver.valid(d.to) ?? undefined, { path: fact.path });
  const query: AdvisoryQuery = {};
  for (const name of [...versions.keys()].sort()) query[name] = [...versions.get(name)!].sort(semver.compare);
  return { query, places };
}

function lowest(spec: string): string | undefined {
  if (semver.valid(spec)) return semver.valid(spec)!;
  try {
    return semver.validRange(spec) ? (semver.minVersion(spec)?.version ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** One fact per advisory and affected version, placed where the version is named; an error answer is one fact. */
export function advisoryFacts(query: AdvisoryQuery, places: Map<string, Place>, answer: AdvisoryAnswer): Fact[] {
  if ('error' in answer) return [{ kind: 'advisory.unchecked', path: '.', packages: Object.keys(query).length, reason: answer.error }];
  const facts: AdvisoryFact[] = [];
  for (const [name, advisories] of Object.entries(answer.advisories).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const version of query[name] ?? []) {
      for (const advisory of advisories) {
        if (advisory.vulnerableVersions && !satisfies(version, advisory.vulnerableVersions)) continue;
        const place = places.get(`${name}@${version}`) ?? { path: '.' };
        facts.push({
          kind: 'advisory.affects',
          ...place,
          name,
          version,
          id: advisory.id,
          severity: advisory.severity,
          title: advisory.title,
          ...(advisory.url ? { url: advisory.url } : {}),
          ...(advisory.vulnerableVersions ? { vulnerableVersions: advisory.vulnerableVersions } : {}),
        });
      }
    }
  }
  return facts;
}

function satisfies(version: string, range: string): boolean {
  try {
    return semver.satisfies(version, range, { includePrerelease: true });
  } catch {
    // A range the registry wrote and semver cannot read: the advisory is kept rather than dropped.
    return true;
  }
}
