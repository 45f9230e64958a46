import { classifyTokens } from './fallback.js';
import type { SchemaOp, SqlDialect } from '../../model/sql.js';
import { parseStatement, type SqlParser } from './parsed.js';

export interface Classified {
  ops: SchemaOp[];
  /** Which reader understood the statement. */
  via: 'parser' | 'fallback';
}

/** node-sql-parser first; the token reader for what it rejects; undefined when neither understands. */
export function classifyStatement(code: string, dialect: SqlDialect, parser: SqlParser | undefined): Classified | undefined {
  if (parser) {
    const ops = parseStatement(parser, code, dialect);
    if (ops) return { ops, via: 'parser' };
  }
  const ops = classifyTokens(code);
  return ops ? { ops, via: 'fallback' } : undefined;
}
