// Every migration format this tool reads. Adding a format is one reader module and one line here.
import type { Framework } from '../../../model/facts/migrations.js';
import { dbMigrate } from './db-migrate.js';
import { dbmate } from './dbmate.js';
import { goose } from './goose.js';
import { knex } from './knex.js';
import { kysely } from './kysely.js';
import { liquibaseSql } from './liquibase-sql.js';
import { liquibaseXml } from './liquibase-xml.js';
import { mikroOrm } from './mikro-orm.js';
import { nodePgMigrate } from './node-pg-migrate.js';
import { rawSql, umzug } from './raw-sql.js';
import type { MigrationReader } from './reader.js';
import { sequelize } from './sequelize.js';
import { sqlFileReader } from './sql-file.js';
import { sqlMigrate } from './sql-migrate.js';
import { typeorm } from './typeorm.js';

/** SQL files whose sections say their format, tried before the format the path suggests. */
const SQL_BY_CONTENT: readonly MigrationReader[] = [dbmate, goose, sqlMigrate, liquibaseSql];

/** Scripts, most specific first: a TypeORM migration mentions knex nowhere, a knex one may mention anything. */
const SCRIPTS: readonly MigrationReader[] = [typeorm, mikroOrm, nodePgMigrate, dbMigrate, sequelize, kysely, knex, umzug, rawSql];

const SQL_FILES = new Map<Framework, MigrationReader>();

/** The reader of a migration file: by content first, then by what its path says. */
export function readerFor(
  language: 'sql' | 'script' | 'xml',
  path: string,
  text: string,
  pathFramework: Framework | undefined,
): MigrationReader | undefined {
  if (language === 'xml') return liquibaseXml.detect(path, text) ? liquibaseXml : undefined;
  if (language === 'script') return SCRIPTS.find((r) => r.detect(path, text));
  const byContent = SQL_BY_CONTENT.find((r) => r.detect(path, text));
  if (byContent) return byContent;
  const framework = pathFramework ?? 'sql';
  let reader = SQL_FILES.get(framework);
  if (!reader) SQL_FILES.set(framework, (reader = sqlFileReader(framework)));
  return reader;
}

/** Every reader, for documentation and tests. */
export const READERS: readonly MigrationReader[] = [...SQL_BY_CONTENT, liquibaseXml, ...SCRIPTS];
