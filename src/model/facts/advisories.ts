/** A registry advisory that affects a version the rollback goes back to. */
export interface AdvisoryFact {
  kind: 'advisory.affects';
  /** The manifest (or lockfile) that names the version. */
  path: string;
  line?: number;
  name: string;
  /** The version the rollback goes back to. */
  version: string;
  /** `GHSA-…` or the registry's advisory id. */
  id: string;
  /** As the registry grades it: info, low, moderate, high, critical. */
  severity: string;
  title: string;
  url?: string;
  vulnerableVersions?: string;
}

/** The advisory check was asked for and could not be made (network, registry error): nothing is known. */
export interface AdvisoryUncheckedFact {
  kind: 'advisory.unchecked';
  path: string;
  /** Packages that were to be checked. */
  packages: number;
  reason: string;
}

export type AdvisoriesFact = AdvisoryFact | AdvisoryUncheckedFact;

/** What the engine asks the advisory source: package name → the versions the rollback goes back to. */
export type AdvisoryQuery = Record<string, string[]>;

/** One advisory as the registry returns it. */
export interface Advisory {
  id: string;
  severity: string;
  title: string;
  url?: string;
  vulnerableVersions?: string;
}

/** The answer: advisories by package name, or why there is none. */
export type AdvisoryAnswer = { advisories: Record<string, Advisory[]> } | { error: string };
