// The migration corpus: real-world shapes of every supported format and dialect, each with the
// exact rule ids it must raise (besides schema-left-behind and down-migration, which every
// added migration gets). An empty list means "safe": nothing above info.
import type { FileMap } from './repo.js';

export interface MigrationCase {
  name: string;
  /** Files at the rollback target besides the base schema. */
  to?: FileMap;
  /** Files the release adds or changes. */
  from: FileMap;
  ids: string[];
  /** The reason of the comment that suppresses a finding (the migration still counts as risky for down-migration). */
  suppressed?: string;
  /** Replace the base tree instead of extending it. */
  bare?: boolean;
  /** The reader that must read the migration (report.stats `migrationsReadAs.<framework>`). */
  reader?: string;
  /** The highest severity among the case's findings, for false alarms that must stay low. */
  max?: 'info' | 'low' | 'medium' | 'high' | 'critical';
}

const INIT =
  "CREATE TABLE users (\n  id INT PRIMARY KEY,\n  email TEXT,\n  name TEXT,\n  status TEXT DEFAULT 'active'\n);\nCREATE INDEX users_name_idx ON users (name);\nCREATE UNIQUE INDEX users_email_key ON users (email);\n";

export const BASE: FileMap = {
  'migrations/001_init.sql': INIT,
};

const pg = (sql: string): FileMap => ({ 'migrations/002_change.sql': sql });
const my = (sql: string): FileMap => ({ 'db/migrations/002_change.sql': sql });
const lite = (sql: string): FileMap => ({ 'migrations/002_change.sql': `PRAGMA foreign_keys=OFF;\n${sql}` });
const knex = (body: string, down = '') => ({
  'migrations/20240102000000_change.js': `/** @param { import("knex").Knex } knex */\nexports.up = async function (knex) {\n${body}\n};\n\nexports.down = async function (knex) {\n${down}\n};\n`,
});
const typeorm = (body: string) => ({
  'src/migrations/1700000000000-Change.ts': `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Change1700000000000 implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${body}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {}\n}\n`,
});
const sequelize = (body: string) => ({
  'migrations/20240102000000-change.js': `'use strict';\n/** @type {import('sequelize-cli').Migration} */\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n${body}\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.removeIndex('users', 'users_age_idx');\n  },\n};\n`,
});
const mikro = (body: string) => ({
  'src/migrations/Migration20240102000000.ts': `import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration20240102000000 extends Migration {\n  override async up(): Promise<void> {\n${body}\n  }\n}\n`,
});
const kysely = (body: string) => ({
  'src/migrations/2024-01-02-change.ts': `import { Kysely, sql } from 'kysely';\n\nexport async function up(db: Kysely<any>): Promise<void> {\n${body}\n}\n\nexport async function down(db: Kysely<any>): Promise<void> {\n}\n`,
});

const pgm = (body: string, down = '') => ({
  'migrations/1700000000000_change.js': `/* eslint-disable camelcase */\nexports.shorthands = undefined;\n\nexports.up = (pgm) => {\n${body}\n};\n\nexports.down = (pgm) => {\n${down}\n};\n`,
});
const dbm = (body: string, down = '') => ({
  'migrations/20240102000000-change.js': `'use strict';\n\nvar dbm;\nvar type;\nvar seed;\n\nexports.setup = function (options, seedLink) {\n  dbm = options.dbmigrate;\n  type = dbm.dataType;\n  seed = seedLink;\n};\n\nexports.up = function (db) {\n${body}\n};\n\nexports.down = function (db) {\n${down}\n};\n\nexports._meta = {\n  version: 1,\n};\n`,
});
const dbmSql = (up: string, down: string) => ({
  'migrations/20240102000000-change.js': `'use strict';\nvar fs = require('fs');\nvar path = require('path');\nexports.up = function (db) {\n  var filePath = path.join(__dirname, 'sqls', '20240102000000-change-up.sql');\n  return new Promise(function (resolve, reject) {\n    fs.readFile(filePath, { encoding: 'utf-8' }, function (err, data) {\n      if (err) return reject(err);\n      resolve(data);\n    });\n  }).then(function (data) {\n    return db.runSql(data);\n  });\n};\nexports.down = function (db) {\n  var filePath = path.join(__dirname, 'sqls', '20240102000000-change-down.sql');\n  return new Promise(function (resolve, reject) {\n    fs.readFile(filePath, { encoding: 'utf-8' }, function (err, data) {\n      if (err) return reject(err);\n      resolve(data);\n    });\n  }).then(function (data) {\n    return db.runSql(data);\n  });\n};\nexports._meta = { version: 1 };\n`,
  'migrations/sqls/20240102000000-change-up.sql': up,
  'migrations/sqls/20240102000000-change-down.sql': down,
});
const umz = (body: string, down = '') => ({
  'src/migrations/2024.01.02T00.00.00.change.ts': `import type { MigrationFn } from 'umzug';\nimport type { Client } from 'pg';\n\nexport const up: MigrationFn<Client> = async ({ context: client }) => {\n${body}\n};\n\nexport const down: MigrationFn<Client> = async ({ context: client }) => {\n${down}\n};\n`,
});
const alteration = (body: string, down = '') => ({
  'packages/schemas/alterations/1.2.0-1700000000-change.ts': `import { sql } from '@silverhand/slonik';\n\nimport type { AlterationScript } from '../lib/types/alteration.js';\n\nconst alteration: AlterationScript = {\n  up: async (pool) => {\n${body}\n  },\n  down: async (pool) => {\n${down}\n  },\n};\n\nexport default alteration;\n`,
});
const goose = (up: string, down = '') => ({
  'db/migrations/20240102000000_change.sql': `-- +goose Up\n${up}\n\n-- +goose Down\n${down}\n`,
});
const sqlMigrate = (up: string, down = '') => ({ 'migrations/2_change.sql': `-- +migrate Up\n${up}\n\n-- +migrate Down\n${down}\n` });
const lbSql = (body: string) => ({
  'src/main/resources/db/changelog/002-change.sql': `--liquibase formatted sql\n\n--changeset dev:2\n${body}\n`,
});
const lbXml = (changes: string) => ({
  'src/main/resources/db/changelog/002-change.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog\n    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"\n    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">\n  <changeSet id="2" author="dev">\n${changes}\n  </changeSet>\n</databaseChangeLog>\n`,
});
const ch = (sql: string) => ({ 'db/clickhouse/migrations/02_change.sql': sql });
const mssql = (sql: string) => ({ 'migrations/002_change.sql': sql });

