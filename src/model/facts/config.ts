/** An environment variable the `to` code reads and the `from` code does not read anywhere. */
export interface EnvNeededFact {
  kind: 'env.needed';
  /** The changed file (path at `from`) whose `to` version reads it. */
  path: string;
  /** Line of the read in the `to` version. */
  line: number;
  name: string;
  /** How it is read: `process.env.X`, `import.meta.env.X`, `Deno.env.get('X')`… */
  via: string;
  /** Other reads of it in the `to` code, as `path:line`. */
  alsoAt: string[];
  /** Unchanged scripts not searched for reads at `from` (over the search limit); 0 when all were. */
  unsearched: number;
}

/** Keys of an example environment file (`.env.example`…) that the rollback brings back or drops. */
export interface EnvExampleFact {
  kind: 'env.example-changed';
  path: string;
  /** Keys listed at `to` only, with their line there. */
  restored: { name: string; line: number }[];
  /** Keys listed at `from` only. */
  dropped: string[];
}

/** A feature-flag, app config or committed dotenv file the release changed. Values are never kept. */
export interface ConfigFileFact {
  kind: 'config.changed';
  path: string;
  configKind: 'feature-flags' | 'app-config' | 'dotenv';
  status: 'added' | 'deleted' | 'modified';
  /** Keys at `to` only (the rollback brings them back); undefined when the file could not be parsed. */
  restored?: string[];
  /** Keys at `from` only (the rollback drops them). */
  dropped?: string[];
  /** Keys whose value differs. */
  changed?: string[];
}

/** Variables the environment module declares at both releases with another parser, default or check. */
export interface EnvValidationChangedFact {
  kind: 'env.validation-changed';
  path: string;
  /** Line of the first changed declaration at `from`. */
  line: number;
  names: string[];
}

export type ConfigFact = EnvNeededFact | EnvExampleFact | ConfigFileFact | EnvValidationChangedFact;
