// Plain SQL files: the whole file is the up migration. Prisma, Flyway, golang-migrate, Drizzle, Supabase and
// db-migrate's sqls/ files are told apart by their path; a down migration, when there is one, is a file of its own.
import type { Framework } from '../../../model/facts/migrations.js';
import type { MigrationReader } from './reader.js';

export function sqlFileReader(framework: Framework): MigrationReader {
  return {
    framework,
    language: 'sql',
    detect: () => true,
    read: (input) => ({ up: input.sql(input.text, 1) }),
  };
}
