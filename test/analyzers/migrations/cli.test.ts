// End to end through the built CLI on real repositories: in every migration format, a dropped
// column, a renamed table and a NOT NULL column without default are reported with the rule id,
// severity, file and line, and the verdict is not safe.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, buildRepo, cli, twoReleases, type FileMap } from '../../support/repo.js';

interface Finding {
  ruleId: string;
  category: string;
  severity: string;
  path: string;
  line?: number;
  message: string;
  suppressed?: { reason: string };
}

const BASE: FileMap = { 'README.md': '# app\n' };

const DROP = 'email';
const RENAME = 'purchases';
const NOT_NULL = 'age';

const sql = (dir: string, name: (n: number, what: string) => string, head = '-- change\n', quote = '"'): FileMap => ({
  [`${dir}/${name(2, 'drop_email')}`]: `${head}ALTER TABLE users DROP COLUMN ${quote}email${quote};\n`,
  [`${dir}/${name(3, 'rename_orders')}`]: `${head}ALTER TABLE orders RENAME TO ${quote}purchases${quote};\n`,
  [`${dir}/${name(4, 'add_age')}`]: `${head}ALTER TABLE users ADD COLUMN ${quote}age${quote} integer NOT NULL;\n`,
});

const FORMATS: Record<string, FileMap> = {
  'plain SQL (PostgreSQL)': sql('db/migrations', (n, w) => `00${n}_${w}.sql`),
  'plain SQL (MySQL)': {
    'database/migrations/002_drop_email.sql': '-- change\nALTER TABLE `users` DROP COLUMN `email`;\n',
    'database/migrations/003_rename_orders.sql': '-- change\nRENAME TABLE `orders` TO `purchases`;\n',
    'database/migrations/004_add_age.sql': '-- change\nALTER TABLE `users` ADD COLUMN `age` INT UNSIGNED NOT NULL;\n',
  },
  'plain SQL (SQLite)': sql('migrate', (n, w) => `00${n}_${w}.sql`, 'PRAGMA foreign_keys=OFF;\n'),
  Prisma: {
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    ...Object.fromEntries(Object.entries(sql('prisma/migrations', (n, w) => `2024010${n}000000_${w}/migration.sql`, '-- AlterTable\n'))),
  },
  Flyway: sql('src/main/resources/db/migration', (n, w) => `V${n}__${w}.sql`),
  'golang-migrate': {
    ...sql('migrations', (n, w) => `00000${n}_${w}.up.sql`),
    'migrations/000002_drop_email.down.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
  },
  dbmate: sql('db/migrations', (n, w) => `2024010${n}000000_${w}.sql`, '-- migrate:up\n'),
  Drizzle: sql('drizzle', (n, w) => `000${n}_${w}.sql`, '-- generated\n'),
  knex: {
    'migrations/20240102000000_change.js': `exports.up = async function (knex) {\n  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('email');\n    table.integer('age').notNullable();\n  });\n  await knex.schema.renameTable('orders', 'purchases');\n};\n\nexports.down = async function (knex) {\n  await knex.schema.renameTable('purchases', 'orders');\n};\n`,
  },
  TypeORM: {
    'src/migrations/1704153600000-Change.ts': `import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Change1704153600000 implements MigrationInterface {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'email');\n    await queryRunner.query(\`ALTER TABLE "orders" RENAME TO "purchases"\`);\n    await queryRunner.addColumn('users', new TableColumn({ name: 'age', type: 'int' }));\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('users', 'age');\n  }\n}\n`,
  },
  Sequelize: {
    'migrations/20240102000000-change.js': `module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.removeColumn('users', 'email');\n    await queryInterface.renameTable('orders', 'purchases');\n    await queryInterface.addColumn('users', 'age', { type: Sequelize.INTEGER, allowNull: false });\n  },\n  async down(queryInterface) {\n    await queryInterface.renameTable('purchases', 'orders');\n  },\n};\n`,
  },
  MikroORM: {
    'src/migrations/Migration20240102000000.ts': `import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration20240102000000 extends Migration {\n  async up(): Promise<void> {\n    this.addSql('alter table "users" drop column "email";');\n    this.addSql('alter table "orders" rename to "purchases";');\n    this.addSql('alter table "users" add column "age" int not null;');\n  }\n}\n`,
  },
  Kysely: {
    'src/migrations/2024-01-02-change.ts': `import { Kysely, sql } from 'kysely';\n\nexport async function up(db: Kysely<any>): Promise<void> {\n  await db.schema.alterTable('users').dropColumn('email').execute();\n  await sql\`ALTER TABLE orders RENAME TO purchases\`.execute(db);\n  await db.schema.alterTable('users').addColumn('age', 'integer', (col) => col.notNull()).execute();\n}\n`,
  },
};

/** The file and line in `files` whose line holds the needle (and, for SQL files, a statement). */
function placeOf(files: FileMap, needle: RegExp): { path: string; line: number } {
  for (const [path, content] of Object.entries(files)) {
    if (typeof content !== 'string') continue;
    const lines = content.split('\n');
    const index = lines.findIndex((l) => needle.test(l));
    if (index !== -1) return { path, line: index + 1 };
  }
  throw new Error(`no line matches ${needle}`);
}

