import type { SqlDialect } from '../../model/sql.js';

const MYSQL = [
  /`/,
  /\/\*!\d*/,
  /\bENGINE\s*=/i,
  /\bAUTO_INCREMENT\b/i,
  /\bUNSIGNED\b/i,
  /\bMODIFY\s+(?:COLUMN\s+)?\w/i,
  /\bCHANGE\s+(?:COLUMN\s+)?\w/i,
  /\bDELIMITER\b/i,
  /\bCHARSET\b/i,
  /\bTINYINT\b/i,
  /\bDATETIME\(\d\)/i,
];
const SQLSERVER = [
  /^[ \t]*GO[ \t]*$/im,
  /\bNVARCHAR\b/i,
  /\bsp_rename\b/i,
  /\[dbo\]/i,
  /\bIDENTITY\s*\(/i,
  /\bUNIQUEIDENTIFIER\b/i,
  /\bDATETIME2\b/i,
  /\bOBJECT_ID\s*\(/i,
];
const CLICKHOUSE = [
  /\bENGINE\s*=\s*\w*MergeTree\b/i,
  /\bON\s+CLUSTER\b/i,
  /\bLowCardinality\s*\(/,
  /\bNullable\s*\(/,
  /\bDateTime64\b/,
  /\bSimpleAggregateFunction\s*\(/,
  /\bAggregateFunction\s*\(/,
  /\b(?:U?Int(?:8|16|32|64)|Float(?:32|64))\b/,
  /\bString\b/,
];
const SQLITE = [/\bAUTOINCREMENT\b/i, /\bPRAGMA\b/i, /\bWITHOUT\s+ROWID\b/i, /\bsqlite_/i];
const POSTGRES = [
  /\$\w*\$/,
  /::\w/,
  /\bSERIAL\b/i,
  /\bJSONB\b/i,
  /\bCONCURRENTLY\b/i,
  /\bTIMESTAMPTZ\b/i,
  /\bCREATE\s+EXTENSION\b/i,
  /\bALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i,
  /\bCREATE\s+TYPE\b[^;]*\bAS\s+ENUM\b/i,
  /\bplpgsql\b/i,
  /\bpublic\./i,
];

/** Guesses the dialect of a script from the syntax only one dialect uses; PostgreSQL when nothing tells. */
export function detectDialect(text: string): SqlDialect {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // DELIMITER is a command of the mysql client alone, and its `$$` would otherwise look like PostgreSQL.
  if (/^[ \t]*DELIMITER[ \t]+\S/im.test(sample)) return 'mysql';
  const score = (patterns: RegExp[]) => patterns.filter((p) => p.test(sample)).length;
  // Ties go to the dialect listed first: ClickHouse's ENGINE = MergeTree also looks like MySQL's ENGINE =.
  const scores: [SqlDialect, number][] = [
    ['clickhouse', score(CLICKHOUSE)],
    ['sqlserver', score(SQLSERVER)],
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
