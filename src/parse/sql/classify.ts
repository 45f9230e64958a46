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
    if ((op.action === 'delete' || op.action === 'update') && op.where && whereOf(tokens) === 'always') return { ...op, where: false };
    if (cascade && !op.cascade && (op.action === 'drop-table' || op.action === 'truncate' || op.action === 'drop-schema' || op.action === 'drop-object' || op.action === 'drop-column')) return { ...op, cascade: true };
    return op;
  });
}

/**
 * The parser first (node-sql-parser); the token reader for what it rejects or reads too coarsely (a WITH that
 * hides a DELETE); undefined when neither understands.
 */
/** A routine or view is judged by its head; its body (which may be megabytes of nested blocks) is not tokenized. */
const ROUTINE = /^\s*CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TRIGGER|PROCEDURE|PROC|FUNCTION|EVENT|VIEW|MATERIALIZED\s+VIEW)\b/i;
const HEAD = 4096;

export function classifyStatement(code: string, dialect: SqlDialect, parser: SqlParser | undefined): Classified | undefined {
  const tokens = tokenize(code.length > HEAD && ROUTINE.test(code.slice(0, 200)) ? code.slice(0, HEAD) : code);
  const head = tokens[0]?.up;
  const opaque = opaqueReason(tokens);
  if (opaque && head !== 'SELECT' && head !== 'WITH' && head !== 'VALUES') return { opaque };
  let result: { ops: SchemaOp[]; via: 'parser' | 'fallback' } | undefined;
  if (parser && !TOKENS_FIRST.has(head ?? '') && dialect !== 'clickhouse' && dialect !== 'sqlserver') {
    const ops = parseStatement(parser, code, dialect);
    if (ops) result = { ops: refine(ops, tokens), via: 'parser' };
  }
  if (!result) {
    const ops = classifyTokens(tokens);
    if (ops) result = { ops, via: 'fallback' };
  }
  // A query that changes nothing itself may still call a function that does.
  if (opaque && (!result || result.ops.every((op) => op.action === 'other'))) return { opaque };
  return result;
}
