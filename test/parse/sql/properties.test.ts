// Property tests: the splitter and the classifiers never throw and always finish, whatever the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../../src/parse/sql/classify.js';
import { detectDialect } from '../../../src/parse/sql/dialect.js';
import { classifyTokens, tokenize } from '../../../src/parse/sql/fallback.js';
import { loadSqlParser } from '../../../src/parse/sql/parsed.js';
import { splitStatements } from '../../../src/parse/sql/split.js';
import { suppressionsIn } from '../../../src/parse/suppressions.js';
import { readSql } from '../../../src/analyzers/migrations/read-sql.js';
import { markedSections } from '../../../src/analyzers/migrations/readers/reader.js';
import { SQL_DIALECTS } from '../../../src/model/sql.js';

// SQL-ish input: fragments that open and close quotes, comments, dollar quotes and blocks.
const fragment = fc.constantFrom(
  'ALTER',
  'TABLE',
  'users',
  'DROP',
  'COLUMN',
  'RENAME',
  'TO',
  'ADD',
  'NOT',
  'NULL',
  'DEFAULT',
  'CREATE',
  'INDEX',
  'ON',
  'TYPE',
  'VALUE',
  'BEGIN',
  'END',
  'CASE',
  'TRIGGER',
  'FUNCTION',
  'DELIMITER $$',
  '$$',
  '$tag$',
  ';',
  ',',
  '(',
  ')',
  "'",
  '"',
  '`',
  '--',
  '/*',
  '*/',
  '\n',
  ' ',
  '#',
  '\\',
  'DELETE FROM',
  'WHERE',
  '.',
);
const sqlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(' ')),
  fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join('')),
);

describe('SQL reading never throws and terminates', () => {
  it('splitStatements: every statement has a line within the input and non-empty code', () => {
    fc.assert(
      fc.property(sqlish, fc.constantFrom(...SQL_DIALECTS), (text, dialect) => {
        const lines = text.split('\n').length;
        for (const s of splitStatements(text, { dialect })) {
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lines);
          if (!s.incomplete) expect(s.code.trim()).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splitStatements keeps statements that hold no delimiter of their own', () => {
    const statement = fc
      .array(fc.constantFrom('ALTER', 'TABLE', 'users', 'DROP', 'COLUMN', 'x', "'a;b'", '$$c;d$$', '"q;r"'), { minLength: 1, maxLength: 8 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 10 }), (statements) => {
        const split = splitStatements(statements.join(';\n'));
        expect(split.map((s) => s.text)).toEqual(statements);
      }),
      { numRuns: 300 },
    );
  });

  it('an incomplete DROP TYPE is not read (it goes to review), a complete one drops the type', () => {
    // Found by the property below (seed 560421530): `DROP TYPE` alone was read as a statement that does nothing.
    expect(classifyTokens('DROP TYPE')).toBeUndefined();
    expect(classifyTokens('DROP TYPE IF EXISTS')).toBeUndefined();
    expect(classifyTokens('DROP TYPE mood, status')).toEqual([
      { action: 'drop-object', object: 'type', name: 'mood' },
      { action: 'drop-object', object: 'type', name: 'status' },
    ]);
  });

  it('tokenize, classifyTokens, detectDialect, suppressionsIn, markedSections', () => {
    fc.assert(
      fc.property(sqlish, (text) => {
        expect(() => tokenize(text)).not.toThrow();
        const ops = classifyTokens(text);
        if (ops) expect(ops.length).toBeGreaterThan(0);
        expect(SQL_DIALECTS).toContain(detectDialect(text));
        expect(() => suppressionsIn('m.sql', text)).not.toThrow();
        expect(markedSections(`-- migrate:up\n${text}`, /^-- migrate:up/, /^-- migrate:down$/).up.line).toBe(2);
      }),
      { numRuns: 500 },
    );
  });

  it('classifyStatement with node-sql-parser, and readSql, in every dialect', async () => {
    const parser = await loadSqlParser();
    fc.assert(
      fc.property(sqlish, fc.constantFrom(...SQL_DIALECTS), (text, dialect) => {
        const got = classifyStatement(text, dialect, parser);
        if (got && 'via' in got) expect(['parser', 'fallback']).toContain(got.via);
        const read = readSql(text, 1, dialect, parser);
        // Every statement is counted once: read by the parser, by the token reader, or not read.
        expect(read.parsed + read.fallback + read.unreadable.length).toBe(splitStatements(text, { dialect }).length);
        for (const u of read.unreadable) expect(u.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a 10 MB dump in bounded time without the parser choking', async () => {
    const parser = await loadSqlParser();
    const row = "INSERT INTO logs (id, msg) VALUES (1, 'x;y');\n";
    const dump = row.repeat(Math.ceil((10 * 1024 * 1024) / row.length));
    const read = readSql(`CREATE TABLE logs (id int, msg text);\n${dump}`, 1, 'postgresql', parser);
    expect(read.unreadable).toEqual([]);
    expect(read.ops.length).toBeGreaterThan(200_000);
  });
});
