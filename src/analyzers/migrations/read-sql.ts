import { classifyStatement } from '../../parse/sql/classify.js';
import type { SchemaOp, SqlDialect } from '../../model/sql.js';
import type { SqlParser } from '../../parse/sql/parsed.js';
import { splitStatements } from '../../parse/sql/split.js';

export interface ReadOp {
  op: SchemaOp;
  line: number;
  statement: string;
  via: 'parser' | 'fallback' | 'builder';
}

export interface ReadResult {
  ops: ReadOp[];
  unreadable: { line: number; statement: string; reason: string }[];
  parsed: number;
  fallback: number;
}

export const emptyRead = (): ReadResult => ({ ops: [], unreadable: [], parsed: 0, fallback: 0 });

export function merge(into: ReadResult, more: ReadResult): ReadResult {
  into.ops.push(...more.ops);
  into.unreadable.push(...more.unreadable);
  into.parsed += more.parsed;
  into.fallback += more.fallback;
  return into;
}

/** Evidence: one line, at most 160 characters. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

/** Reads a SQL script; `firstLine` is the line of the file where the script starts. */
/** Past this many statements in one script (a data dump), only the token reader runs: the parser costs too much. */
const PARSED_STATEMENTS = 5_000;

export function readSql(text: string, firstLine: number, dialect: SqlDialect, parser: SqlParser | undefined): ReadResult {
  const result = emptyRead();
  let index = 0;
  for (const statement of splitStatements(text, { mysql: dialect === 'mysql' })) {
    index++;
    const line = firstLine + statement.line - 1;
    if (/^DO\b/i.test(statement.code)) {
      result.unreadable.push({ line, statement: quote(statement.text), reason: 'a procedural DO block: what it changes cannot be read without running it' });
      continue;
    }
    // Row inserts never change the schema; the token reader is enough and keeps dumps fast.
    const useParser = index <= PARSED_STATEMENTS && !/^INSERT\b/i.test(statement.code) ? parser : undefined;
    const classified = classifyStatement(statement.code, dialect, useParser);
    if (!classified) {
      result.unreadable.push({ line, statement: quote(statement.text), reason: `SQL statement not understood (${dialect})` });
      continue;
    }
    if (classified.via === 'parser') result.parsed++;
    else result.fallback++;
    for (const op of classified.ops) result.ops.push({ op, line, statement: quote(statement.text), via: classified.via });
  }
  return result;
}

/** dbmate's two sections, with the line each starts at. */
export function dbmateSections(text: string): { up: { text: string; line: number }; down?: { text: string; line: number } } {
  const lines = text.split('\n');
  const upAt = lines.findIndex((l) => /^--\s*migrate:up\b/.test(l));
  const downAt = lines.findIndex((l) => /^--\s*migrate:down\b/.test(l));
  const section = (from: number, to: number) => ({ text: lines.slice(from + 1, to).join('\n'), line: from + 2 });
  if (downAt === -1) return { up: section(upAt, lines.length) };
  if (downAt < upAt) return { up: section(upAt, lines.length), down: section(downAt, upAt) };
  return { up: section(upAt, downAt), down: section(downAt, lines.length) };
}