function analyse(
  from: FileMap,
  format = 'json',
): {
  code: number;
  stdout: string;
  report: { verdict: string; findings: Finding[]; stats: Record<string, number>; checklist: { id: string; status: string }[] };
} {
  const repo = twoReleases(BASE, { ...BASE, ...from });
  const run = cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', format]);
  const json = format === 'json' ? run : cli(['--repo', repo, '--from', 'v2', '--to', 'v1', '--format', 'json']);
  return { code: run.code, stdout: run.stdout, report: JSON.parse(json.stdout) };
}

describe('migrations end to end, through the CLI', () => {
  it.each(Object.entries(FORMATS))('%s: drop column, rename table, NOT NULL without default', (_name, files) => {
    const { code, report } = analyse(files);
    expect(code).toBe(0);
    expect(report.verdict).not.toBe('safe');
    const expectations: [string, RegExp, string[]][] = [
      [
        'drop-column',
        new RegExp(`drop.?column.*${DROP}|removeColumn|dropColumn\\('${DROP}'|dropColumn\\('users', '${DROP}'`, 'i'),
        ['critical'],
      ],
      ['rename-table', new RegExp(`${RENAME}`, 'i'), ['high', 'critical']],
      ['add-not-null-column', new RegExp(`${NOT_NULL}`, 'i'), ['high', 'critical']],
    ];
    for (const [ruleId, needle, severities] of expectations) {
      const where = placeOf(files, needle);
      const found = report.findings.filter((f) => f.ruleId === ruleId);
      expect(found, `${ruleId} in ${JSON.stringify(report.findings.map((f) => [f.ruleId, f.path, f.line]))}`).toHaveLength(1);
      expect(found[0]).toMatchObject({ category: 'destructive-migration', path: where.path, line: where.line });
      expect(severities).toContain(found[0]!.severity);
    }
  });

  it('reports the same findings in text and markdown', () => {
    const files = FORMATS['plain SQL (PostgreSQL)']!;
    const text = analyse(files, 'text').stdout;
    expect(text).toMatch(/^BLOCKED — risk \d+\/100$/m);
    expect(text).toMatch(/CRITICAL +db\/migrations\/002_drop_email\.sql:2 +\[drop-column\]/);
    expect(text).toMatch(/HIGH +db\/migrations\/003_rename_orders\.sql:2 +\[rename-table\]/);
    const markdown = analyse(files, 'markdown').stdout;
    expect(markdown).toMatch(/drop-column/);
    expect(markdown).toMatch(/add-not-null-column/);
  });

  it('gives nothing above low in destructive-migration for a purely additive release', () => {
    const { report } = analyse({
      'db/migrations/002_orders.sql':
        "CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users(id));\nCREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);\nALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\n",
      'migrations/20240102000000_more.js':
        "exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.string('nickname'); });\nexports.down = () => {};\n",
    });
    const above = report.findings.filter((f) => f.category === 'destructive-migration' && !['info', 'low'].includes(f.severity));
    expect(above).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'schema-left-behind')).toHaveLength(2);
    expect(report.stats.sqlParsed).toBeGreaterThan(0);
  });

  it('reports SQL it cannot read as unclassified, naming file and line', () => {
    const { report } = analyse({
      'db/migrations/002_weird.sql':
        'ALTER TABLE users ADD COLUMN bio text;\n\nMERGE INTO users u USING staging s ON u.id = s.id\n  WHEN MATCHED THEN UPDATE SET name = s.name;\n',
    });
    const unread = report.findings.filter((f) => f.category === 'unclassified');
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({ ruleId: 'migration-unread', severity: 'medium', path: 'db/migrations/002_weird.sql', line: 3 });
    expect(unread[0]!.message).toMatch(/SQL statement not understood/);
    expect(report.checklist.find((c) => c.id === 'database')?.status).toBe('manual');
    expect(report.verdict).not.toBe('safe');
  });

  it('reports a suppressed statement as suppressed, with the reason', () => {
    const { report } = analyse({
      'db/migrations/002_drop.sql':
        '-- rollback-ready-ignore drop-column: email moved to user_emails in 1.4, nothing reads it\nALTER TABLE users DROP COLUMN email;\n',
    });
    const drop = report.findings.find((f) => f.ruleId === 'drop-column');
    expect(drop).toMatchObject({ line: 2, suppressed: { reason: 'email moved to user_emails in 1.4, nothing reads it' } });
  });

  it('shows the destructive migration and the coupled change of the demo app', () => {
    const repo = buildRepo([
      { tree: join(FIXTURES, 'demo', 'v1.0.0'), tag: 'v1.0.0' },
      { tree: join(FIXTURES, 'demo', 'v1.1.0'), tag: 'v1.1.0' },
    ]);
    const report = JSON.parse(cli(['--repo', repo, '--from', 'v1.1.0', '--to', 'v1.0.0', '--format', 'json']).stdout);
    expect(report.verdict).toBe('blocked');
    const migrationFindings = report.findings
      .filter((f: Finding) => f.category === 'destructive-migration')
      .map((f: Finding) => [f.ruleId, f.severity, f.path, f.line]);
    expect(migrationFindings).toEqual([
      ['drop-column', 'critical', 'migrations/002_user_emails.sql', 9],
      ['coupled-change', 'high', 'migrations/002_user_emails.sql', 9],
    ]);
    expect(report.findings.find((f: Finding) => f.ruleId === 'coupled-change').message).toMatch(/src\/users\.ts/);
  });
});
