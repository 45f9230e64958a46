import type { SqlDialect } from '../../model/sql.js';

const MYSQL = [/`/, /\bENGINE\s*=/i, /\bAUTO_INCREMENT\b/i, /\bUNSIGNED\b/i, /\bMODIFY\s+(?:COLUMN\s+)?\w/i, /\bCHANGE\s+(?:COLUMN\s+)?\w/i, /\bDELIMITER\b/i, /\bCHARSET\b/i, /\bTINYINT\b/i, /\bDATETIME\(\d\)/i];
const SQLITE = [/\bAUTOINCREMENT\b/i, /\bPRAGMA\b/i, /\bWITHOUT\s+ROWID\b/i, /\bsqlite_/i];
const POSTGRES = [/\$\w*\$/, /::\w/, /\bSERIAL\b/i, /\bJSONB\b/i, /\bCONCURRENTLY\b/i, /\bTIMESTAMPTZ\b/i, /\bCREATE\s+EXTENSION\b/i, /\bALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i, /\bCREATE\s+TYPE\b[^;]*\bAS\s+ENUM\b/i, /\bplpgsql\b/i, /\bpublic\./i];

/** Guesses the dialect of a script from the syntax only one dialect uses; PostgreSQL when nothing tells. */
export function detectDialect(text: string): SqlDialect {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const score = (patterns: RegExp[]) => patterns.filter((p) => p.test(sample)).length;
  const scores: [SqlDialect, number][] = [
    ['postgresql', score(POSTGRES)],
    ['mysql', score(MYSQL)],
    ['sqlite', score(SQLITE)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0]![1] > 0 ? scores[0]![0] : 'postgresql';
}

/** The dialect a Prisma `migration_lock.toml` names, if it is one this tool reads. */
export function prismaProvider(toml: string): SqlDialect | undefined {
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(toml)?.[1]?.toLowerCase();
  if (provider === 'postgresql' || provider === 'postgres' || provider === 'cockroachdb') return 'postgresql';
  if (provider === 'mysql') return 'mysql';
  if (provider === 'sqlite') return 'sqlite';
  return undefined;
}