export const CASES: MigrationCase[] = [
  // PostgreSQL, plain SQL
  { name: 'pg drop column', from: pg('ALTER TABLE users DROP COLUMN email;'), ids: ['drop-column'] },
  { name: 'pg drop table', from: pg('DROP TABLE users;'), ids: ['drop-table'] },
  {
    name: 'pg drop table if exists cascade, schema-qualified',
    from: pg('DROP TABLE IF EXISTS public.users CASCADE;'),
    ids: ['cascade', 'drop-table'],
  },
  { name: 'pg rename column (parser rejects it)', from: pg('ALTER TABLE users RENAME COLUMN name TO full_name;'), ids: ['rename-column'] },
  { name: 'pg rename table', from: pg('ALTER TABLE users RENAME TO accounts;'), ids: ['rename-table'] },
  {
    name: 'pg add NOT NULL column without default',
    from: pg('ALTER TABLE users ADD COLUMN age integer NOT NULL;'),
    ids: ['add-not-null-column'],
  },
  { name: 'pg add NOT NULL column with default', from: pg('ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;'), ids: [] },
  { name: 'pg add nullable column', from: pg('ALTER TABLE users ADD COLUMN nickname text;'), ids: [] },
  {
    name: 'pg create table',
    from: pg('CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id), total numeric NOT NULL);'),
    ids: [],
  },
  { name: 'pg create index concurrently', from: pg('CREATE INDEX CONCURRENTLY users_status_idx ON users (status);'), ids: [] },
  {
    name: 'pg non-concurrent index on an existing table',
    from: pg('CREATE INDEX users_status_idx ON users (status);'),
    ids: ['blocking-index-build'],
  },
  { name: 'pg set not null', from: pg('ALTER TABLE users ALTER COLUMN name SET NOT NULL;'), ids: ['set-not-null'] },
  { name: 'pg drop default', from: pg('ALTER TABLE users ALTER COLUMN status DROP DEFAULT;'), ids: ['drop-default'] },
  { name: 'pg narrowing type change', from: pg('ALTER TABLE users ALTER COLUMN name TYPE varchar(20);'), ids: ['change-column-type'] },
  { name: 'pg widening type change', from: pg('ALTER TABLE users ALTER COLUMN id SET DATA TYPE bigint;'), ids: ['change-column-type'] },
  { name: 'pg add unique constraint', from: pg('ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);'), ids: ['add-constraint'] },
  {
    name: 'pg add check constraint',
    from: pg("ALTER TABLE users ADD CONSTRAINT status_check CHECK (status IN ('active', 'banned'));"),
    ids: ['add-constraint'],
  },
  {
    name: 'pg add foreign key',
    from: pg('ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);'),
    ids: ['add-constraint'],
  },
  { name: 'pg truncate', from: pg('TRUNCATE TABLE users;'), ids: ['truncate-table'] },
  { name: 'pg delete without where', from: pg('DELETE FROM users;'), ids: ['delete-without-where'] },
  { name: 'pg delete with where', from: pg("DELETE FROM users WHERE status = 'banned';"), ids: ['delete-rows'] },
  { name: 'pg update without where', from: pg("UPDATE users SET status = 'active';"), ids: ['update-without-where'] },
  { name: 'pg update with where', from: pg("UPDATE users SET status = 'active' WHERE status IS NULL;"), ids: ['update-rows'] },
  { name: 'pg drop view', from: pg('DROP VIEW active_users;'), ids: ['drop-view'] },
  { name: 'pg drop materialized view', from: pg('DROP MATERIALIZED VIEW IF EXISTS user_stats;'), ids: ['drop-view'] },
  { name: 'pg drop function', from: pg('DROP FUNCTION IF EXISTS set_updated_at() CASCADE;'), ids: ['cascade', 'drop-function'] },
  { name: 'pg drop procedure', from: pg('DROP PROCEDURE archive_users(integer);'), ids: ['drop-function'] },
  { name: 'pg drop trigger', from: pg('DROP TRIGGER users_updated_at ON users;'), ids: ['drop-trigger'] },
  { name: 'pg drop schema', from: pg('DROP SCHEMA reporting CASCADE;'), ids: ['drop-schema'] },
  { name: 'pg drop index', from: pg('DROP INDEX CONCURRENTLY users_name_idx;'), ids: ['drop-index'] },
  { name: 'pg drop unique index', from: pg('DROP INDEX users_email_key;'), ids: ['drop-index'] },
  {
    name: 'pg enum add value (parser rejects it)',
    from: pg("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'curious';"),
    ids: ['add-enum-value'],
  },
  { name: 'pg enum rename value', from: pg("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';"), ids: ['drop-enum-value'] },
  {
    name: 'pg DO block is reported, not passed',
    from: pg("DO $$\nBEGIN\n  EXECUTE 'DROP TABLE ' || 'users';\nEND\n$$;"),
    ids: ['migration-unread'],
  },
  { name: 'pg statement nobody reads', from: pg('ALTER TABLE users FROBNICATE email;'), ids: ['migration-unread'] },
  {
    name: 'pg function body with semicolons, and a trigger',
    from: pg(
      'CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql;\nCREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
    ),
    ids: ['create-trigger'],
  },
  {
    name: 'pg comments and quotes hide semicolons',
    from: pg(
      "-- a comment; DROP TABLE users;\n/* DROP TABLE users; */\nCOMMENT ON COLUMN users.name IS 'a; DROP TABLE users;';\nALTER TABLE users DROP COLUMN name;",
    ),
    ids: ['drop-column'],
  },
  { name: 'pg inside a transaction', from: pg('BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;'), ids: [] },
  {
    name: 'pg several actions in one ALTER',
    from: pg('ALTER TABLE users ADD COLUMN bio text, DROP COLUMN email, ALTER COLUMN name SET NOT NULL;'),
    ids: ['drop-column', 'set-not-null'],
  },
  {
    name: 'pg extension, sequence and grant',
    from: pg('CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE SEQUENCE invoice_no;\nGRANT SELECT ON users TO reporting;'),
    ids: [],
  },
  // Net effect over the release's migrations
  {
    name: 'net: changes to a table created in the release',
    from: {
      ...pg('CREATE TABLE orders (id int, ref text);'),
      'migrations/003_more.sql':
        'ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);\nALTER TABLE orders RENAME COLUMN ref TO reference;\nALTER TABLE orders ALTER COLUMN reference SET NOT NULL;\nALTER TABLE orders DROP COLUMN id;',
    },
    ids: [],
  },
  {
    name: 'net: a table created and dropped in the release',
    from: { ...pg('CREATE TABLE tmp_import (id int);'), 'migrations/003_drop.sql': 'DROP TABLE tmp_import;' },
    ids: [],
  },
  {
    name: 'net: NOT NULL column whose default a later migration drops',
    from: {
      ...pg("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"),
      'migrations/003_drop_default.sql': 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;',
    },
    ids: ['drop-default'],
  },
  {
    name: 'net: NOT NULL column given a default later',
    from: {
      ...pg('ALTER TABLE users ADD COLUMN plan text NOT NULL;'),
      'migrations/003_default.sql': "ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';",
    },
    ids: [],
  },
  {
    name: 'net: nullable column made NOT NULL later',
    from: {
      ...pg('ALTER TABLE users ADD COLUMN plan text;'),
      'migrations/003_required.sql': 'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;',
    },
    ids: ['set-not-null'],
  },
  {
    name: 'net: migrations ordered by version, not by name',
    from: { 'migrations/10_drop.sql': 'DROP TABLE tmp;', 'migrations/9_create.sql': 'CREATE TABLE tmp (id int);' },
    ids: [],
  },
  {
    name: 'suppressed statement',
    from: pg(
      '-- rollback-ready-ignore drop-column: the column was copied to user_emails and nothing reads it\nALTER TABLE users DROP COLUMN email;',
    ),
    ids: [],
    suppressed: 'the column was copied to user_emails and nothing reads it',
  },
  // Edits and moves
  {
    name: 'edited migration',
    from: { 'migrations/001_init.sql': `${INIT}ALTER TABLE users ADD COLUMN bio text;\n` },
    ids: ['edited-migration'],
  },
  {
    name: 'moved folder keeps old migrations old',
    bare: true,
    to: BASE,
    from: { 'db/migrations/001_init.sql': BASE['migrations/001_init.sql']! },
    ids: [],
  },
  {
    name: 'moved into prisma layout keeps old migrations old',
    bare: true,
    to: BASE,
    from: {
      'prisma/migrations/001_init/migration.sql': BASE['migrations/001_init.sql']!,
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    },
    ids: [],
  },
  {
    name: 'moved and edited is an edit',
    bare: true,
    to: BASE,
    from: { 'database/migrations/001_init.sql': `${INIT}-- reviewed\n` },
    ids: ['edited-migration'],
  },
  // Coupled change
  {
    name: 'coupled: older code uses the dropped column',
    to: { 'src/users.ts': "export const add = (db: any, email: string) => db.query('INSERT INTO users (email) VALUES ($1)', [email]);\n" },
    from: {
      ...pg('ALTER TABLE users DROP COLUMN email;'),
      'src/users.ts': "export const add = (db: any) => db.query('INSERT INTO users DEFAULT VALUES');\n",
    },
    ids: ['coupled-change', 'drop-column'],
  },
  {
    name: 'not coupled: the changed code does not use it',
    to: { 'src/math.ts': 'export const one = 1;\n' },
    from: { ...pg('ALTER TABLE users DROP COLUMN email;'), 'src/math.ts': 'export const one = 2;\n' },
    ids: ['drop-column'],
  },
  // MySQL / MariaDB
  { name: 'mysql drop column', from: my('ALTER TABLE `users` DROP COLUMN `email`;'), ids: ['drop-column'] },
  {
    name: 'mysql modify column NOT NULL',
    from: my('ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL;'),
    ids: ['change-column-type', 'set-not-null'],
  },
  {
    name: 'mysql change column renames',
    from: my('ALTER TABLE `users` CHANGE COLUMN `name` `full_name` varchar(255);'),
    ids: ['change-column-type', 'rename-column'],
  },
  { name: 'mysql rename table', from: my('RENAME TABLE `users` TO `accounts`;'), ids: ['rename-table'] },
  {
    name: 'mysql add NOT NULL column',
    from: my('ALTER TABLE `users` ADD COLUMN `age` INT UNSIGNED NOT NULL;'),
    ids: ['add-not-null-column'],
  },
  {
    name: 'mysql create table with engine',
    from: my(
      'CREATE TABLE `orders` (\n  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,\n  `note` TEXT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
    ),
    ids: [],
  },
  {
    name: 'mysql trigger with DELIMITER and BEGIN END',
    from: my(
      "DELIMITER $$\nCREATE TRIGGER `users_bi` BEFORE INSERT ON `users` FOR EACH ROW\nBEGIN\n  IF NEW.status IS NULL THEN\n    SET NEW.status = 'active';\n  END IF;\nEND$$\nDELIMITER ;\nALTER TABLE `users` ADD COLUMN `bio` TEXT NULL;",
    ),
    ids: ['create-trigger'],
  },
  { name: 'mysql drop index', from: my('ALTER TABLE `users` DROP INDEX `users_name_idx`;'), ids: ['drop-index'] },
  { name: 'mysql add unique key', from: my('ALTER TABLE `users` ADD UNIQUE KEY `users_name_uq` (`name`);'), ids: ['add-constraint'] },
  { name: 'mysql delete without where', from: my('DELETE FROM `users`;'), ids: ['delete-without-where'] },
  // SQLite
  {
    name: 'sqlite table rebuild',
    from: lite(
      'CREATE TABLE "new_users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT);\nINSERT INTO "new_users" ("id", "name") SELECT "id", "name" FROM "users";\nDROP TABLE "users";\nALTER TABLE "new_users" RENAME TO "users";\nPRAGMA foreign_keys=ON;',
    ),
    ids: ['drop-table'],
  },
  { name: 'sqlite rename column', from: lite('ALTER TABLE users RENAME COLUMN name TO full_name;'), ids: ['rename-column'] },
  { name: 'sqlite add column with default', from: lite('ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;'), ids: [] },
  {
    name: 'sqlite trigger with BEGIN END',
    from: lite("CREATE TRIGGER users_au AFTER UPDATE ON users BEGIN\n  UPDATE users SET status = 'changed' WHERE id = NEW.id;\nEND;"),
    ids: ['create-trigger'],
  },
  // Prisma
  {
    name: 'prisma drop column (postgresql lock)',
    to: { 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' },
    from: {
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/20240102000000_drop_email/migration.sql': '-- AlterTable\nALTER TABLE "users" DROP COLUMN "email";\n',
    },
    ids: ['drop-column'],
  },
  {
    name: 'prisma mysql lock',
    to: { 'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n' },
    from: {
      'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n',
      'prisma/migrations/20240102000000_x/migration.sql': '-- AlterTable\nALTER TABLE `users` ADD COLUMN `age` INTEGER NOT NULL;\n',
    },
    ids: ['add-not-null-column'],
  },
  {
    name: 'prisma sqlite redefine table',
    to: { 'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n' },
    from: {
      'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n',
      'prisma/migrations/20240102000000_x/migration.sql':
        '-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\nCREATE TABLE "new_users" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);\nINSERT INTO "new_users" ("id", "name") SELECT "id", "name" FROM "users";\nDROP TABLE "users";\nALTER TABLE "new_users" RENAME TO "users";\nPRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n',
    },
    ids: ['drop-table'],
  },
  {
    name: 'prisma additive',
    from: {
      'prisma/migrations/20240102000000_orders/migration.sql':
        '-- CreateTable\nCREATE TABLE "orders" (\n    "id" SERIAL NOT NULL,\n    "userId" INTEGER NOT NULL,\n    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")\n);\n\n-- AddForeignKey\nALTER TABLE "orders" ADD CONSTRAINT "orders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n',
    },
    ids: [],
  },
  // Flyway
  {
    name: 'flyway drop column with undo',
    from: {
      'src/main/resources/db/migration/V2__drop_email.sql': 'ALTER TABLE users DROP COLUMN email;',
      'src/main/resources/db/migration/U2__drop_email.sql': 'ALTER TABLE users ADD COLUMN email text;',
    },
    ids: ['drop-column'],
  },
  {
    name: 'flyway undo that drops data',
    from: { 'db/migration/V2_1__orders.sql': 'CREATE TABLE orders (id int);', 'db/migration/U2_1__orders.sql': 'DROP TABLE orders;' },
    ids: ['down-migration-drops-data'],
  },
  { name: 'flyway additive', from: { 'db/migration/V2__bio.sql': 'ALTER TABLE users ADD COLUMN bio text;' }, ids: [] },
  {
    name: 'flyway rename column',
    from: { 'sql/V3__rename.sql': 'ALTER TABLE users RENAME COLUMN name TO full_name;' },
    ids: ['rename-column'],
  },
  // golang-migrate
  {
    name: 'golang-migrate drop column',
    from: {
      'migrations/000002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;',
      'migrations/000002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;',
    },
    ids: ['drop-column'],
  },
  {
    name: 'golang-migrate down drops the new table',
    from: {
      'migrations/000002_orders.up.sql': 'CREATE TABLE orders (id int);',
      'migrations/000002_orders.down.sql': 'DROP TABLE IF EXISTS orders;',
    },
    ids: ['down-migration-drops-data'],
  },
  {
    name: 'golang-migrate NOT NULL column',
    from: {
      'migrations/000002_age.up.sql': 'ALTER TABLE users ADD COLUMN age int NOT NULL;',
      'migrations/000002_age.down.sql': 'ALTER TABLE users DROP COLUMN age;',
    },
    ids: ['add-not-null-column', 'down-migration-drops-data'],
  },
  // dbmate
  {
    name: 'dbmate rename table',
    from: {
      'db/migrations/20240102000000_rename.sql':
        '-- migrate:up\nALTER TABLE users RENAME TO accounts;\n\n-- migrate:down\nALTER TABLE accounts RENAME TO users;\n',
    },
    ids: ['rename-table'],
  },
  {
    name: 'dbmate additive with a dropping down',
    from: {
      'db/migrations/20240102000000_bio.sql':
        '-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n',
    },
    ids: ['down-migration-drops-data'],
  },
  // Drizzle
  {
    name: 'drizzle drop column',
    from: {
      'drizzle/0001_lame_thor.sql':
        'ALTER TABLE "users" DROP COLUMN IF EXISTS "email";--> statement-breakpoint\nALTER TABLE "users" ADD COLUMN "bio" text;',
    },
    ids: ['drop-column'],
  },
  {
    name: 'drizzle additive',
    from: { 'drizzle/0001_kind_hulk.sql': 'CREATE TABLE IF NOT EXISTS "orders" (\n\t"id" serial PRIMARY KEY NOT NULL\n);' },
    ids: [],
  },
  // Supabase
  {
    name: 'supabase drop table',
    from: { 'supabase/migrations/20240102000000_cleanup.sql': 'drop table if exists "public"."users";' },
    ids: ['drop-table'],
  },
  // knex
  {
    name: 'knex dropColumn',
    from: knex(
      "  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('email');\n  });",
      "  await knex.schema.alterTable('users', (t) => { t.string('email'); });",
    ),
    ids: ['drop-column'],
  },
  {
    name: 'knex renameColumn',
    from: knex("  await knex.schema.table('users', (t) => {\n    t.renameColumn('name', 'full_name');\n  });"),
    ids: ['rename-column'],
  },
  { name: 'knex dropTable', from: knex("  await knex.schema.dropTableIfExists('users');"), ids: ['drop-table'] },
  {
    name: 'knex NOT NULL column without default',
    from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.integer('age').notNullable();\n  });"),
    ids: ['add-not-null-column'],
  },
  {
    name: 'knex additive',
    from: knex(
      "  await knex.schema.createTable('orders', (t) => {\n    t.increments('id');\n    t.integer('user_id').notNullable().references('users.id');\n  });\n  await knex.schema.alterTable('users', (t) => {\n    t.string('bio');\n    t.boolean('admin').notNullable().defaultTo(false);\n  });",
      "  await knex.schema.dropTable('orders');",
    ),
    ids: ['down-migration-drops-data'],
  },
  { name: 'knex raw SQL', from: knex("  await knex.raw('ALTER TABLE users RENAME COLUMN name TO full_name');"), ids: ['rename-column'] },
  {
    name: 'knex alter column type',
    from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.string('name', 20).notNullable().alter();\n  });"),
    ids: ['change-column-type', 'set-not-null'],
  },
  {
    name: 'knex suppression comment',
    from: knex(
      "  await knex.schema.alterTable('users', (t) => {\n    // rollback-ready-ignore drop-column: nothing has read it since 2.3\n    t.dropColumn('email');\n  });",
    ),
    ids: [],
    suppressed: 'nothing has read it since 2.3',
  },
  {
    name: 'knex SQL built at run time',
    from: knex('  const sqlText = await loadSql();\n  await knex.raw(sqlText);'),
    ids: ['migration-unread'],
  },
  // TypeORM
  {
    name: 'typeorm query drop column',
    from: typeorm('    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);'),
    ids: ['drop-column'],
  },
  { name: 'typeorm dropColumn', from: typeorm("    await queryRunner.dropColumn('users', 'email');"), ids: ['drop-column'] },
  {
    name: 'typeorm addColumn is NOT NULL by default',
    from: typeorm("    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int' }));"),
    ids: ['add-not-null-column'],
  },
  {
    name: 'typeorm nullable addColumn',
    from: typeorm("    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int', isNullable: true }));"),
    ids: [],
  },
  {
    name: 'typeorm renameColumn',
    from: typeorm("    await queryRunner.renameColumn('users', 'name', 'full_name');"),
    ids: ['rename-column'],
  },
  {
    name: 'typeorm changeColumn',
    from: typeorm("    await queryRunner.changeColumn('users', 'name', new TableColumn({ name: 'name', type: 'varchar', length: '20' }));"),
    ids: ['change-column-type'],
  },
  {
    name: 'typeorm template literal with a table constant',
    from: {
      ...typeorm('    await queryRunner.query(`ALTER TABLE "${TABLE}" RENAME TO "accounts"`);'),
      'src/migrations/1700000000000-Change.ts': typeorm('    await queryRunner.query(`ALTER TABLE "${TABLE}" RENAME TO "accounts"`);')[
        'src/migrations/1700000000000-Change.ts'
      ].replace('import {', "const TABLE = 'users';\nimport {"),
    },
    ids: ['rename-table'],
  },
  // Sequelize
  { name: 'sequelize removeColumn', from: sequelize("    await queryInterface.removeColumn('users', 'email');"), ids: ['drop-column'] },
  {
    name: 'sequelize addColumn allowNull false',
    from: sequelize("    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: false });"),
    ids: ['add-not-null-column'],
  },
  {
    name: 'sequelize addColumn nullable',
    from: sequelize("    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: true });"),
    ids: [],
  },
  {
    name: 'sequelize bulkDelete without where',
    from: sequelize("    await queryInterface.bulkDelete('users', null, {});"),
    ids: ['delete-without-where'],
  },
  {
    name: 'sequelize changeColumn allowNull false',
    from: sequelize("    await queryInterface.changeColumn('users', 'name', { type: Sequelize.STRING(20), allowNull: false });"),
    ids: ['change-column-type', 'set-not-null'],
  },
  { name: 'sequelize renameTable', from: sequelize("    await queryInterface.renameTable('users', 'accounts');"), ids: ['rename-table'] },
  // MikroORM
  {
    name: 'mikro-orm addSql drop column',
    from: mikro('    this.addSql(\'alter table "users" drop column "email";\');'),
    ids: ['drop-column'],
  },
  {
    name: 'mikro-orm addSql create table',
    from: mikro('    this.addSql(\'create table "orders" ("id" serial primary key, "total" int not null);\');'),
    ids: [],
  },
  // Kysely
  { name: 'kysely dropColumn', from: kysely("  await db.schema.alterTable('users').dropColumn('email').execute();"), ids: ['drop-column'] },
  {
    name: 'kysely renameColumn',
    from: kysely("  await db.schema.alterTable('users').renameColumn('name', 'full_name').execute();"),
    ids: ['rename-column'],
  },
  {
    name: 'kysely NOT NULL column',
    from: kysely("  await db.schema.alterTable('users').addColumn('age', 'integer', (col) => col.notNull()).execute();"),
    ids: ['add-not-null-column'],
  },
  { name: 'kysely sql template', from: kysely('  await sql`ALTER TABLE users DROP COLUMN email`.execute(db);'), ids: ['drop-column'] },
  {
    name: 'kysely createTable',
    from: kysely(
      "  await db.schema.createTable('orders').addColumn('id', 'serial', (col) => col.primaryKey()).addColumn('total', 'integer', (col) => col.notNull()).execute();",
    ),
    ids: [],
  },
  // node-pg-migrate
  { name: 'node-pg-migrate dropTable', from: pgm("  pgm.dropTable('users');"), ids: ['drop-table'], reader: 'node-pg-migrate' },
  {
    name: 'node-pg-migrate dropColumn with cascade',
    from: pgm("  pgm.dropColumn('users', 'email', { cascade: true });"),
    ids: ['cascade', 'drop-column'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate raw SQL',
    from: pgm("  pgm.sql('ALTER TABLE users DROP COLUMN email');"),
    ids: ['drop-column'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate addColumns NOT NULL without default',
    from: pgm("  pgm.addColumns('users', { age: { type: 'integer', notNull: true } });"),
    ids: ['add-not-null-column'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate addColumns with default',
    from: pgm(
      "  pgm.addColumns('users', { age: { type: 'integer', notNull: true, default: 0 } });",
      "  pgm.dropColumns('users', ['age']);",
    ),
    ids: ['down-migration-drops-data'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate alterColumn drops NOT NULL',
    from: pgm("  pgm.alterColumn('users', 'name', { notNull: false });"),
    ids: ['drop-not-null'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate addTypeValue',
    from: pgm("  pgm.addTypeValue('mood', 'curious', { ifNotExists: true });"),
    ids: ['add-enum-value'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate renameColumn',
    from: pgm("  pgm.renameColumn('users', 'name', 'full_name');"),
    ids: ['rename-column'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate createIndex unique',
    from: pgm("  pgm.createIndex('users', 'name', { unique: true, concurrently: true });"),
    ids: ['add-constraint'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate createTable is additive',
    from: pgm(
      "  pgm.createTable('orders', { id: 'id', user_id: { type: 'integer', notNull: true, references: 'users' } });",
      "  pgm.dropTable('orders');",
    ),
    ids: ['down-migration-drops-data'],
    reader: 'node-pg-migrate',
  },
  {
    name: 'node-pg-migrate table given as schema and name',
    from: pgm("  pgm.dropColumn({ schema: 'public', name: 'users' }, 'email');"),
    ids: ['drop-column'],
    reader: 'node-pg-migrate',
  },
  // db-migrate
  { name: 'db-migrate removeColumn', from: dbm("  return db.removeColumn('users', 'email');"), ids: ['drop-column'], reader: 'db-migrate' },
  {
    name: 'db-migrate dropTable with a callback',
    from: dbm("  db.dropTable('users', callback);"),
    ids: ['drop-table'],
    reader: 'db-migrate',
  },
  {
    name: 'db-migrate runSql',
    from: dbm("  return db.runSql('ALTER TABLE users RENAME COLUMN name TO full_name');"),
    ids: ['rename-column'],
    reader: 'db-migrate',
  },
  {
    name: 'db-migrate addColumn NOT NULL',
    from: dbm("  return db.addColumn('users', 'age', { type: 'int', notNull: true });"),
    ids: ['add-not-null-column'],
    reader: 'db-migrate',
  },
  {
    name: 'db-migrate additive with a dropping down',
    from: dbm("  return db.createTable('orders', { id: { type: 'int', primaryKey: true } });", "  return db.dropTable('orders');"),
    ids: ['down-migration-drops-data'],
    reader: 'db-migrate',
  },
  {
    name: 'db-migrate sqls files: the up file is read, the loader is not',
    from: dbmSql('ALTER TABLE users DROP COLUMN email;\n', 'ALTER TABLE users ADD COLUMN email text;\n'),
    ids: ['drop-column'],
    reader: 'db-migrate',
  },
  {
    name: 'db-migrate sqls down drops what up created',
    from: dbmSql('CREATE TABLE orders (id int);\n', 'DROP TABLE orders;\n'),
    ids: ['down-migration-drops-data'],
    reader: 'db-migrate',
  },
  // umzug and scripts that pass SQL to a client
  {
    name: 'umzug with a raw client drops a table',
    from: umz("  await client.query('DROP TABLE users');"),
    ids: ['drop-table'],
    reader: 'umzug',
  },
  {
    name: 'umzug with a raw client adds a nullable column',
    from: umz(
      "  await client.query('ALTER TABLE users ADD COLUMN bio text');",
      "  await client.query('ALTER TABLE users DROP COLUMN bio');",
    ),
    ids: ['down-migration-drops-data'],
    reader: 'umzug',
  },
  {
    name: 'umzug with SQL built at run time',
    from: umz('  const statement = await loadStatement();\n  await client.query(statement);'),
    ids: ['migration-unread'],
    reader: 'umzug',
  },
  {
    name: 'umzug with a sequelize query interface',
    from: {
      'src/migrations/2024.01.02T00.00.00.change.ts':
        "import type { MigrationFn } from 'umzug';\nimport type { QueryInterface } from 'sequelize';\n\nexport const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {\n  await queryInterface.removeColumn('users', 'email');\n};\n",
    },
    ids: ['drop-column'],
    reader: 'sequelize',
  },
  {
    name: 'alteration script adds an enum value through a sql template',
    from: alteration(
      "    await pool.query(sql`\n      alter type user_role add value 'auditor';\n    `);",
      '    await pool.query(sql`select 1`);',
    ),
    ids: ['add-enum-value'],
    reader: 'raw-sql',
  },
  {
    name: 'alteration script drops a column',
    from: alteration('    await pool.query(sql`alter table users drop column email;`);'),
    ids: ['drop-column'],
    reader: 'raw-sql',
  },
  {
    name: 'a migration script of an unknown tool is not read',
    from: { 'migrations/003_backfill.ts': 'export async function up(ctx: Context) {\n  await ctx.run(loadPlan());\n}\n' },
    ids: ['migration-unread'],
  },
  {
    name: 'a helper script in a migrations folder is not a migration',
    from: { 'migrations/helpers.ts': 'export const tableName = (name: string) => `app_${name}`;\n' },
    ids: [],
  },
  // goose and sql-migrate
  {
    name: 'goose up drops a column',
    from: goose('ALTER TABLE users DROP COLUMN email;', 'ALTER TABLE users ADD COLUMN email text;'),
    ids: ['drop-column'],
    reader: 'goose',
  },
  {
    name: 'goose down is not read as up',
    from: goose('CREATE TABLE orders (id int);', 'DROP TABLE orders;'),
    ids: ['down-migration-drops-data'],
    reader: 'goose',
  },
  {
    name: 'goose StatementBegin around a function',
    from: goose(
      '-- +goose StatementBegin\nCREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n-- +goose StatementEnd',
      '-- +goose StatementBegin\nDROP FUNCTION touch();\n-- +goose StatementEnd',
    ),
    ids: [],
    reader: 'goose',
  },
  {
    name: 'sql-migrate up renames a table',
    from: sqlMigrate('ALTER TABLE users RENAME TO accounts;', 'ALTER TABLE accounts RENAME TO users;'),
    ids: ['rename-table'],
    reader: 'sql-migrate',
  },
  {
    name: 'sql-migrate down is not read as up',
    from: sqlMigrate('ALTER TABLE users ADD COLUMN bio text;', 'ALTER TABLE users DROP COLUMN bio;'),
    ids: ['down-migration-drops-data'],
    reader: 'sql-migrate',
  },
  // Liquibase
  {
    name: 'liquibase formatted SQL drops a column',
    from: lbSql('ALTER TABLE users DROP COLUMN email;\n--rollback ALTER TABLE users ADD COLUMN email text;'),
    ids: ['drop-column'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase rollback lines are not read as up',
    from: lbSql('CREATE TABLE orders (id int);\n--rollback DROP TABLE orders;'),
    ids: ['down-migration-drops-data'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML dropColumn',
    from: lbXml('    <dropColumn tableName="users" columnName="email"/>'),
    ids: ['drop-column'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML dropTable',
    from: lbXml('    <dropTable tableName="users" cascadeConstraints="true"/>'),
    ids: ['cascade', 'drop-table'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML renameColumn',
    from: lbXml('    <renameColumn tableName="users" oldColumnName="name" newColumnName="full_name"/>'),
    ids: ['rename-column'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML addNotNullConstraint',
    from: lbXml('    <addNotNullConstraint tableName="users" columnName="name" columnDataType="text"/>'),
    ids: ['set-not-null'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML nullable addColumn with a rollback',
    from: lbXml(
      '    <addColumn tableName="users">\n      <column name="bio" type="text"/>\n    </addColumn>\n    <rollback>\n      <dropColumn tableName="users" columnName="bio"/>\n    </rollback>',
    ),
    ids: ['down-migration-drops-data'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML required addColumn',
    from: lbXml(
      '    <addColumn tableName="users">\n      <column name="age" type="int">\n        <constraints nullable="false"/>\n      </column>\n    </addColumn>',
    ),
    ids: ['add-not-null-column'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML raw sql',
    from: lbXml("    <sql>UPDATE users SET status = 'active'</sql>"),
    ids: ['update-without-where'],
    reader: 'liquibase',
  },
  {
    name: 'liquibase XML change it does not know',
    from: lbXml(
      '    <mergeColumns tableName="users" column1Name="name" column2Name="email" finalColumnName="contact" finalColumnType="text" joinString=" "/>',
    ),
    ids: ['migration-unread'],
    reader: 'liquibase',
  },
  // Not a migration: the engine reports it as a file no analyzer reads, not as an unread migration.
  {
    name: 'an XML file in a migrations folder that is not a changelog',
    from: { 'migrations/config.xml': '<config><retries>3</retries></config>\n' },
    ids: ['unclassified-change'],
  },
  // ClickHouse
  { name: 'clickhouse drop table', from: ch('DROP TABLE IF EXISTS umami.website_event ON CLUSTER main SYNC;'), ids: ['drop-table'] },
  { name: 'clickhouse drop column', from: ch('ALTER TABLE analytics.events ON CLUSTER main DROP COLUMN referrer;'), ids: ['drop-column'] },
  { name: 'clickhouse add column', from: ch('ALTER TABLE analytics.events ADD COLUMN "tag" String AFTER "event_name";'), ids: [] },
  {
    name: 'clickhouse modify column type',
    from: ch('ALTER TABLE analytics.events MODIFY COLUMN duration UInt32;'),
    ids: ['change-column-type'],
  },
  { name: 'clickhouse drop view', from: ch('DROP VIEW analytics.daily_events;'), ids: ['drop-view'] },
  {
    name: 'clickhouse materialized view dropped as a table and re-created TO its table',
    from: ch(
      'ALTER TABLE analytics.hourly ADD COLUMN "tag" SimpleAggregateFunction(groupArrayArray, Array(String));\nDROP TABLE analytics.hourly_mv;\n\nCREATE MATERIALIZED VIEW analytics.hourly_mv\nTO analytics.hourly\nAS\nSELECT website_id, toStartOfHour(created_at) AS hour, count() AS views\nFROM analytics.events\nGROUP BY website_id, hour;',
    ),
    ids: ['drop-table'],
    max: 'low',
  },
  {
    name: 'clickhouse delete mutation',
    from: ch('ALTER TABLE analytics.events DELETE WHERE created_at < now() - INTERVAL 1 YEAR;'),
    ids: ['delete-rows'],
  },
  { name: 'clickhouse rename table', from: ch('RENAME TABLE analytics.events TO analytics.events_v1;'), ids: ['rename-table'] },
  {
    name: 'clickhouse create table with a MergeTree engine',
    from: ch(
      'CREATE TABLE analytics.sessions\n(\n    session_id UUID,\n    created_at DateTime64(6),\n    browser LowCardinality(String)\n)\nENGINE = MergeTree\nORDER BY (session_id, created_at);',
    ),
    ids: [],
  },
  {
    name: 'clickhouse table swapped for one the release built',
    from: ch(
      'CREATE TABLE analytics.hourly_new (website_id UUID, hour DateTime, views UInt64) ENGINE = SummingMergeTree ORDER BY (website_id, hour);\nINSERT INTO analytics.hourly_new SELECT website_id, hour, views FROM analytics.hourly;\nRENAME TABLE analytics.hourly TO analytics.hourly_old;\nRENAME TABLE analytics.hourly_new TO analytics.hourly;',
    ),
    ids: ['rename-table'],
    max: 'medium',
  },
  {
    name: 'clickhouse view the release creates and drops again',
    from: ch(
      'CREATE MATERIALIZED VIEW analytics.tmp_mv TO analytics.hourly AS SELECT website_id FROM analytics.events;\nDROP TABLE analytics.tmp_mv;',
    ),
    ids: [],
  },
  {
    name: 'sequelize array of strings widened',
    from: {
      'migrations/20240102000000-widen-array.js':
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'aliases', { type: Sequelize.ARRAY(Sequelize.STRING(1024)), allowNull: false, defaultValue: [] });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'aliases', { type: Sequelize.ARRAY(Sequelize.STRING(255)), allowNull: false, defaultValue: [] });\n  },\n};\n",
    },
    ids: ['change-column-type'],
    max: 'low',
    reader: 'sequelize',
  },
  {
    name: 'mysql text column turned into JSON',
    from: my('ALTER TABLE `report` MODIFY `parameters` JSON;'),
    ids: ['change-column-type'],
    max: 'high',
  },
  // SQL Server
  {
    name: 'sqlserver sp_rename a column',
    from: mssql("EXEC sp_rename 'dbo.users.name', 'full_name', 'COLUMN';\nGO\n"),
    ids: ['rename-column'],
  },
  { name: 'sqlserver sp_rename a table', from: mssql("EXEC sp_rename 'users', 'accounts';\nGO\n"), ids: ['rename-table'] },
  {
    name: 'sqlserver GO batches without semicolons',
    from: mssql('ALTER TABLE [dbo].[users] ADD [age] INT NOT NULL\nGO\nALTER TABLE [dbo].[users] DROP COLUMN [email]\nGO\n'),
    ids: ['add-not-null-column', 'drop-column'],
  },
  {
    name: 'sqlserver IF EXISTS guard around a drop',
    from: mssql("IF OBJECT_ID('dbo.users', 'U') IS NOT NULL\n  DROP TABLE [dbo].[users];\nGO\n"),
    ids: ['drop-table'],
  },
  { name: 'sqlserver stored procedure call is not read', from: mssql('EXEC dbo.archive_users;\nGO\n'), ids: ['migration-unread'] },
  {
    name: 'sqlserver alter column type and NOT NULL',
    from: mssql('ALTER TABLE [dbo].[users] ALTER COLUMN [name] NVARCHAR(50) NOT NULL\nGO\n'),
    ids: ['change-column-type', 'set-not-null'],
  },
  // Hazards the older code cannot live with, or may trip on
  { name: 'pg drop not null', from: pg('ALTER TABLE users ALTER COLUMN email DROP NOT NULL;'), ids: ['drop-not-null'] },
  {
    name: 'knex setNullable',
    from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.setNullable('email');\n  });"),
    ids: ['drop-not-null'],
    reader: 'knex',
  },
  {
    name: 'kysely dropNotNull',
    from: kysely("  await db.schema.alterTable('users').alterColumn('email', (col) => col.dropNotNull()).execute();"),
    ids: ['drop-not-null'],
    reader: 'kysely',
  },
  {
    name: 'sequelize changeColumn allowNull true only is not a type change',
    from: {
      'migrations/20240102000000-change.js':
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: true });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: false });\n  },\n};\n",
    },
    ids: ['drop-not-null'],
    reader: 'sequelize',
  },
  {
    name: 'typeorm changeColumn from a NOT NULL column to a nullable one',
    from: typeorm(
      "    await queryRunner.changeColumn('users', new TableColumn({ name: 'email', type: 'varchar' }), new TableColumn({ name: 'email', type: 'varchar', isNullable: true }));",
    ),
    ids: ['drop-not-null'],
    reader: 'typeorm',
  },
  {
    name: 'pg create unique index',
    from: pg('CREATE UNIQUE INDEX users_name_key ON users (name);'),
    ids: ['add-constraint', 'blocking-index-build'],
  },
  {
    name: 'pg create unique index concurrently',
    from: pg('CREATE UNIQUE INDEX CONCURRENTLY users_name_key ON users (name);'),
    ids: ['add-constraint'],
  },
  {
    name: 'prisma @unique on an existing column',
    from: {
      'prisma/migrations/20240102000000_unique_name/migration.sql':
        '-- CreateIndex\nCREATE UNIQUE INDEX "users_name_key" ON "users"("name");\n',
    },
    ids: ['add-constraint', 'blocking-index-build'],
  },
  {
    name: 'prisma @unique on a column the release adds',
    from: {
      'prisma/migrations/20240102000000_handle/migration.sql':
        '-- AlterTable\nALTER TABLE "users" ADD COLUMN "handle" TEXT;\n\n-- CreateIndex\nCREATE UNIQUE INDEX "users_handle_key" ON "users"("handle");\n',
    },
    ids: [],
  },
  {
    name: 'pg unique constraint using an existing index',
    from: pg(
      'CREATE UNIQUE INDEX CONCURRENTLY users_name_uq ON users (name);\nALTER TABLE users ADD CONSTRAINT users_name_uq UNIQUE USING INDEX users_name_uq;',
    ),
    ids: ['add-constraint'],
  },
  {
    name: 'prisma enum value added',
    from: { 'prisma/migrations/20240102000000_level/migration.sql': '-- AlterEnum\nALTER TYPE "SignatureLevel" ADD VALUE \'ADVANCED\';\n' },
    ids: ['add-enum-value'],
  },
  {
    name: 'sequelize raw query adds an enum value',
    from: {
      'migrations/20240102000000-add-mcp.js':
        "'use strict';\n\nmodule.exports = {\n  async up(queryInterface) {\n    await queryInterface.sequelize.query(\"ALTER TYPE enum_search_queries_source ADD VALUE 'mcp';\");\n  },\n  async down() {},\n};\n",
    },
    ids: ['add-enum-value'],
    reader: 'sequelize',
  },
  { name: 'pg drop constraint', from: pg('ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;'), ids: ['drop-constraint'] },
  {
    name: 'mysql drop foreign key is not a dropped index',
    from: my('ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fk`;'),
    ids: ['drop-constraint'],
  },
  { name: 'pg delete with a where that is always true', from: pg('DELETE FROM users WHERE true;'), ids: ['delete-without-where'] },
  { name: 'pg update with 1=1', from: pg("UPDATE users SET status = 'active' WHERE 1=1;"), ids: ['update-without-where'] },
  {
    name: 'pg update from another table',
    from: pg('UPDATE users SET name = p.display_name FROM profiles p WHERE p.user_id = users.id;'),
    ids: ['update-rows'],
  },
  {
    name: 'pg data-modifying CTE',
    from: pg("WITH gone AS (DELETE FROM users WHERE status = 'banned' RETURNING id) INSERT INTO audit_log (user_id) SELECT id FROM gone;"),
    ids: ['delete-rows'],
  },
  {
    name: 'pg truncate cascade names what the release links to it',
    from: {
      ...pg('CREATE TABLE orders (id int, user_id int REFERENCES users (id));'),
      'migrations/003_reset.sql': 'TRUNCATE users CASCADE;',
    },
    ids: ['cascade', 'truncate-table'],
  },
  { name: 'pg drop table cascade', from: pg('DROP TABLE users CASCADE;'), ids: ['cascade', 'drop-table'] },
  {
    name: 'pg create trigger on an existing table',
    from: pg('CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit_user();'),
    ids: ['create-trigger'],
  },
  {
    name: 'pg create trigger on a table the release creates',
    from: pg(
      'CREATE TABLE orders (id int);\nCREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();',
    ),
    ids: [],
  },
  { name: 'pg disable trigger', from: pg('ALTER TABLE users DISABLE TRIGGER users_updated_at;'), ids: ['drop-trigger'] },
  { name: 'pg disable all triggers', from: pg('ALTER TABLE users DISABLE TRIGGER ALL;'), ids: ['drop-trigger'] },
  { name: 'pg rename schema', from: pg('ALTER SCHEMA public RENAME TO app;'), ids: ['rename-schema'] },
  { name: 'pg set schema', from: pg('ALTER TABLE users SET SCHEMA archive;'), ids: ['rename-table'] },
  {
    name: 'pg set default on an existing column',
    from: pg("ALTER TABLE users ALTER COLUMN status SET DEFAULT 'trial';"),
    ids: ['change-default'],
  },
  { name: 'pg detach partition', from: pg('ALTER TABLE events DETACH PARTITION events_2023;'), ids: ['detach-partition'] },
  {
    name: 'pg detach partition concurrently',
    from: pg('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;'),
    ids: ['detach-partition'],
  },
  { name: 'mysql truncate partition', from: my('ALTER TABLE `events` TRUNCATE PARTITION `p2023`;'), ids: ['truncate-table'] },
  { name: 'mysql drop partition', from: my('ALTER TABLE `events` DROP PARTITION `p2023`, `p2024`;'), ids: ['truncate-table'] },
  {
    name: 'pg alter domain add constraint',
    from: pg("ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');"),
    ids: ['add-constraint'],
  },
  { name: 'pg revoke', from: pg('REVOKE UPDATE ON users FROM app_user;'), ids: ['revoke'] },
  { name: 'pg enable row level security', from: pg('ALTER TABLE users ENABLE ROW LEVEL SECURITY;'), ids: ['row-level-security'] },
  {
    name: 'pg create policy',
    from: pg("CREATE POLICY tenant_isolation ON users USING (tenant_id = current_setting('app.tenant')::int);"),
    ids: ['row-level-security'],
  },
  { name: 'pg drop sequence', from: pg('DROP SEQUENCE IF EXISTS invoice_number_seq;'), ids: ['drop-database-object'] },
  { name: 'pg drop extension', from: pg('DROP EXTENSION IF EXISTS pg_trgm;'), ids: ['drop-database-object'] },
  { name: 'pg drop domain', from: pg('DROP DOMAIN email_address;'), ids: ['drop-database-object'] },
  { name: 'pg drop role', from: pg('DROP ROLE reporting;'), ids: ['drop-database-object'] },
  { name: 'pg drop policy', from: pg('DROP POLICY tenant_isolation ON users;'), ids: ['drop-database-object'] },
  { name: 'pg drop type', from: pg('DROP TYPE mood;'), ids: ['drop-function'] },
  { name: 'pg rename type', from: pg('ALTER TYPE mood RENAME TO feeling;'), ids: ['drop-function'] },
  { name: 'pg rename view', from: pg('ALTER VIEW active_users RENAME TO current_users;'), ids: ['drop-view'] },
  { name: 'pg call procedure is not read', from: pg('CALL archive_users(30);'), ids: ['migration-unread'] },
  {
    name: 'pg select of a user function is not read',
    from: pg("SELECT create_hypertable('events', 'created_at');"),
    ids: ['migration-unread'],
  },
  { name: 'pg select of built-ins is read', from: pg("SELECT setval('users_id_seq', (SELECT max(id) FROM users));"), ids: [] },
  {
    name: 'pg integer to text is not widening',
    from: {
      'migrations/20240102000000-change.js':
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'status', { type: Sequelize.TEXT });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'status', { type: Sequelize.INTEGER });\n  },\n};\n",
    },
    ids: ['change-column-type'],
    max: 'high',
  },
  {
    name: 'pg int to bigint known from the down migration is low',
    from: {
      'migrations/000002_big.up.sql': 'ALTER TABLE users ALTER COLUMN id TYPE bigint;',
      'migrations/000002_big.down.sql': 'ALTER TABLE users ALTER COLUMN id TYPE integer;',
    },
    ids: ['change-column-type'],
    max: 'low',
  },
  {
    name: 'pg varchar to text without knowing the old type is medium',
    from: pg('ALTER TABLE users ALTER COLUMN name TYPE text;'),
    ids: ['change-column-type'],
    max: 'medium',
  },
  // Hostile SQL in a migration
  { name: 'mysql executable comment drops a table', from: my('/*!50000 DROP TABLE `users` */;'), ids: ['drop-table'] },
  { name: 'mysql --1 is not a comment', from: my('SELECT 1 --1;\nDROP TABLE `users`;'), ids: ['drop-table'] },
  { name: 'mysql block comments do not nest', from: my('/* outer /* inner */ DROP TABLE `users`; /* */'), ids: ['drop-table'] },
  {
    name: 'pg block comments nest',
    from: pg('/* outer /* inner */ DROP TABLE users; */\nALTER TABLE users ADD COLUMN bio text;'),
    ids: [],
  },
  {
    name: 'pg unterminated dollar quote',
    from: pg('ALTER TABLE users ADD COLUMN bio text;\nCREATE FUNCTION f() RETURNS void AS $$ SELECT 1;\nDROP TABLE users;'),
    ids: ['migration-unread'],
  },
  { name: 'pg unterminated comment', from: pg('ALTER TABLE users ADD COLUMN bio text;\n/* DROP TABLE users;'), ids: ['migration-unread'] },
  {
    name: 'mysql procedure without END swallows a later drop',
    from: my('CREATE PROCEDURE `p`() BEGIN SELECT 1;\nDROP TABLE `users`;'),
    ids: ['migration-unread'],
  },
  {
    name: 'mysql DELIMITER never set back',
    from: my('DELIMITER $$\nCREATE PROCEDURE `p`() BEGIN SELECT 1; END;\nDROP TABLE `users`;'),
    ids: ['migration-unread'],
  },
  {
    name: 'pg DO block with a loop',
    from: pg(
      "DO $$\nDECLARE r record;\nBEGIN\n  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'legacy' LOOP\n    EXECUTE 'DROP TABLE legacy.' || quote_ident(r.tablename);\n  END LOOP;\nEND\n$$;",
    ),
    ids: ['migration-unread'],
  },
  // False alarms that must stay low
  {
    name: 'pg update that sets columns to themselves changes nothing',
    from: pg('UPDATE users SET email = email WHERE email IS NOT NULL;'),
    ids: [],
  },
  {
    name: 'a unique index with a column the release adds, the older code writes NULL there',
    from: pg('ALTER TABLE users ADD COLUMN slug text;\nCREATE UNIQUE INDEX CONCURRENTLY users_slug_status_key ON users (slug, status);'),
    ids: [],
  },
  {
    name: 'migrations/index.ts lists the migrations and is not one',
    to: {
      'src/migrations/index.ts':
        "import * as m1 from './20240101_init';\nexport const migrations = [{ name: '20240101_init', up: m1.up, down: m1.down }];\n",
    },
    from: {
      'src/migrations/index.ts':
        "import * as m1 from './20240101_init';\nimport * as m2 from './20240102_more';\nexport const migrations = [\n  { name: '20240101_init', up: m1.up, down: m1.down },\n  { name: '20240102_more', up: m2.up, down: m2.down },\n];\n",
    },
    ids: [],
  },
  {
    name: 'pg view dropped and re-created',
    from: pg("DROP VIEW active_users;\nCREATE VIEW active_users AS SELECT id, email, name FROM users WHERE status = 'active';"),
    ids: ['drop-view'],
    max: 'low',
  },
  {
    name: 'pg materialized view rebuilt',
    from: pg(
      'DROP MATERIALIZED VIEW IF EXISTS user_stats;\nCREATE MATERIALIZED VIEW user_stats AS SELECT status, count(*) FROM users GROUP BY status;',
    ),
    ids: ['drop-view'],
    max: 'low',
  },
  {
    name: 'pg view rebuilt across two migrations',
    from: {
      ...pg('DROP VIEW active_users;'),
      'migrations/003_view.sql': "CREATE VIEW active_users AS SELECT id FROM users WHERE status = 'active';",
    },
    ids: ['drop-view'],
    max: 'low',
  },
  {
    name: 'pg foreign key re-added with another ON DELETE',
    from: pg(
      'ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;\nALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;',
    ),
    ids: ['add-constraint'],
    max: 'low',
  },
  {
    name: 'pg index rebuilt under the same name',
    from: pg('DROP INDEX users_name_idx;\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name, status);'),
    ids: [],
  },
  {
    name: 'pg function replaced',
    from: pg(
      'DROP FUNCTION IF EXISTS touch();\nCREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$ LANGUAGE plpgsql;',
    ),
    ids: ['drop-function'],
    max: 'low',
  },
  {
    name: 'pg trigger replaced',
    from: pg(
      'DROP TRIGGER users_touch ON users;\nCREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
    ),
    ids: ['drop-trigger'],
    max: 'low',
  },
  {
    name: 'pg table dropped and re-created empty stays critical',
    from: pg('DROP TABLE users;\nCREATE TABLE users (id int PRIMARY KEY);'),
    ids: ['drop-table'],
    max: 'critical',
  },
  {
    name: 'sequelize widening 255 to 1024 restating NOT NULL',
    from: {
      'migrations/20240102000000-widen.js':
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING(1024), allowNull: false });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING(255), allowNull: false });\n  },\n};\n",
    },
    ids: ['change-column-type'],
    max: 'low',
    reader: 'sequelize',
  },
  {
    name: 'sequelize narrowing 255 to 20 is high',
    from: {
      'migrations/20240102000000-narrow.js':
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'name', { type: Sequelize.STRING(20), allowNull: true });\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('users', 'name', { type: Sequelize.STRING(255), allowNull: true });\n  },\n};\n",
    },
    ids: ['change-column-type'],
    max: 'high',
    reader: 'sequelize',
  },
  {
    name: 'mysql modify restating the same definition',
    from: {
      'migrations/000002_engine.up.sql': 'ALTER TABLE `users` MODIFY COLUMN `name` varchar(255) NOT NULL;',
      'migrations/000002_engine.down.sql': 'ALTER TABLE `users` MODIFY COLUMN `name` varchar(255) NOT NULL;',
    },
    ids: [],
  },
  {
    name: 'golang-migrate down file is not read as up',
    from: { 'migrations/000002_orders.up.sql': 'CREATE TABLE orders (id int);', 'migrations/000002_orders.down.sql': 'DROP TABLE orders;' },
    ids: ['down-migration-drops-data'],
    max: 'low',
  },
  {
    name: 'edited migration adding ENGINE=InnoDB',
    to: { 'db/migrations/001_orders.sql': 'CREATE TABLE `orders` (`id` INT NOT NULL, PRIMARY KEY (`id`));\n' },
    from: { 'db/migrations/001_orders.sql': 'CREATE TABLE `orders` (`id` INT NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB;\n' },
    ids: ['edited-migration'],
    max: 'low',
  },
  {
    name: 'edited migration: a comment',
    from: { 'migrations/001_init.sql': `-- users and their indexes\n${INIT}` },
    ids: ['edited-migration'],
    max: 'info',
  },
  {
    name: 'edited migration: the rows it writes changed',
    to: { 'migrations/001_settings.sql': 'INSERT INTO settings (user_id, theme) SELECT id, theme FROM users;\n' },
    from: { 'migrations/001_settings.sql': "INSERT INTO settings (user_id, theme) SELECT id, coalesce(theme, 'light') FROM users;\n" },
    ids: ['edited-migration'],
    max: 'medium',
  },
  {
    name: 'edited flyway migration stays high: checksums',
    to: { 'db/migration/V1__init.sql': 'CREATE TABLE orders (id int);\n' },
    from: { 'db/migration/V1__init.sql': '-- orders\nCREATE TABLE orders (id int);\n' },
    ids: ['edited-migration'],
    max: 'high',
  },
  {
    name: 'down-migration-drops-data is low: a rollback never runs it',
    from: {
      'migrations/000002_bio.up.sql': 'ALTER TABLE users ADD COLUMN bio text;',
      'migrations/000002_bio.down.sql': 'ALTER TABLE users DROP COLUMN bio;',
    },
    ids: ['down-migration-drops-data'],
    max: 'low',
  },
  // What peer linters flag for the forward deploy, and a rollback does not care about
  {
    name: 'peer: adding a column with a volatile default (forward-only lock)',
    from: pg('ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();'),
    ids: [],
  },
  {
    name: 'peer: prefer text over varchar (forward-only style)',
    from: pg('CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(100));'),
    ids: [],
  },
  {
    name: 'peer: constraint without NOT VALID is still a constraint for older code',
    from: pg('ALTER TABLE users ADD CONSTRAINT users_name_len CHECK (length(name) < 200) NOT VALID;'),
    ids: ['add-constraint'],
  },
  {
    name: 'peer: drop index without CONCURRENTLY (forward-only lock; low for the rollback)',
    from: pg('DROP INDEX users_name_idx;'),
    ids: ['drop-index'],
    max: 'low',
  },
  {
    name: 'peer: primary key added to an existing table',
    from: pg('ALTER TABLE users ADD PRIMARY KEY (id);'),
    ids: ['add-constraint'],
    max: 'medium',
  },
  { name: 'peer: ban drop database', from: pg('DROP DATABASE legacy;'), ids: ['drop-schema'] },
  { name: 'peer: refresh materialized view (forward-only lock)', from: pg('REFRESH MATERIALIZED VIEW user_stats;'), ids: [] },
  { name: 'peer: reindex (forward-only lock)', from: pg('REINDEX INDEX users_name_idx;'), ids: [] },
  {
    name: 'peer: lock timeout settings',
    from: pg("SET lock_timeout = '2s';\nSET statement_timeout = '5min';\nALTER TABLE users ADD COLUMN bio text;"),
    ids: [],
  },
  { name: 'peer: cluster (forward-only rewrite)', from: pg('CLUSTER users USING users_name_idx;'), ids: [] },
  { name: 'peer: replica identity full (forward-only)', from: pg('ALTER TABLE users REPLICA IDENTITY FULL;'), ids: [] },
  {
    name: 'peer: exclusion constraint',
    from: pg('ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);'),
    ids: ['add-constraint'],
  },
  { name: 'peer: adding a serial column', from: pg('ALTER TABLE users ADD COLUMN seq serial;'), ids: [] },
  { name: 'peer: json column (forward-only style)', from: pg('ALTER TABLE users ADD COLUMN prefs json;'), ids: [] },
  { name: 'peer: insert into an existing table', from: pg("INSERT INTO users (id, email) VALUES (1, 'admin@example.com');"), ids: [] },
  { name: 'peer: create enum type (forward-only design)', from: pg("CREATE TYPE mood AS ENUM ('happy', 'sad');"), ids: [] },
  {
    name: 'peer: foreign key added to an existing table',
    from: pg('ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;'),
    ids: ['add-constraint'],
  },
  {
    name: 'peer: unique constraint on an existing table',
    from: my('ALTER TABLE `users` ADD CONSTRAINT `users_name_uq` UNIQUE (`name`);'),
    ids: ['add-constraint'],
  },
  {
    name: 'peer: renaming a column in knex',
    from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.renameColumn('email', 'email_address');\n  });"),
    ids: ['rename-column'],
  },
  {
    name: 'peer: backfill in a knex migration',
    from: knex("  await knex('users').whereNull('status').update({ status: 'active' });"),
    ids: ['update-rows'],
    reader: 'knex',
  },
  {
    name: 'peer: delete everything through knex',
    from: knex("  await knex('sessions').del();"),
    ids: ['delete-without-where'],
    reader: 'knex',
  },
  {
    name: 'peer: typeorm clearTable',
    from: typeorm("    await queryRunner.clearTable('users');"),
    ids: ['truncate-table'],
    reader: 'typeorm',
  },
  {
    name: 'peer: sequelize addIndex unique',
    from: sequelize("    await queryInterface.addIndex('users', ['name'], { unique: true, name: 'users_name_uq' });"),
    ids: ['add-constraint'],
    reader: 'sequelize',
  },
  {
    name: 'peer: sequelize removeConstraint',
    from: sequelize("    await queryInterface.removeConstraint('orders', 'orders_user_id_fkey');"),
    ids: ['drop-constraint'],
    reader: 'sequelize',
  },
  {
    name: 'peer: typeorm dropForeignKey',
    from: typeorm("    await queryRunner.dropForeignKey('orders', 'FK_orders_user');"),
    ids: ['drop-constraint'],
    reader: 'typeorm',
  },
  {
    name: 'peer: mikro-orm adds a not null column',
    from: mikro('    this.addSql(\'alter table "users" add column "age" int not null;\');'),
    ids: ['add-not-null-column'],
    reader: 'mikro-orm',
  },
  {
    name: 'peer: kysely unique index',
    from: kysely("  await db.schema.createIndex('users_name_uq').on('users').column('name').unique().execute();"),
    ids: ['add-constraint'],
    reader: 'kysely',
  },
  {
    name: 'peer: drizzle enum value',
    from: { 'drizzle/0002_sturdy_hulk.sql': 'ALTER TYPE "public"."role" ADD VALUE \'auditor\';' },
    ids: ['add-enum-value'],
  },
  {
    name: 'peer: dbmate disable row level security is harmless to older code',
    from: {
      'db/migrations/20240102000000_rls.sql':
        '-- migrate:up\nALTER TABLE users DISABLE ROW LEVEL SECURITY;\n\n-- migrate:down\nALTER TABLE users ENABLE ROW LEVEL SECURITY;\n',
    },
    ids: [],
    reader: 'dbmate',
  },
  { name: 'peer: sqlite drop column', from: lite('ALTER TABLE users DROP COLUMN email;'), ids: ['drop-column'] },
  { name: 'peer: sqlite create unique index', from: lite('CREATE UNIQUE INDEX users_name_uq ON users (name);'), ids: ['add-constraint'] },
  { name: 'peer: mysql rename column', from: my('ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;'), ids: ['rename-column'] },
  { name: 'peer: mysql set default', from: my("ALTER TABLE `users` ALTER COLUMN `status` SET DEFAULT 'trial';"), ids: ['change-default'] },
  {
    name: 'peer: mysql update join',
    from: my('UPDATE `users` u JOIN `profiles` p ON p.user_id = u.id SET u.name = p.display_name;'),
    ids: ['update-rows'],
  },
  {
    name: 'peer: mysql delete join',
    from: my('DELETE u FROM `users` u JOIN `bans` b ON b.user_id = u.id;'),
    ids: ['delete-without-where'],
  },
  {
    name: 'peer: flyway repeatable migration creates a view',
    from: { 'db/migration/R__views.sql': 'CREATE OR REPLACE VIEW active_users AS SELECT id FROM users;' },
    ids: [],
  },
];
