import { classifyStatement } from '../../parse/sql/classify.js';
import type { SchemaOp, SqlDialect } from '../../model/sql.js';
import type { SqlParser } from '../../parse/sql/parsed.js';
import { splitStatements } from '../../parse/sql/split.js';
import { append } from '../../util/arrays.js';

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
  append(into.ops, more.ops);
  append(into.unreadable, more.unreadable);
  into.parsed += more.parsed;
  into.fallback += more.fallback;
  return into;
}

/** Evidence: one line, at most 160 characters. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

/** Past this many statements in one script (a data dump), only the token reader runs: the parser costs too much. */
const PARSED_STATEMENTS = 5_000;

/** Reads a SQL script; `firstLine` is the line of the file where the script starts. */
export function readSql(text: string, firstLine: number, dialect: SqlDialect, parser: SqlParser | undefined): ReadResult {
  const result = emptyRead();
  let index = 0;
  for (const statement of splitStatements(text, { dialect })) {
    index++;
    const line = firstLine + statement.line - 1;
    if (statement.incomplete) {
      result.unreadable.push({
        line,
        statement: quote(statement.text),
        reason: `SQL that cannot be read to its end: ${statement.incomplete}`,
      });
      continue;
    }
    // Row inserts never change the schema; the token reader is enough and keeps dumps fast.
    const useParser = index <= PARSED_STATEMENTS && !/^INSERT\b/i.test(statement.code) ? parser : undefined;
    const classified = classifyStatement(statement.code, dialect, useParser);
    if (!classified) {
      result.unreadable.push({ line, statement: quote(statement.text), reason: `SQL statement not understood (${dialect})` });
      continue;
    }
    if ('opaque' in classified) {
      result.unreadable.push({ line, statement: quote(statement.text), reason: classified.opaque });
      continue;
    }
    if (classified.via === 'parser') result.parsed++;
    else result.fallback++;
    for (const op of classified.ops) result.ops.push({ op, line, statement: quote(statement.text), via: classified.via });
  }
  return result;
}
