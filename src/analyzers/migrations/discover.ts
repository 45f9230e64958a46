// Which changed files are migrations, of which framework, and under which name. A migration is
// known by its name (version, timestamp or folder), so moving the folder does not make it new.
import { globMatcher } from '../../util/glob.js';
import { isDeclarationFile, isTest } from '../../parse/kinds.js';
import type { Framework } from '../../model/facts/migrations.js';

export interface MigrationPath {
  id: string;
  /** `both`: up and down in one file (dbmate sections, TS/JS up/down functions). */
  role: 'up' | 'down' | 'both';
  language: 'sql' | 'script' | 'xml';
  /** Known from the path; dbmate and the TS/JS frameworks are told by content. */
  framework?: Framework;
}

const SQL_DIRS = new Set(['migrations', 'migration', 'migrate', 'drizzle', 'alterations', 'changelog', 'changelogs', 'liquibase']);
const SCRIPT_DIRS = new Set(['migrations', 'migration', 'alterations']);
const XML_DIRS = new Set(['migrations', 'migration', 'changelog', 'changelogs', 'liquibase']);
const SCRIPT = /\.(?:ts|mts|cts|js|mjs|cjs)$/i;
const FLYWAY = /^([VU])(\d+(?:[._]\d+)*)__.+\.sql$/i;

const segments = (path: string) =>
  path
    .split('/')
    .slice(0, -1)
    .map((s) => s.toLowerCase());
const baseOf = (path: string) => path.split('/').pop() ?? path;

export interface DiscoveryOptions {
  discover: boolean;
  paths: string[];
}

export function migrationMatcher(options: DiscoveryOptions): (path: string) => MigrationPath | undefined {
  const configured = options.paths.length > 0 ? globMatcher(options.paths, { dot: true }) : undefined;
  return (path) => {
    const extra = configured?.(path) ?? false;
    if (!extra && (!options.discover || isTest(path))) return undefined;
    const base = baseOf(path);
    const dirs = segments(path);
    if (/\.sql$/i.test(base)) {
      if (!extra && !dirs.some((d) => SQL_DIRS.has(d)) && !FLYWAY.test(base)) return undefined;
      return sqlIdentity(path);
    }
    // migrations/index.ts lists the migrations (Kysely, Payload, umzug): it is not one.
    if (SCRIPT.test(base) && !isDeclarationFile(path) && (extra || (dirs.some((d) => SCRIPT_DIRS.has(d)) && !/^index\./i.test(base)))) {
      return { id: base.replace(SCRIPT, ''), role: 'both', language: 'script' };
    }
    // Liquibase XML changelogs; whether one is really a changelog is told by its content.
    if (/\.xml$/i.test(base) && (extra || dirs.some((d) => XML_DIRS.has(d)) || /changelog/i.test(base))) {
      return { id: base.replace(/\.xml$/i, ''), role: 'both', language: 'xml', framework: 'liquibase' };
    }
    return undefined;
  };
}

function sqlIdentity(path: string): MigrationPath {
  const base = baseOf(path);
  const parts = path.split('/');
  const folder = parts.length > 1 ? parts[parts.length - 2]! : '';
  const prisma = /(?:^|\/)prisma\/migrations\/([^/]+)\/migration\.sql$/i.exec(path);
  if (prisma) return { id: prisma[1]!, role: 'up', language: 'sql', framework: 'prisma' };
  const flyway = FLYWAY.exec(base);
  if (flyway)
    return {
      id: `V${flyway[2]!.replace(/_/g, '.')}`,
      role: flyway[1]!.toUpperCase() === 'U' ? 'down' : 'up',
      language: 'sql',
      framework: 'flyway',
    };
  if (/^R__.+\.sql$/i.test(base)) return { id: base.replace(/\.sql$/i, ''), role: 'up', language: 'sql', framework: 'flyway' };
  // db-migrate's SQL migrations: migrations/sqls/<name>-up.sql and <name>-down.sql beside migrations/<name>.js.
  const dbMigrate = /(?:^|\/)sqls\/([^/]+)-(up|down)\.sql$/i.exec(path);
  if (dbMigrate)
    return { id: dbMigrate[1]!, role: dbMigrate[2]!.toLowerCase() === 'up' ? 'up' : 'down', language: 'sql', framework: 'db-migrate' };
  const golang = /^(.+)\.(up|down)\.sql$/i.exec(base);
  if (golang)
    return { id: golang[1]!, role: golang[2]!.toLowerCase() === 'up' ? 'up' : 'down', language: 'sql', framework: 'golang-migrate' };
  if (/^(up|down|migration)\.sql$/i.test(base) && folder) {
    return { id: folder, role: /^down/i.test(base) ? 'down' : 'up', language: 'sql', framework: 'sql' };
  }
  const framework: Framework = segments(path).includes('drizzle') ? 'drizzle' : 'sql';
  return { id: base.replace(/\.sql$/i, ''), role: 'up', language: 'sql', framework };
}

/** Order migrations run in: numeric parts compared as numbers (V1.10 after V1.9, 20240101 before 20240102). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return 0;
}

export interface FrameworkCommand {
  command?: string;
  noDown: string;
}

export const FRAMEWORK_COMMANDS: Record<Framework, FrameworkCommand> = {
  sql: { command: 'run the down.sql by hand', noDown: 'plain SQL migration with no down script beside it' },
  prisma: {
    noDown:
      'Prisma has no down migrations: write the reverse SQL (prisma migrate diff --from-schema-datamodel … --to-schema-datamodel … --script), run it, then mark the migration rolled back with prisma migrate resolve --rolled-back',
  },
  flyway: { command: 'flyway undo', noDown: 'no U<version>__ undo script for this version (Flyway undo also needs Flyway Teams)' },
  'golang-migrate': { command: 'migrate down 1', noDown: 'no .down.sql file beside it' },
  dbmate: { command: 'dbmate rollback', noDown: 'its -- migrate:down section is empty' },
  drizzle: { noDown: 'Drizzle Kit has no down migrations: write and run the reverse SQL by hand' },
  knex: { command: 'knex migrate:down', noDown: 'it exports no down function, or the down function does nothing' },
  typeorm: { command: 'typeorm migration:revert', noDown: 'its down method does nothing' },
  sequelize: { command: 'sequelize db:migrate:undo', noDown: 'it has no down function, or the down function does nothing' },
  'mikro-orm': { command: 'mikro-orm migration:down', noDown: 'its down method does nothing' },
  kysely: {
    command: 'migrator.migrateDown() (kysely migrate:down with kysely-ctl)',
    noDown: 'it exports no down function, or the down function does nothing',
  },
  goose: { command: 'goose down', noDown: 'its -- +goose Down section is empty' },
  'sql-migrate': { command: 'sql-migrate down', noDown: 'its -- +migrate Down section is empty' },
  liquibase: {
    command: 'liquibase rollback-count 1',
    noDown: 'its changesets have no rollback (Liquibase can undo some changes by itself; SQL it cannot)',
  },
  'db-migrate': { command: 'db-migrate down', noDown: 'it has no down function or -down.sql file, or they do nothing' },
  'node-pg-migrate': {
    command: 'node-pg-migrate down',
    noDown: 'it exports no down function (node-pg-migrate reverses some operations by itself; SQL it cannot)',
  },
  umzug: { command: 'umzug down (migrator.down())', noDown: 'it exports no down function, or the down function does nothing' },
  'raw-sql': {
    command: 'run its down function with the tool that runs these scripts',
    noDown: 'it exports no down function, or the down function does nothing',
  },
};
