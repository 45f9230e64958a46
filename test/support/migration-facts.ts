// Plain migration facts for rule tests, as the migrations analyzer emits them.
import type { MigrationCoupledFact, MigrationEditedFact, MigrationFileFact, MigrationOpFact } from '../../src/model/facts/migrations.js';
import type { SchemaOp } from '../../src/model/sql.js';

export function op(o: SchemaOp, over: Partial<MigrationOpFact> = {}): MigrationOpFact {
  return {
    kind: 'migration.op',
    path: 'migrations/002_change.sql',
    line: 3,
    migration: '002_change',
    framework: 'sql',
    op: o,
    statement: 'ALTER TABLE …',
    via: 'parser',
    newObject: false,
    ...over,
  };
}

export function migration(over: Partial<MigrationFileFact> = {}): MigrationFileFact {
  return {
    kind: 'migration.file',
    path: 'migrations/002_change.sql',
    migration: '002_change',
    framework: 'sql',
    dialect: 'postgresql',
    status: 'added',
    order: 0,
    risky: false,
    ...over,
  };
}

export function edited(over: Partial<MigrationEditedFact> = {}): MigrationEditedFact {
  return {
    kind: 'migration.edited',
    path: 'migrations/001_init.sql',
    line: 4,
    migration: '001_init',
    framework: 'sql',
    change: 'ALTER TABLE users ADD COLUMN bio text;',
    effect: 'schema',
    added: ['adds column users.bio'],
    removed: [],
    checksummed: false,
    ...over,
  };
}

export function coupled(over: Partial<MigrationCoupledFact> = {}): MigrationCoupledFact {
  return {
    kind: 'migration.coupled',
    path: 'migrations/002_change.sql',
    line: 9,
    migration: '002_change',
    object: 'users.email',
    what: 'drops column users.email',
    sourcePath: 'src/users.ts',
    sourceLine: 10,
    sourceText: "db.query('INSERT INTO users (name, email) VALUES ($1, $2)')",
    ...over,
  };
}
