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
}

export const BASE: FileMap = {
  'migrations/001_init.sql': 'CREATE TABLE users (\n  id INT PRIMARY KEY,\n  email TEXT,\n  name TEXT,\n  status TEXT DEFAULT \'active\'\n);\nCREATE INDEX users_name_idx ON users (name);\nCREATE UNIQUE INDEX users_email_key ON users (email);\n',
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

export const CASES: MigrationCase[] = [
  // PostgreSQL, plain SQL
  { name: 'pg drop column', from: pg('ALTER TABLE users DROP COLUMN email;'), ids: ['drop-column'] },
  { name: 'pg drop table', from: pg('DROP TABLE users;'), ids: ['drop-table'] },
  { name: 'pg drop table if exists cascade, schema-qualified', from: pg('DROP TABLE IF EXISTS public.users CASCADE;'), ids: ['cascade', 'drop-table'] },
  { name: 'pg rename column (parser rejects it)', from: pg('ALTER TABLE users RENAME COLUMN name TO full_name;'), ids: ['rename-column'] },
  { name: 'pg rename table', from: pg('ALTER TABLE users RENAME TO accounts;'), ids: ['rename-table'] },
  { name: 'pg add NOT NULL column without default', from: pg('ALTER TABLE users ADD COLUMN age integer NOT NULL;'), ids: ['add-not-null-column'] },
  { name: 'pg add NOT NULL column with default', from: pg('ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;'), ids: [] },
  { name: 'pg add nullable column', from: pg('ALTER TABLE users ADD COLUMN nickname text;'), ids: [] },
  { name: 'pg create table', from: pg('CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id), total numeric NOT NULL);'), ids: [] },
  { name: 'pg create index concurrently', from: pg('CREATE INDEX CONCURRENTLY users_status_idx ON users (status);'), ids: [] },
  { name: 'pg non-concurrent index on an existing table', from: pg('CREATE INDEX users_status_idx ON users (status);'), ids: ['blocking-index-build'] },
  { name: 'pg set not null', from: pg('ALTER TABLE users ALTER COLUMN name SET NOT NULL;'), ids: ['set-not-null'] },
  { name: 'pg drop default', from: pg('ALTER TABLE users ALTER COLUMN status DROP DEFAULT;'), ids: ['drop-default'] },
  { name: 'pg narrowing type change', from: pg('ALTER TABLE users ALTER COLUMN name TYPE varchar(20);'), ids: ['change-column-type'] },
  { name: 'pg widening type change', from: pg('ALTER TABLE users ALTER COLUMN id SET DATA TYPE bigint;'), ids: ['change-column-type'] },
  { name: 'pg add unique constraint', from: pg('ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);'), ids: ['add-constraint'] },
  { name: 'pg add check constraint', from: pg("ALTER TABLE users ADD CONSTRAINT status_check CHECK (status IN ('active', 'banned'));"), ids: ['add-constraint'] },
  { name: 'pg add foreign key', from: pg('ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);'), ids: ['add-constraint'] },
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
  { name: 'pg enum add value (parser rejects it)', from: pg("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'curious';"), ids: ['add-enum-value'] },
  { name: 'pg enum rename value', from: pg("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';"), ids: ['drop-enum-value'] },
  { name: 'pg DO block is reported, not passed', from: pg("DO $$\nBEGIN\n  EXECUTE 'DROP TABLE ' || 'users';\nEND\n$$;"), ids: ['migration-unread'] },
  { name: 'pg statement nobody reads', from: pg('ALTER TABLE users FROBNICATE email;'), ids: ['migration-unread'] },
  { name: 'pg function body with semicolons, and a trigger', from: pg("CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql;\nCREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();"), ids: ['create-trigger'] },
  { name: 'pg comments and quotes hide semicolons', from: pg("-- a comment; DROP TABLE users;\n/* DROP TABLE users; */\nCOMMENT ON COLUMN users.name IS 'a; DROP TABLE users;';\nALTER TABLE users DROP COLUMN name;"), ids: ['drop-column'] },
  { name: 'pg inside a transaction', from: pg('BEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;'), ids: [] },
  { name: 'pg several actions in one ALTER', from: pg('ALTER TABLE users ADD COLUMN bio text, DROP COLUMN email, ALTER COLUMN name SET NOT NULL;'), ids: ['drop-column', 'set-not-null'] },
  { name: 'pg extension, sequence and grant', from: pg('CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE SEQUENCE invoice_no;\nGRANT SELECT ON users TO reporting;'), ids: [] },
  // Net effect over the release's migrations
  { name: 'net: changes to a table created in the release', from: { ...pg('CREATE TABLE orders (id int, ref text);'), 'migrations/003_more.sql': 'ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);\nALTER TABLE orders RENAME COLUMN ref TO reference;\nALTER TABLE orders ALTER COLUMN reference SET NOT NULL;\nALTER TABLE orders DROP COLUMN id;' }, ids: [] },
  { name: 'net: a table created and dropped in the release', from: { ...pg('CREATE TABLE tmp_import (id int);'), 'migrations/003_drop.sql': 'DROP TABLE tmp_import;' }, ids: [] },
  { name: 'net: NOT NULL column whose default a later migration drops', from: { ...pg("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"), 'migrations/003_drop_default.sql': 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;' }, ids: ['drop-default'] },
  { name: 'net: NOT NULL column given a default later', from: { ...pg('ALTER TABLE users ADD COLUMN plan text NOT NULL;'), 'migrations/003_default.sql': "ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';" }, ids: [] },
  { name: 'net: nullable column made NOT NULL later', from: { ...pg('ALTER TABLE users ADD COLUMN plan text;'), 'migrations/003_required.sql': 'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;' }, ids: ['set-not-null'] },
  { name: 'net: migrations ordered by version, not by name', from: { 'migrations/10_drop.sql': 'DROP TABLE tmp;', 'migrations/9_create.sql': 'CREATE TABLE tmp (id int);' }, ids: [] },
  { name: 'suppressed statement', from: pg('-- rollback-ready-ignore drop-column: the column was copied to user_emails and nothing reads it\nALTER TABLE users DROP COLUMN email;'), ids: [], suppressed: 'the column was copied to user_emails and nothing reads it' },
  // Edits and moves
  { name: 'edited migration', from: { 'migrations/001_init.sql': `${BASE['migrations/001_init.sql']}ALTER TABLE users ADD COLUMN bio text;\n` }, ids: ['edited-migration'] },
  { name: 'moved folder keeps old migrations old', bare: true, to: BASE, from: { 'db/migrations/001_init.sql': BASE['migrations/001_init.sql']! }, ids: [] },
  { name: 'moved into prisma layout keeps old migrations old', bare: true, to: BASE, from: { 'prisma/migrations/001_init/migration.sql': BASE['migrations/001_init.sql']!, 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' }, ids: [] },
  { name: 'moved and edited is an edit', bare: true, to: BASE, from: { 'database/migrations/001_init.sql': `${BASE['migrations/001_init.sql']}-- reviewed\n` }, ids: ['edited-migration'] },
  // Coupled change
  { name: 'coupled: older code uses the dropped column', to: { 'src/users.ts': "export const add = (db: any, email: string) => db.query('INSERT INTO users (email) VALUES ($1)', [email]);\n" }, from: { ...pg('ALTER TABLE users DROP COLUMN email;'), 'src/users.ts': "export const add = (db: any) => db.query('INSERT INTO users DEFAULT VALUES');\n" }, ids: ['coupled-change', 'drop-column'] },
  { name: 'not coupled: the changed code does not use it', to: { 'src/math.ts': 'export const one = 1;\n' }, from: { ...pg('ALTER TABLE users DROP COLUMN email;'), 'src/math.ts': 'export const one = 2;\n' }, ids: ['drop-column'] },
  // MySQL / MariaDB
  { name: 'mysql drop column', from: my('ALTER TABLE `users` DROP COLUMN `email`;'), ids: ['drop-column'] },
  { name: 'mysql modify column NOT NULL', from: my('ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL;'), ids: ['change-column-type', 'set-not-null'] },
  { name: 'mysql change column renames', from: my('ALTER TABLE `users` CHANGE COLUMN `name` `full_name` varchar(255);'), ids: ['change-column-type', 'rename-column'] },
  { name: 'mysql rename table', from: my('RENAME TABLE `users` TO `accounts`;'), ids: ['rename-table'] },
  { name: 'mysql add NOT NULL column', from: my('ALTER TABLE `users` ADD COLUMN `age` INT UNSIGNED NOT NULL;'), ids: ['add-not-null-column'] },
  { name: 'mysql create table with engine', from: my('CREATE TABLE `orders` (\n  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,\n  `note` TEXT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;'), ids: [] },
  { name: 'mysql trigger with DELIMITER and BEGIN END', from: my('DELIMITER $$\nCREATE TRIGGER `users_bi` BEFORE INSERT ON `users` FOR EACH ROW\nBEGIN\n  IF NEW.status IS NULL THEN\n    SET NEW.status = \'active\';\n  END IF;\nEND$$\nDELIMITER ;\nALTER TABLE `users` ADD COLUMN `bio` TEXT NULL;'), ids: ['create-trigger'] },
  { name: 'mysql drop index', from: my('ALTER TABLE `users` DROP INDEX `users_name_idx`;'), ids: ['drop-index'] },
  { name: 'mysql add unique key', from: my('ALTER TABLE `users` ADD UNIQUE KEY `users_name_uq` (`name`);'), ids: ['add-constraint'] },
  { name: 'mysql delete without where', from: my('DELETE FROM `users`;'), ids: ['delete-without-where'] },
  // SQLite
  { name: 'sqlite table rebuild', from: lite('CREATE TABLE "new_users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT);\nINSERT INTO "new_users" ("id", "name") SELECT "id", "name" FROM "users";\nDROP TABLE "users";\nALTER TABLE "new_users" RENAME TO "users";\nPRAGMA foreign_keys=ON;'), ids: ['drop-table'] },
  { name: 'sqlite rename column', from: lite('ALTER TABLE users RENAME COLUMN name TO full_name;'), ids: ['rename-column'] },
  { name: 'sqlite add column with default', from: lite('ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;'), ids: [] },
  { name: 'sqlite trigger with BEGIN END', from: lite("CREATE TRIGGER users_au AFTER UPDATE ON users BEGIN\n  UPDATE users SET status = 'changed' WHERE id = NEW.id;\nEND;"), ids: ['create-trigger'] },
  // Prisma
  { name: 'prisma drop column (postgresql lock)', to: { 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' }, from: { 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n', 'prisma/migrations/20240102000000_drop_email/migration.sql': '-- AlterTable\nALTER TABLE "users" DROP COLUMN "email";\n' }, ids: ['drop-column'] },
  { name: 'prisma mysql lock', to: { 'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n' }, from: { 'prisma/migrations/migration_lock.toml': 'provider = "mysql"\n', 'prisma/migrations/20240102000000_x/migration.sql': '-- AlterTable\nALTER TABLE `users` ADD COLUMN `age` INTEGER NOT NULL;\n' }, ids: ['add-not-null-column'] },
  { name: 'prisma sqlite redefine table', to: { 'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n' }, from: { 'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n', 'prisma/migrations/20240102000000_x/migration.sql': '-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\nCREATE TABLE "new_users" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);\nINSERT INTO "new_users" ("id", "name") SELECT "id", "name" FROM "users";\nDROP TABLE "users";\nALTER TABLE "new_users" RENAME TO "users";\nPRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n' }, ids: ['drop-table'] },
  { name: 'prisma additive', from: { 'prisma/migrations/20240102000000_orders/migration.sql': '-- CreateTable\nCREATE TABLE "orders" (\n    "id" SERIAL NOT NULL,\n    "userId" INTEGER NOT NULL,\n    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")\n);\n\n-- AddForeignKey\nALTER TABLE "orders" ADD CONSTRAINT "orders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n' }, ids: [] },
  // Flyway
  { name: 'flyway drop column with undo', from: { 'src/main/resources/db/migration/V2__drop_email.sql': 'ALTER TABLE users DROP COLUMN email;', 'src/main/resources/db/migration/U2__drop_email.sql': 'ALTER TABLE users ADD COLUMN email text;' }, ids: ['drop-column'] },
  { name: 'flyway undo that drops data', from: { 'db/migration/V2_1__orders.sql': 'CREATE TABLE orders (id int);', 'db/migration/U2_1__orders.sql': 'DROP TABLE orders;' }, ids: ['down-migration-drops-data'] },
  { name: 'flyway additive', from: { 'db/migration/V2__bio.sql': 'ALTER TABLE users ADD COLUMN bio text;' }, ids: [] },
  { name: 'flyway rename column', from: { 'sql/V3__rename.sql': 'ALTER TABLE users RENAME COLUMN name TO full_name;' }, ids: ['rename-column'] },
  // golang-migrate
  { name: 'golang-migrate drop column', from: { 'migrations/000002_drop_email.up.sql': 'ALTER TABLE users DROP COLUMN email;', 'migrations/000002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;' }, ids: ['drop-column'] },
  { name: 'golang-migrate down drops the new table', from: { 'migrations/000002_orders.up.sql': 'CREATE TABLE orders (id int);', 'migrations/000002_orders.down.sql': 'DROP TABLE IF EXISTS orders;' }, ids: ['down-migration-drops-data'] },
  { name: 'golang-migrate NOT NULL column', from: { 'migrations/000002_age.up.sql': 'ALTER TABLE users ADD COLUMN age int NOT NULL;', 'migrations/000002_age.down.sql': 'ALTER TABLE users DROP COLUMN age;' }, ids: ['add-not-null-column', 'down-migration-drops-data'] },
  // dbmate
  { name: 'dbmate rename table', from: { 'db/migrations/20240102000000_rename.sql': '-- migrate:up\nALTER TABLE users RENAME TO accounts;\n\n-- migrate:down\nALTER TABLE accounts RENAME TO users;\n' }, ids: ['rename-table'] },
  { name: 'dbmate additive with a dropping down', from: { 'db/migrations/20240102000000_bio.sql': '-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n' }, ids: ['down-migration-drops-data'] },
  // Drizzle
  { name: 'drizzle drop column', from: { 'drizzle/0001_lame_thor.sql': 'ALTER TABLE "users" DROP COLUMN IF EXISTS "email";--> statement-breakpoint\nALTER TABLE "users" ADD COLUMN "bio" text;' }, ids: ['drop-column'] },
  { name: 'drizzle additive', from: { 'drizzle/0001_kind_hulk.sql': 'CREATE TABLE IF NOT EXISTS "orders" (\n\t"id" serial PRIMARY KEY NOT NULL\n);' }, ids: [] },
  // Supabase
  { name: 'supabase drop table', from: { 'supabase/migrations/20240102000000_cleanup.sql': 'drop table if exists "public"."users";' }, ids: ['drop-table'] },
  // knex
  { name: 'knex dropColumn', from: knex("  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('email');\n  });", "  await knex.schema.alterTable('users', (t) => { t.string('email'); });"), ids: ['drop-column'] },
  { name: 'knex renameColumn', from: knex("  await knex.schema.table('users', (t) => {\n    t.renameColumn('name', 'full_name');\n  });"), ids: ['rename-column'] },
  { name: 'knex dropTable', from: knex("  await knex.schema.dropTableIfExists('users');"), ids: ['drop-table'] },
  { name: 'knex NOT NULL column without default', from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.integer('age').notNullable();\n  });"), ids: ['add-not-null-column'] },
  { name: 'knex additive', from: knex("  await knex.schema.createTable('orders', (t) => {\n    t.increments('id');\n    t.integer('user_id').notNullable().references('users.id');\n  });\n  await knex.schema.alterTable('users', (t) => {\n    t.string('bio');\n    t.boolean('admin').notNullable().defaultTo(false);\n  });", "  await knex.schema.dropTable('orders');"), ids: ['down-migration-drops-data'] },
  { name: 'knex raw SQL', from: knex("  await knex.raw('ALTER TABLE users RENAME COLUMN name TO full_name');"), ids: ['rename-column'] },
  { name: 'knex alter column type', from: knex("  await knex.schema.alterTable('users', (t) => {\n    t.string('name', 20).notNullable().alter();\n  });"), ids: ['change-column-type', 'set-not-null'] },
  { name: 'knex suppression comment', from: knex("  await knex.schema.alterTable('users', (t) => {\n    // rollback-ready-ignore drop-column: nothing has read it since 2.3\n    t.dropColumn('email');\n  });"), ids: [], suppressed: 'nothing has read it since 2.3' },
  { name: 'knex SQL built at run time', from: knex("  const sqlText = await loadSql();\n  await knex.raw(sqlText);"), ids: ['migration-unread'] },
  // TypeORM
  { name: 'typeorm query drop column', from: typeorm('    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);'), ids: ['drop-column'] },
  { name: 'typeorm dropColumn', from: typeorm("    await queryRunner.dropColumn('users', 'email');"), ids: ['drop-column'] },
  { name: 'typeorm addColumn is NOT NULL by default', from: typeorm("    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int' }));"), ids: ['add-not-null-column'] },
  { name: 'typeorm nullable addColumn', from: typeorm("    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int', isNullable: true }));"), ids: [] },
  { name: 'typeorm renameColumn', from: typeorm("    await queryRunner.renameColumn('users', 'name', 'full_name');"), ids: ['rename-column'] },
  { name: 'typeorm changeColumn', from: typeorm("    await queryRunner.changeColumn('users', 'name', new TableColumn({ name: 'name', type: 'varchar', length: '20' }));"), ids: ['change-column-type'] },
  { name: 'typeorm template literal with a table constant', from: { ...typeorm('    await queryRunner.query(`ALTER TABLE "${TABLE}" RENAME TO "accounts"`);'), 'src/migrations/1700000000000-Change.ts': typeorm('    await queryRunner.query(`ALTER TABLE "${TABLE}" RENAME TO "accounts"`);')['src/migrations/1700000000000-Change.ts'].replace("import {", "const TABLE = 'users';\nimport {") }, ids: ['rename-table'] },
  // Sequelize
  { name: 'sequelize removeColumn', from: sequelize("    await queryInterface.removeColumn('users', 'email');"), ids: ['drop-column'] },
  { name: 'sequelize addColumn allowNull false', from: sequelize("    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: false });"), ids: ['add-not-null-column'] },
  { name: 'sequelize addColumn nullable', from: sequelize("    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: true });"), ids: [] },
  { name: 'sequelize bulkDelete without where', from: sequelize("    await queryInterface.bulkDelete('users', null, {});"), ids: ['delete-without-where'] },
  { name: 'sequelize changeColumn allowNull false', from: sequelize("    await queryInterface.changeColumn('users', 'name', { type: Sequelize.STRING(20), allowNull: false });"), ids: ['change-column-type', 'set-not-null'] },
  { name: 'sequelize renameTable', from: sequelize("    await queryInterface.renameTable('users', 'accounts');"), ids: ['rename-table'] },
  // MikroORM
  { name: 'mikro-orm addSql drop column', from: mikro("    this.addSql('alter table \"users\" drop column \"email\";');"), ids: ['drop-column'] },
  { name: 'mikro-orm addSql create table', from: mikro("    this.addSql('create table \"orders\" (\"id\" serial primary key, \"total\" int not null);');"), ids: [] },
  // Kysely
  { name: 'kysely dropColumn', from: kysely("  await db.schema.alterTable('users').dropColumn('email').execute();"), ids: ['drop-column'] },
  { name: 'kysely renameColumn', from: kysely("  await db.schema.alterTable('users').renameColumn('name', 'full_name').execute();"), ids: ['rename-column'] },
  { name: 'kysely NOT NULL column', from: kysely("  await db.schema.alterTable('users').addColumn('age', 'integer', (col) => col.notNull()).execute();"), ids: ['add-not-null-column'] },
  { name: 'kysely sql template', from: kysely('  await sql`ALTER TABLE users DROP COLUMN email`.execute(db);'), ids: ['drop-column'] },
  { name: 'kysely createTable', from: kysely("  await db.schema.createTable('orders').addColumn('id', 'serial', (col) => col.primaryKey()).addColumn('total', 'integer', (col) => col.notNull()).execute();"), ids: [] },
];
