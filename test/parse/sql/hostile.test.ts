// SQL written to slip past the reader: each dialect's own comment rules, statements that hide writes,
// and SQL that cannot be read to its end. Nothing here may be read as harmless.
import { beforeAll, describe, expect, it } from 'vitest';
import { readSql, type ReadResult } from '../../../src/analyzers/migrations/read-sql.js';
import { loadSqlParser, type SqlParser } from '../../../src/parse/sql/parsed.js';
import { splitStatements } from '../../../src/parse/sql/split.js';
import { ident, type SqlDialect } from '../../../src/model/sql.js';
import { detectDialect } from '../../../src/parse/sql/dialect.js';

let parser: SqlParser;
beforeAll(async () => {
  parser = await loadSqlParser();
});

const read = (sql: string, dialect: SqlDialect = 'postgresql'): ReadResult => readSql(sql, 1, dialect, parser);
const actions = (r: ReadResult) => r.ops.map((o) => `${o.op.action} ${o.op.table ?? o.op.name ?? ''}`.trim());

describe('comments by dialect', () => {
  it('MySQL runs what is inside an executable comment', () => {
    expect(actions(read('/*!50000 DROP TABLE t */;', 'mysql'))).toEqual(['drop-table t']);
    expect(actions(read('/*!40101 SET NAMES utf8 */;\n/*M!100100 DROP TABLE orders */;', 'mysql'))).toEqual([
      'other sets a session option',
      'drop-table orders',
    ]);
    // In PostgreSQL the same text is a comment.
    expect(actions(read('/*!50000 DROP TABLE t */ SELECT 1;', 'postgresql'))).toEqual(['other reads data']);
  });

  it('MySQL needs a space after --: `--1` is not a comment', () => {
    const r = read('SELECT 1 --1;\nDROP TABLE t;', 'mysql');
    expect(actions(r)).toEqual(['other reads data', 'drop-table t']);
    // In PostgreSQL the comment hides the `;`: `SELECT 1 DROP TABLE t` is two statements run together, not read.
    const pg = read('SELECT 1 --1;\nDROP TABLE t;', 'postgresql');
    expect(actions(pg)).toEqual([]);
    expect(pg.unreadable.map((u) => u.reason)).toEqual([
      expect.stringMatching(/a second statement \(DROP TABLE\) runs on without a delimiter/),
    ]);
  });

  it('block comments nest in PostgreSQL, not in MySQL', () => {
    const text = '/* outer /* inner */ DROP TABLE t; */ SELECT 1;';
    expect(actions(read(text, 'postgresql'))).toEqual(['other reads data']);
    expect(actions(read('/* /* */ DROP TABLE t;', 'mysql'))).toEqual(['drop-table t']);
    expect(actions(read('/* /* */ DROP TABLE t;', 'sqlite'))).toEqual(['drop-table t']);
  });
});

describe('statements that hide writes', () => {
  it('a data-modifying CTE deletes, updates or inserts', () => {
    expect(read('WITH d AS (DELETE FROM users RETURNING *) SELECT count(*) FROM d;').ops.map((o) => o.op)).toEqual([
      { action: 'delete', table: 'users', where: false },
    ]);
    expect(
      actions(read("WITH u AS (UPDATE orders SET state = 'x' WHERE id > 3 RETURNING id) INSERT INTO audit SELECT id FROM u;")),
    ).toEqual(['update orders', 'insert audit']);
  });

  it('a WHERE that holds for every row is no WHERE', () => {
    for (const where of ['true', '1=1', "'a' = 'a'", '1', 'TRUE OR id = 3', '(1 = 1)']) {
      expect(read(`DELETE FROM users WHERE ${where};`).ops[0]!.op, where).toMatchObject({ action: 'delete', where: false });
      expect(read(`UPDATE users SET x = 1 WHERE ${where};`).ops[0]!.op, where).toMatchObject({ action: 'update', where: false });
    }
    for (const where of ['id = 3', 'false', '1 = 0', 'status IS NULL'])
      expect(read(`DELETE FROM users WHERE ${where};`).ops[0]!.op, where).toMatchObject({ where: true });
  });

  it('a procedure call, a DO block or a query calling a user function is not read, whatever the dialect', () => {
    for (const [sql, dialect] of [
      ['CALL wipe();', 'postgresql'],
      ['CALL wipe();', 'mysql'],
      ['EXEC dbo.wipe;', 'sqlserver'],
      ['SELECT wipe_all();', 'postgresql'],
      ["SELECT create_hypertable('events', 'at');", 'postgresql'],
      ['WITH x AS (SELECT 1) SELECT reporting.refresh_all() FROM x;', 'postgresql'],
      ["DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$;", 'postgresql'],
    ] as const) {
      const r = read(sql, dialect);
      expect(r.ops, sql).toEqual([]);
      expect(r.unreadable, sql).toHaveLength(1);
      expect(r.unreadable[0]!.reason, sql).toMatch(/cannot be read without running it/);
    }
    // Built-in functions read and change nothing.
    expect(read("SELECT setval('invoice_no', 1000); SELECT count(*), max(id) FROM users;").unreadable).toEqual([]);
  });
});

