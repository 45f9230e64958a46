import type { Category, Side } from './report.js';
import type { VolumeFact } from './facts/volume.js';
import type { ContractChangeFact } from './facts/contracts.js';
import type { PullRequestFact } from './facts/changelog.js';
import type { MigrationFact } from './facts/migrations.js';
import type { ConfigFact } from './facts/config.js';
import type { DependencyFact } from './facts/dependencies.js';
import type { InfrastructureChangedFact } from './facts/infrastructure.js';
import type { EndpointFact } from './facts/endpoints.js';
import type { HistoryFact } from './facts/history.js';
import type { AdvisoriesFact } from './facts/advisories.js';
import type { ChangeStatus } from './report.js';

// Facts are plain data with a location. Analyzers emit them; rules judge them.
// Each analyzer declares its own fact types next to it; this union gathers them.

/** The analyzer that read a changed file says what kind of change it is. */
export interface ClassifiedFact {
  kind: 'file.classified';
  path: string;
  category: Category;
  reason: string;
}

/** A changed file (or part of one) that could not be read or understood. */
export interface UnreadableFact {
  kind: 'file.unreadable';
  path: string;
  line?: number;
  side?: Side;
  reason: string;
  /** Quoted piece of what was not understood, when there is one. */
  evidence?: string;
}

/** `rollback-ready-ignore <rule-id>: <reason>` found before `line` of `path`. */
export interface SuppressionFact {
  kind: 'suppression';
  path: string;
  line: number;
  ruleId: string;
  reason: string;
  /** The line of the comment itself (default: the line before `line`). */
  comment?: number;
  /** The side whose text holds the comment (default: from). */
  side?: Side;
  /** The release adds the comment: the text at `to` has no such comment. Only these are reported when they match nothing. */
  added?: boolean;
}

/** A suppression comment the release adds that matched no finding (the suppression step makes these). */
export interface UnusedSuppressionFact {
  kind: 'suppression.unused';
  path: string;
  /** The line of the comment. */
  line: number;
  ruleId: string;
  reason: string;
  /** Whether the comment names a rule of this analysis (a built-in or a team rule). */
  known: boolean;
}

/** A count an analyzer wants in `report.stats` (summed by name). */
export interface StatFact {
  kind: 'stat';
  path: string;
  name: string;
  value: number;
}

export interface ChangedFileFact {
  kind: 'file.changed';
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  /** Lines git counts as added and removed (0 for binary files). */
  insertions: number;
  deletions: number;
}

/**
 * A setting of the release's own configuration (in the `from` tree) that would weaken its analysis, and is
 * therefore not applied (the engine adds these; see src/config/trust.ts).
 */
export interface ConfigWeakenedFact {
  kind: 'config.weakened';
  /** The release's config file (or, when the release deleted it, the file in effect). */
  path: string;
  line?: number;
  /** What the release's configuration does, e.g. `turns drop-table off (was critical)`. */
  change: string;
  /** The configuration in effect instead, e.g. `rollback-ready.config.json at v1`. */
  inEffect: string;
}

export type Fact =
  | ClassifiedFact
  | UnreadableFact
  | SuppressionFact
  | UnusedSuppressionFact
  | StatFact
  | VolumeFact
  | ContractChangeFact
  | PullRequestFact
  | MigrationFact
  | ConfigFact
  | DependencyFact
  | InfrastructureChangedFact
  | EndpointFact
  | HistoryFact
  | AdvisoriesFact
  | ChangedFileFact
  | ConfigWeakenedFact;

export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** The facts of one analysis, indexed by kind. */
export class Facts {
  private readonly byKind = new Map<FactKind, Fact[]>();

  constructor(facts: Iterable<Fact> = []) {
    for (const fact of facts) this.add(fact);
  }

  add(fact: Fact): void {
    const list = this.byKind.get(fact.kind);
    if (list) list.push(fact);
    else this.byKind.set(fact.kind, [fact]);
  }

  of<K extends FactKind>(kind: K): FactOf<K>[] {
    return (this.byKind.get(kind) ?? []) as FactOf<K>[];
  }

  all(): Fact[] {
    return [...this.byKind.values()].flat();
  }
}
