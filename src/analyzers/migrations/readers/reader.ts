// One reader per migration format: it says whether a file is its kind, and reads the part the
// release applies (up) and, when the same file holds it, the part that undoes it (down).
import type { ts as TsNamespace } from 'ts-morph';
import type { Framework } from '../../../model/facts/migrations.js';
import type { SqlDialect } from '../../../model/sql.js';
import type { ReadResult } from '../read-sql.js';

export interface ReaderInput {
  path: string;
  text: string;
  dialect: SqlDialect;
  /** Reads SQL text in the file's dialect; `firstLine` is the line of the file where it starts. */
  sql(text: string, firstLine: number): ReadResult;
  /** TS/JS migrations: the TypeScript API and the file's syntax tree, parsed on first use. */
  ts?: typeof TsNamespace;
  tree?: () => TsNamespace.SourceFile;
}

export interface MigrationRead {
  up: ReadResult;
  /**
   * The part that undoes it in the same file; `empty` when it is there and does nothing; `refuses` with the text of
   * what it throws when it throws before doing anything (a migration its authors declared irreversible).
   */
  down?: ReadResult & { line: number; empty: boolean; refuses?: string };
  /** The file only loads the SQL files beside it (db-migrate's `sqls/`): those are the migration. */
  loader?: boolean;
}

export interface MigrationReader {
  framework: Framework;
  /** What files it reads: SQL text, TS/JS scripts, or XML. */
  language: 'sql' | 'script' | 'xml';
  /** True when the file, known to be a migration of this language, is this reader's kind. */
  detect(path: string, text: string): boolean;
  read(input: ReaderInput): MigrationRead;
}

export interface Section {
  text: string;
  /** Line of the file where the section's text starts. */
  line: number;
}

/** Up and down sections of a SQL file, marked by comment lines (dbmate, goose, sql-migrate). */
export function markedSections(text: string, up: RegExp, down: RegExp, blank: RegExp[] = []): { up: Section; down?: Section } {
  const lines = text.split('\n');
  const upAt = lines.findIndex((l) => up.test(l));
  const downAt = lines.findIndex((l) => down.test(l));
  // Marker lines that are not SQL (StatementBegin/End) are blanked, keeping line numbers.
  const clean = (l: string) => (blank.some((b) => b.test(l)) ? '' : l);
  const section = (from: number, to: number): Section => ({
    text: lines
      .slice(from + 1, to)
      .map(clean)
      .join('\n'),
    line: from + 2,
  });
  if (downAt === -1) return { up: section(upAt, lines.length) };
  if (downAt < upAt) return { up: section(upAt, lines.length), down: section(downAt, upAt) };
  return { up: section(upAt, downAt), down: section(downAt, lines.length) };
}

/** Reads an up section and a down section of SQL. */
export function readSections(input: ReaderInput, sections: { up: Section; down?: Section }): MigrationRead {
  const up = input.sql(sections.up.text, sections.up.line);
  if (!sections.down) return { up };
  const empty = sections.down.text.trim() === '' || /^\s*(?:--[^\n]*\s*)*$/.test(sections.down.text);
  return { up, down: { ...input.sql(sections.down.text, sections.down.line), line: sections.down.line, empty } };
}
