import type { SchemaOp, SqlDialect } from '../sql.js';

export const FRAMEWORKS = [
  'sql',
  'prisma',
  'flyway',
  'golang-migrate',
  'dbmate',
  'drizzle',
  'goose',
  'sql-migrate',
  'liquibase',
  'db-migrate',
  'knex',
  'typeorm',
  'sequelize',
  'mikro-orm',
  'kysely',
  'node-pg-migrate',
  'umzug',
  'raw-sql',
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** A migration the release added (it stays applied after the rollback) or edited. */
export interface MigrationFileFact {
  kind: 'migration.file';
  path: string;
  /** Name that identifies it whatever folder it sits in: version, timestamp or folder name. */
  migration: string;
  framework: Framework;
  dialect: SqlDialect;
  status: 'added' | 'edited';
  /** Position among the release's migrations, in the order they run. */
  order: number;
  /** Some operation of the up migration is more than additive for the older code. */
  risky: boolean;
  /** The down/undo migration, when the framework has one and the file defines it. */
  down?: { path: string; line: number; drops: { what: string; line: number }[] };
  /** The framework's command to run the down migration. */
  command?: string;
  /** Why there is no down migration. */
  noDown?: string;
}

/** One thing an up migration does, judged against what the release itself created before it. */
export interface MigrationOpFact {
  kind: 'migration.op';
  path: string;
  line: number;
  migration: string;
  framework: Framework;
  op: SchemaOp;
  /** The statement or call, quoted (shortened). */
  statement: string;
  via: 'parser' | 'fallback' | 'builder';
  /** The table or column was created earlier in this release: the older code never used it. */
  newObject: boolean;
  /** What earlier migrations of the release explain about this operation (net effect). */
  note?: string;
  /** drop-table that is part of a rebuild (create new, copy, drop, rename back), as SQLite migrations do. */
  rebuilt?: boolean;
  /** A drop whose object a later operation of the release creates again under the same name: how. */
  recreated?: string;
  /** A create that puts back what an earlier operation of the release dropped under the same name. */
  recreates?: boolean;
  /** CASCADE: the tables whose foreign keys to it the release's own migrations show. */
  dependents?: string[];
}

/** A migration present at both releases with different content. */
export interface MigrationEditedFact {
  kind: 'migration.edited';
  path: string;
  line: number;
  migration: string;
  framework: Framework;
  /** The first line that differs, at `from`. */
  change: string;
  /**
   * What the edit changes, read from both versions: `schema` (the operations differ), `data` (the same schema
   * operations, but statements that write rows changed), `same` (the same operations, written differently),
   * `comments` (only comments and spacing), `unread` (a version could not be read).
   */
  effect: 'schema' | 'data' | 'same' | 'comments' | 'unread';
  /** For `schema`: the operations only one version has, in words. */
  added?: string[];
  removed?: string[];
  /** The framework checks a checksum of every applied migration (Flyway, Liquibase): an edit stops the older release at start. */
  checksummed: boolean;
}

/** A statement, call or file of a migration that no reader understood: never passed as safe. */
export interface MigrationUnreadFact {
  kind: 'migration.unread';
  path: string;
  line: number;
  migration: string;
  reason: string;
  /** The statement or call, quoted (shortened). */
  evidence?: string;
}

/** The release changes a migration and a source file that uses what it changes. */
export interface MigrationCoupledFact {
  kind: 'migration.coupled';
  path: string;
  line: number;
  migration: string;
  /** `table` or `table.column`. */
  object: string;
  /** What the migration does to it, in words. */
  what: string;
  sourcePath: string;
  sourceLine: number;
  sourceText: string;
  /** Other changed source files that name it. */
  alsoIn?: string[];
}

export type MigrationFact = MigrationFileFact | MigrationOpFact | MigrationEditedFact | MigrationCoupledFact | MigrationUnreadFact;
