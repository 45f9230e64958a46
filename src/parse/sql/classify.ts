import { classifyTokens, tokenize, whereOf, type Token } from './fallback.js';
import type { SchemaOp, SqlDialect } from '../../model/sql.js';
import { opaqueReason } from './opaque.js';
import { parseStatement, type SqlParser } from './parsed.js';

export type Classified =
  | {
      ops: SchemaOp[];
      /** Which reader understood the statement. */
      via: 'parser' | 'fallback';
    }
  /** Understood as something whose effect cannot be read without running it (a DO block, CALL, a user function). */
  | { opaque: string };

/** Statements the parser reads too coarsely: a WITH that hides a DELETE, REVOKE read as a grant, T-SQL's IF. */
const TOKENS_FIRST = new Set(['WITH', 'IF', 'REVOKE', 'EXEC', 'EXECUTE', 'SP_RENAME']);

/** What the parsers do not see: a WHERE that holds for every row, a CASCADE. */
function refine(ops: SchemaOp[], tokens: Token[]): SchemaOp[] {
  const cascade = tokens.some((t) => t.up === 'CASCADE');
  return ops.map((op) => {
    if (op.action === 'update' && setsNothing(tokens))
      return { action: 'other', table: op.table, name: `touches rows of ${op.table} without changing them` };
    if ((op.action === 'delete' || op.action === 'update') && op.where && whereOf(tokens) === 'always') return { ...op, where: false };
    if (
      cascade &&
      !op.cascade &&
      (op.action === 'drop-table' ||
        op.action === 'truncate' ||
        op.action === 'drop-schema' ||
        op.action === 'drop-object' ||
        op.action === 'drop-column')
    )
      return { ...op, cascade: true };
    return op;
  });
}

/** `UPDATE t SET a = a, b = b …`: every column set to itself (done to fire triggers); nothing changes. */
function setsNothing(tokens: Token[]): boolean {
  const set = tokens.findIndex((t) => t.up === 'SET');
  if (set === -1) return false;
  const end = tokens.findIndex((t, k) => k > set && (t.up === 'WHERE' || t.up === 'FROM' || t.up === 'RETURNING'));
  const assignments: Token[][] = [[]];
  for (const t of tokens.slice(set + 1, end === -1 ? tokens.length : end)) {
    if (t.up === ',') assignments.push([]);
    else assignments[assignments.length - 1]!.push(t);
  }
  return assignments.every(
    (a) => a.length === 3 && a[1]!.up === '=' && a[0]!.up === a[2]!.up && a[0]!.kind !== 'string' && a[2]!.kind !== 'string',
  );
}

/** Statement heads that start a statement of their own; inside a routine, rule or CTE they are its body. */
const SECOND_STATEMENT: [string, string][] = [
  ['ALTER', 'TABLE'],
  ['CREATE', 'TABLE'],
  ['CREATE', 'INDEX'],
  ['CREATE', 'UNIQUE'],
  ['DROP', 'TABLE'],
  ['DROP', 'VIEW'],
  ['DROP', 'SCHEMA'],
  ['TRUNCATE', 'TABLE'],
  ['DELETE', 'FROM'],
  ['INSERT', 'INTO'],
  ['RENAME', 'TABLE'],
];
// T-SQL's `IF <condition> <statement>` holds the statement it guards.
const HOLDS_STATEMENTS =
  /^\s*(?:IF\b|CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TRIGGER|PROCEDURE|PROC|FUNCTION|EVENT|RULE|CONSTRAINT\s+TRIGGER)\b|WITH\b|EXPLAIN\b|DO\b)/i;

/**
 * Two statements without a delimiter between them (a `GO` read in a dialect that has none, a forgotten `;`): the token
 * reader would read the first and silently drop the second, so the statement is not read.
 */
function runTogether(tokens: Token[]): string | undefined {
  if (tokens.length < 4) return undefined;
  const head = tokens
    .slice(0, 6)
    .map((t) => t.raw)
    .join(' ');
  if (HOLDS_STATEMENTS.test(head)) return undefined;
  let depth = 0;
  for (let k = 0; k < tokens.length - 1; k++) {
    const up = tokens[k]!.up;
    if (up === '(') depth++;
    else if (up === ')') depth--;
    else if (
      k >= 2 &&
      depth === 0 &&
      tokens[k]!.kind === 'word' &&
      SECOND_STATEMENT.some(([a, b]) => up === a && tokens[k + 1]!.up === b)
    ) {
      return `a second statement (${tokens[k]!.raw} ${tokens[k + 1]!.raw}) runs on without a delimiter: what it does was not read`;
    }
  }
  return undefined;
}

/**
 * The parser first (node-sql-parser); the token reader for what it rejects or reads too coarsely (a WITH that
 * hides a DELETE); undefined when neither understands.
 */
/** A routine or view is judged by its head; its body (which may be megabytes of nested blocks) is not tokenized. */
const ROUTINE =
  /^\s*CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TRIGGER|PROCEDURE|PROC|FUNCTION|EVENT|VIEW|MATERIALIZED\s+VIEW)\b/i;
const HEAD = 4096;

export function classifyStatement(code: string, dialect: SqlDialect, parser: SqlParser | undefined): Classified | undefined {
  const tokens = tokenize(code.length > HEAD && ROUTINE.test(code.slice(0, 200)) ? code.slice(0, HEAD) : code);
  const head = tokens[0]?.up;
  const joined = runTogether(tokens);
  if (joined) return { opaque: joined };
  const opaque = opaqueReason(tokens);
  if (opaque && head !== 'SELECT' && head !== 'WITH' && head !== 'VALUES') return { opaque };
  let result: { ops: SchemaOp[]; via: 'parser' | 'fallback' } | undefined;
  if (parser && !TOKENS_FIRST.has(head ?? '') && dialect !== 'clickhouse' && dialect !== 'sqlserver') {
    const ops = parseStatement(parser, code, dialect);
    if (ops) result = { ops: refine(ops, tokens), via: 'parser' };
  }
  if (!result) {
    const ops = classifyTokens(tokens);
    if (ops) result = { ops: refine(ops, tokens), via: 'fallback' };
  }
  // A query that changes nothing itself may still call a function that does.
  if (opaque && (!result || result.ops.every((op) => op.action === 'other'))) return { opaque };
  return result;
}