describe('SQL that cannot be read to its end is not read', () => {
  it.each([
    [
      'an unterminated dollar quote',
      'SELECT 1;\nCREATE FUNCTION f() RETURNS void AS $$ BEGIN DROP TABLE users; END;\nDROP TABLE orders;',
      'postgresql',
      2,
      /dollar quote \$\$ is never closed/,
    ],
    [
      'an unterminated block comment',
      'ALTER TABLE users ADD COLUMN bio text;\n/* DROP TABLE orders;',
      'postgresql',
      2,
      /\/\* comment is never closed/,
    ],
    [
      'an unterminated string',
      "UPDATE users SET name = 'x WHERE id = 1;\nDROP TABLE orders;",
      'postgresql',
      1,
      /string opened with ' is never closed/,
    ],
    [
      'a procedure without END that swallows a later DROP',
      'CREATE PROCEDURE p() BEGIN SELECT 1;\nDROP TABLE t;',
      'mysql',
      1,
      /BEGIN … END body is never closed/,
    ],
    [
      'a DELIMITER never set back',
      'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END;\nDROP TABLE users;',
      'mysql',
      2,
      /without the delimiter \$\$/,
    ],
    ['an executable comment never closed', '/*!50000 DROP TABLE t;', 'mysql', 1, /executable \/\*! comment is never closed/],
  ] as const)('%s', (_name, sql, dialect, line, reason) => {
    const r = read(sql, dialect);
    expect(r.unreadable.map((u) => u.line)).toContain(line);
    expect(r.unreadable.map((u) => u.reason).join('\n')).toMatch(reason);
  });

  it('a file that sets DELIMITER is MySQL, even when its delimiter is $$', () => {
    expect(detectDialect('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n')).toBe('mysql');
  });

  it('a routine with a huge body is judged by its head, and what follows it is read', () => {
    const body = 'BEGIN\n'.repeat(20_000) + 'SELECT 1;\n' + 'END\n'.repeat(20_000);
    const r = read(`DELIMITER $$\nCREATE PROCEDURE p()\n${body}$$\nDELIMITER ;\nDROP TABLE users;`, 'mysql');
    expect(r.unreadable).toEqual([]);
    expect(actions(r)).toEqual(['create-object p', 'drop-table users']);
  });

  it('a routine closed properly is read, and what follows it too', () => {
    const r = read('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nDROP TABLE users;', 'mysql');
    expect(r.unreadable).toEqual([]);
    expect(actions(r)).toEqual(['create-object p', 'drop-table users']);
  });
});

describe('SQL Server batches and renames', () => {
  it('GO ends a batch and sp_rename renames', () => {
    const r = read(
      "ALTER TABLE [dbo].[users] ADD [age] int NULL\nGO\nEXEC sp_rename 'dbo.users.name', 'full_name', 'COLUMN'\nGO\nEXEC sp_rename 'orders', 'purchases';\nGO\n",
      'sqlserver',
    );
    expect(r.ops.map((o) => o.op)).toEqual([
      { action: 'add-column', table: 'users', column: 'age', notNull: false, hasDefault: false },
      { action: 'rename-column', table: 'users', column: 'name', to: 'full_name' },
      { action: 'rename-table', table: 'orders', to: 'purchases' },
    ]);
    expect(splitStatements('SELECT 1\ngo\nSELECT 2\nGO 3\n', { dialect: 'sqlserver' }).map((s) => s.line)).toEqual([1, 3]);
  });
});

describe('quoted names', () => {
  it('keep their spaces and dots', () => {
    expect(ident('"a b c"')).toBe('a b c');
    expect(ident('"a.b"')).toBe('a.b');
    expect(ident('public."a.b"')).toBe('a.b');
    expect(ident('[dbo].[a b]')).toBe('a b');
    expect(read('ALTER TABLE "a.b" DROP COLUMN "x y";').ops[0]!.op).toMatchObject({ action: 'drop-column', table: 'a.b', column: 'x y' });
    expect(read('DROP TABLE "a b c";').ops[0]!.op).toMatchObject({ action: 'drop-table', table: 'a b c' });
  });
});
