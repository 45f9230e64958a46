// Reads the common DDL and DML on tokens, for the statements the parsers reject or do not know
// (PostgreSQL RENAME COLUMN, ALTER TYPE … ADD VALUE, DROP FUNCTION, ClickHouse, SQL Server …).
// Returns undefined for what it does not understand: the caller reports it, never passes it as safe.
import { ident, type ConstraintKind, type SchemaOp } from '../../model/sql.js';

export interface Token {
  /** Upper-case word, or the punctuation itself. */
  up: string;
  /** As written (identifiers unquoted). */
  raw: string;
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isWordChar = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 36;

export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = code.length;
  while (i < n) {
    const ch = code[i]!;
    const cc = code.charCodeAt(i);
    if (isSpace(cc)) {
      i++;
      continue;
    }
    if (ch === "'" || ((ch === 'N' || ch === 'n' || ch === 'E' || ch === 'e') && code[i + 1] === "'")) {
      const open = ch === "'" ? i : i + 1;
      let j = open + 1;
      while (j < n && !(code[j] === "'" && code[j + 1] !== "'")) j += code[j] === "'" ? 2 : 1;
      tokens.push({ up: 'STRING', raw: code.slice(open + 1, j).replace(/''/g, "'"), kind: 'string' });
      i = j + 1;
      continue;
    }
    if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = code.indexOf(close, i + 1);
      if (j === -1) j = n;
      const raw = code.slice(i + 1, j);
      tokens.push({ up: raw.toUpperCase(), raw, kind: 'quoted' });
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(code.slice(i, i + 66));
      if (tag) {
        const close = code.indexOf(tag[0], i + tag[0].length);
        const end = close === -1 ? n : close + tag[0].length;
        tokens.push({ up: 'STRING', raw: code.slice(i + tag[0].length, close === -1 ? n : close), kind: 'string' });
        i = end;
        continue;
      }
    }
    if (isWordStart(cc)) {
      let j = i + 1;
      while (j < n && isWordChar(code.charCodeAt(j))) j++;
      const raw = code.slice(i, j);
      tokens.push({ up: raw.toUpperCase(), raw, kind: 'word' });
      i = j;
      continue;
    }
    if (cc >= 48 && cc <= 57) {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(code[j]!)) j++;
      tokens.push({ up: code.slice(i, j), raw: code.slice(i, j), kind: 'number' });
      i = j;
      continue;
    }
    tokens.push({ up: ch, raw: ch, kind: 'punct' });
    i++;
  }
  return tokens;
}

class Cursor {
  i = 0;
  constructor(readonly t: Token[]) {}
  peek(k = 0): string {
    return this.t[this.i + k]?.up ?? '';
  }
  done(): boolean {
    return this.i >= this.t.length;
  }
  rest(): Token[] {
    return this.t.slice(this.i);
  }
  /** Consumes the words if they come next. */
  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.t[this.i + k]?.up !== words[k]) return false;
    this.i += words.length;
    return true;
  }
  /** A possibly qualified name (`schema.table`), unquoted and lower-cased. */
  name(): string | undefined {
    const first = this.t[this.i];
    if (!first || (first.kind !== 'word' && first.kind !== 'quoted')) return undefined;
    let last = first;
    this.i++;
    while (this.peek() === '.' && this.t[this.i + 1] && (this.t[this.i + 1]!.kind === 'word' || this.t[this.i + 1]!.kind === 'quoted')) {
      last = this.t[this.i + 1]!;
      this.i += 2;
    }
    const raw = last.raw;
    return last.kind === 'quoted' ? (raw === '' ? undefined : raw.toLowerCase()) : ident(raw);
  }
  /** ClickHouse `ON CLUSTER name`. */
  skipCluster(): void {
    if (this.accept('ON', 'CLUSTER') && this.name() === undefined) this.i++;
  }
  /** Skips a parenthesised group if one comes next. */
  skipGroup(): void {
    if (this.peek() !== '(') return;
    let depth = 0;
    while (!this.done()) {
      const up = this.peek();
      this.i++;
      if (up === '(') depth++;
      else if (up === ')' && --depth === 0) return;
    }
  }
  /** Tokens up to the next comma at depth 0 (the comma is consumed). */
  clause(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    while (!this.done()) {
      const tok = this.t[this.i]!;
      if (tok.up === '(') depth++;
      if (tok.up === ')') depth--;
      if (tok.up === ',' && depth === 0) {
        this.i++;
        break;
      }
      out.push(tok);
      this.i++;
    }
    return out;
  }
}

const hasWord = (tokens: Token[], ...seq: string[]) => tokens.some((_, k) => seq.every((w, m) => tokens[k + m]?.up === w));
const endsWithCascade = (tokens: Token[]) => tokens.some((t) => t.up === 'CASCADE');

/** Column flags from the tokens of a column definition. */
export function columnFlags(tokens: Token[]): {
  notNull: boolean;
  hasDefault: boolean;
  unique: boolean;
  references: string | undefined;
  check: boolean;
} {
  const ref = tokens.findIndex((t) => t.up === 'REFERENCES');
  return {
    notNull: hasWord(tokens, 'NOT', 'NULL') || hasWord(tokens, 'PRIMARY', 'KEY'),
    hasDefault:
      hasWord(tokens, 'DEFAULT') ||
      hasWord(tokens, 'GENERATED') ||
      hasWord(tokens, 'AUTO_INCREMENT') ||
      hasWord(tokens, 'AUTOINCREMENT') ||
      hasWord(tokens, 'IDENTITY') ||
      tokens.some((t) => /^(BIG|SMALL)?SERIAL[248]?$/.test(t.up)),
    unique: hasWord(tokens, 'UNIQUE'),
    references: ref === -1 ? undefined : (new Cursor(tokens.slice(ref + 1)).name() ?? '?'),
    check: hasWord(tokens, 'CHECK'),
  };
}

const TYPE_STOP = new Set([
  'NOT',
  'NULL',
  'DEFAULT',
  'USING',
  'COLLATE',
  'PRIMARY',
  'UNIQUE',
  'REFERENCES',
  'CHECK',
  'CONSTRAINT',
  'AUTO_INCREMENT',
  'COMMENT',
  'AFTER',
  'FIRST',
  'GENERATED',
  'CODEC',
  'TTL',
  'IDENTITY',
]);
const typeText = (tokens: Token[]) => {
  const stop = tokens.findIndex((t) => TYPE_STOP.has(t.up));
  return (stop === -1 ? tokens : tokens.slice(0, stop))
    .map((t) => (t.kind === 'punct' ? t.raw : ` ${t.raw}`))
    .join('')
    .trim()
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')')
    .toLowerCase();
};

/** Names in a parenthesised list: `(a, "b")` → a, b. */
function groupNames(tokens: Token[]): string[] {
  const open = tokens.findIndex((t) => t.up === '(');
  if (open === -1) return [];
  const out: string[] = [];
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.up === '(') depth++;
    else if (t.up === ')' && --depth === 0) break;
    else if (depth === 1 && (t.kind === 'word' || t.kind === 'quoted') && (tokens[k - 1]?.up === '(' || tokens[k - 1]?.up === ','))
      out.push(t.kind === 'quoted' ? t.raw.toLowerCase() : t.raw.toLowerCase());
  }
  return out;
}

function alterTable(c: Cursor): SchemaOp[] | undefined {
  c.accept('IF', 'EXISTS');
  c.accept('ONLY');
  const table = c.name();
  if (!table) return undefined;
  c.skipCluster();
  // DROP / TRUNCATE PARTITION take a list of partitions, not a list of actions.
  if ((c.peek() === 'DROP' || c.peek() === 'TRUNCATE') && c.peek(1) === 'PARTITION') {
    c.i += 2;
    return partitions(c).map((p) => ({ action: 'truncate', table, partition: p }));
  }
  const ops: SchemaOp[] = [];
  while (!c.done()) {
    const clause = new Cursor(c.clause());
    const op = alterAction(clause, table);
    if (!op) return undefined;
    ops.push(...op);
  }
  return ops.length > 0 ? ops : undefined;
}

const CONSTRAINT_KINDS: Record<string, ConstraintKind | 'index'> = {
  UNIQUE: 'unique',
  CHECK: 'check',
  FOREIGN: 'foreign-key',
  PRIMARY: 'primary-key',
  EXCLUDE: 'exclude',
  INDEX: 'index',
  KEY: 'index',
};

function alterAction(c: Cursor, table: string): SchemaOp[] | undefined {
  if (c.accept('ADD')) {
    let name: string | undefined;
    if (c.accept('CONSTRAINT')) name = c.name();
    const kind = CONSTRAINT_KINDS[c.peek()];
    if (kind === 'index' || (kind === 'unique' && c.peek(1) !== '(' && (c.peek(1) === 'INDEX' || c.peek(1) === 'KEY'))) {
      // MySQL ADD INDEX / ADD UNIQUE KEY: an index (the unique one is a constraint too).
      if (kind === 'unique') {
        c.i += 2;
        const index = name ?? (c.peek() === '(' ? undefined : c.name());
        return [
          { action: 'add-constraint', table, constraint: 'unique', name: index, column: groupNames(c.rest()).join(', ') || undefined },
        ];
      }
      c.i++;
      const index = c.peek() === '(' ? undefined : c.name();
      return [{ action: 'create-index', table, name: index, columns: groupNames(c.rest()) }];
    }
    if (kind) {
      const rest = c.rest();
      const column = groupNames(rest).join(', ');
      const ref = rest.findIndex((t) => t.up === 'REFERENCES');
      return [
        {
          action: 'add-constraint',
          table,
          constraint: kind,
          name,
          column: column || undefined,
          ...(ref !== -1 ? { references: new Cursor(rest.slice(ref + 1)).name() } : {}),
          ...(hasWord(rest, 'NOT', 'VALID') ? { notValid: true } : {}),
        },
      ];
    }
    if (c.peek() === 'PROJECTION' || c.peek() === 'STATISTICS')
      return [{ action: 'other', table, name: `adds a ${c.peek().toLowerCase()} to ${table}` }];
    c.accept('COLUMN');
    c.accept('IF', 'NOT', 'EXISTS');
    const column = c.name();
    if (!column) return undefined;
    const rest = c.rest();
    const flags = columnFlags(rest);
    const ops: SchemaOp[] = [{ action: 'add-column', table, column, notNull: flags.notNull, hasDefault: flags.hasDefault }];
    if (flags.unique) ops.push({ action: 'add-constraint', table, column, constraint: 'unique' });
    if (flags.references) ops.push({ action: 'add-constraint', table, column, constraint: 'foreign-key', references: flags.references });
    if (flags.check) ops.push({ action: 'add-constraint', table, column, constraint: 'check' });
    return ops;
  }
  if (c.accept('DROP')) {
    const cascade = endsWithCascade(c.rest()) || undefined;
    if (c.accept('CONSTRAINT') || c.accept('CHECK')) {
      c.accept('IF', 'EXISTS');
      return [{ action: 'drop-constraint', table, name: c.name(), cascade }];
    }
    if (c.accept('FOREIGN', 'KEY')) return [{ action: 'drop-constraint', table, name: c.name(), constraint: 'foreign-key' }];
    if (c.accept('PRIMARY', 'KEY')) return [{ action: 'drop-constraint', table, name: 'primary key', constraint: 'primary-key' }];
    if (c.accept('INDEX') || c.accept('KEY')) {
      c.accept('IF', 'EXISTS');
      return [{ action: 'drop-index', table, name: c.name() }];
    }
    if (c.accept('PARTITION')) return partitions(c).map((p) => ({ action: 'truncate', table, partition: p }));
    if (c.peek() === 'PROJECTION' || c.peek() === 'STATISTICS')
      return [{ action: 'other', table, name: `drops a ${c.peek().toLowerCase()} of ${table}` }];
    c.accept('COLUMN');
    c.accept('IF', 'EXISTS');
    const column = c.name();
    return column ? [{ action: 'drop-column', table, column, cascade }] : undefined;
  }
  if (c.accept('RENAME')) {
    if (c.accept('TO') || c.accept('AS')) {
      const to = c.name();
      return to ? [{ action: 'rename-table', table, to }] : undefined;
    }
    if (c.accept('CONSTRAINT')) return [{ action: 'other', table, name: 'renames a constraint' }];
    if (c.accept('INDEX') || c.accept('KEY')) return [{ action: 'other', table, name: 'renames an index' }];
    c.accept('COLUMN');
    c.accept('IF', 'EXISTS');
    const column = c.name();
    if (!column || !c.accept('TO')) return undefined;
    const to = c.name();
    return to ? [{ action: 'rename-column', table, column, to }] : undefined;
  }
  if (c.accept('ALTER')) {
    c.accept('COLUMN');
    const column = c.name();
    if (!column) return undefined;
    if (c.accept('SET', 'NOT', 'NULL')) return [{ action: 'set-not-null', table, column }];
    if (c.accept('DROP', 'NOT', 'NULL')) return [{ action: 'drop-not-null', table, column }];
    if (c.accept('SET', 'DEFAULT')) return [{ action: 'set-default', table, column }];
    if (c.accept('DROP', 'DEFAULT')) return [{ action: 'drop-default', table, column }];
    if (c.accept('TYPE') || c.accept('SET', 'DATA', 'TYPE'))
      return [{ action: 'change-column-type', table, column, dataType: typeText(c.rest()) }];
    if (c.peek() === 'SET' || c.peek() === 'ADD' || c.peek() === 'DROP' || c.peek() === 'RESET' || c.peek() === 'RESTART')
      return [{ action: 'other', table, column, name: `alters column ${table}.${column}` }];
    // SQL Server: ALTER COLUMN c nvarchar(100) NOT NULL — the full new definition.
    if (c.t[c.i]?.kind === 'word') return modified(table, column, column, c.rest());
    return undefined;
  }
  if (c.accept('MODIFY')) {
    if (c.peek() === 'TTL' || c.peek() === 'SETTING' || c.peek() === 'ORDER' || c.peek() === 'COMMENT' || c.peek() === 'QUERY')
      return [{ action: 'other', table, name: `alters table ${table} (modify ${c.peek().toLowerCase()})` }];
    c.accept('COLUMN');
    c.accept('IF', 'EXISTS');
    const column = c.name();
    if (!column) return undefined;
    if (c.peek() === 'COMMENT' || c.peek() === 'CODEC' || c.peek() === 'TTL' || c.peek() === 'REMOVE' || c.done())
      return [{ action: 'other', table, column, name: `alters column ${table}.${column}` }];
    return modified(table, column, column, c.rest());
  }
  if (c.accept('CHANGE')) {
    c.accept('COLUMN');
    const column = c.name();
    const to = c.name();
    if (!column || !to) return undefined;
    return modified(table, column, to, c.rest());
  }
  if (c.accept('SET', 'SCHEMA')) {
    const schema = c.name();
    return schema ? [{ action: 'set-schema', table, to: schema }] : undefined;
  }
  if (c.accept('DETACH', 'PARTITION')) return [{ action: 'detach-partition', table, name: c.name() }];
  if (c.accept('TRUNCATE', 'PARTITION')) return partitions(c).map((p) => ({ action: 'truncate', table, partition: p }));
  if (c.accept('ENABLE', 'ROW', 'LEVEL', 'SECURITY') || c.accept('FORCE', 'ROW', 'LEVEL', 'SECURITY'))
    return [{ action: 'enable-rls', table }];
  if (c.accept('DISABLE', 'TRIGGER')) {
    const which = c.peek();
    const name = which === 'ALL' || which === 'USER' ? undefined : c.name();
    return [{ action: 'disable-trigger', table, name }];
  }
  // ClickHouse mutations: rows deleted or rewritten in place.
  if (c.accept('DELETE')) return [{ action: 'delete', table, where: whereOf(c.rest()) === 'some' }];
  if (c.accept('UPDATE')) return [{ action: 'update', table, where: whereOf(c.rest()) === 'some' }];
  if (c.accept('CLEAR', 'COLUMN')) {
    c.accept('IF', 'EXISTS');
    const column = c.name();
    return column ? [{ action: 'update', table, where: false, name: `clears column ${table}.${column}` }] : undefined;
  }
  const head = c.peek();
  if (
    [
      'OWNER',
      'ENABLE',
      'DISABLE',
      'SET',
      'RESET',
      'FORCE',
      'NO',
      'CLUSTER',
      'INHERIT',
      'REPLICA',
      'VALIDATE',
      'ATTACH',
      'ENGINE',
      'DEFAULT',
      'CHARACTER',
      'CONVERT',
      'COMMENT',
      'AUTO_INCREMENT',
      'ALGORITHM',
      'LOCK',
      'ORDER',
      'OF',
      'NOT',
      'MATERIALIZE',
      'FREEZE',
      'UNFREEZE',
      'ROW_FORMAT',
      'CHECKSUM',
    ].includes(head)
  ) {
    return [{ action: 'other', table, name: `alters table ${table} (${head.toLowerCase()})` }];
  }
  return undefined;
}

function partitions(c: Cursor): string[] {
  const out: string[] = [];
  while (!c.done()) {
    const t = c.t[c.i]!;
    c.i++;
    if (t.kind === 'word' || t.kind === 'quoted' || t.kind === 'string' || t.kind === 'number') out.push(t.raw);
    if (c.peek() !== ',') break;
    c.i++;
  }
  return out.length ? out : ['?'];
}

/** MySQL MODIFY/CHANGE, SQL Server ALTER COLUMN: a new full definition, so a rename, a type change and nullability at once. */
function modified(table: string, column: string, to: string, rest: Token[]): SchemaOp[] {
  const ops: SchemaOp[] = [];
  if (to !== column) ops.push({ action: 'rename-column', table, column, to });
  const flags = columnFlags(rest);
  ops.push({ action: 'change-column-type', table, column: to, dataType: typeText(rest) });
  if (flags.notNull && !flags.hasDefault) ops.push({ action: 'set-not-null', table, column: to });
  return ops;
}

const DROPPABLE: [string[], string][] = [
  [['MATERIALIZED', 'VIEW'], 'materialized view'],
  [['VIEW'], 'view'],
  [['FUNCTION'], 'function'],
  [['PROCEDURE'], 'procedure'],
  [['PROC'], 'procedure'],
  [['ROUTINE'], 'function'],
  [['TRIGGER'], 'trigger'],
  [['TYPE'], 'type'],
  [['DOMAIN'], 'domain'],
  [['SEQUENCE'], 'sequence'],
  [['EXTENSION'], 'extension'],
  [['POLICY'], 'policy'],
  [['RULE'], 'rule'],
  [['EVENT'], 'event'],
  [['AGGREGATE'], 'function'],
  [['ROLE'], 'role'],
  [['USER'], 'user'],
  [['DICTIONARY'], 'dictionary'],
  [['COLLATION'], 'collation'],
  [['PUBLICATION'], 'publication'],
  [['SUBSCRIPTION'], 'subscription'],
  [['SYNONYM'], 'synonym'],
  [['SERVER'], 'server'],
  [['FOREIGN', 'TABLE'], 'foreign table'],
];

function names(c: Cursor): string[] {
  const out: string[] = [];
  for (;;) {
    const name = c.name();
    if (!name) break;
    out.push(name);
    c.skipGroup();
    if (!c.accept(',')) break;
  }
  return out;
}

function drop(c: Cursor): SchemaOp[] | undefined {
  const cascade = endsWithCascade(c.rest()) || undefined;
  const temporary = c.accept('TEMPORARY') || c.accept('TEMP');
  if (c.accept('TABLE')) {
    c.accept('IF', 'EXISTS');
    const tables = names(c);
    if (tables.length === 0) return undefined;
    return tables.map((table) =>
      temporary ? { action: 'other', table, name: `drops temporary table ${table}` } : { action: 'drop-table', table, cascade },
    );
  }
  if (c.accept('SCHEMA') || c.accept('DATABASE')) {
    const object = c.t[c.i - 1]!.up.toLowerCase();
    c.accept('IF', 'EXISTS');
    const list = names(c);
    return list.length ? list.map((name) => ({ action: 'drop-schema', object, name, cascade })) : undefined;
  }
  if (c.accept('UNIQUE')) c.accept('INDEX');
  else if (!c.accept('INDEX')) {
    for (const [words, object] of DROPPABLE) {
      if (!c.accept(...words)) continue;
      c.accept('IF', 'EXISTS');
      const list = names(c);
      let table: string | undefined;
      if ((object === 'trigger' || object === 'policy' || object === 'rule') && c.accept('ON')) table = c.name();
      // Without a name the statement is incomplete: not read, so it goes to review rather than doing nothing.
      return list.length ? list.map((name) => ({ action: 'drop-object', object, name, table, cascade })) : undefined;
    }
    return undefined;
  }
  const concurrently = c.accept('CONCURRENTLY');
  c.accept('IF', 'EXISTS');
  const list = names(c);
  let table: string | undefined;
  if (c.accept('ON')) table = c.name();
  return list.length ? list.map((name) => ({ action: 'drop-index', name, table, concurrently, cascade })) : undefined;
}

function create(c: Cursor): SchemaOp[] | undefined {
  c.accept('OR', 'REPLACE');
  c.accept('OR', 'ALTER');
  if (c.peek() === 'DEFINER') {
    while (!c.done() && !['TRIGGER', 'PROCEDURE', 'FUNCTION', 'VIEW', 'EVENT'].includes(c.peek())) c.i++;
  }
  const temporary = c.accept('TEMPORARY') || c.accept('TEMP') || c.accept('GLOBAL', 'TEMPORARY') || c.accept('LOCAL', 'TEMPORARY');
  c.accept('UNLOGGED');
  c.accept('VIRTUAL');
  if (c.accept('TABLE')) {
    c.accept('IF', 'NOT', 'EXISTS');
    const table = c.name();
    if (!table) return undefined;
    if (temporary) return [{ action: 'other', name: `creates temporary table ${table}` }];
    const rest = c.rest();
    const references = rest.flatMap((t, k) => (t.up === 'REFERENCES' ? [new Cursor(rest.slice(k + 1)).name() ?? '?'] : []));
    return [{ action: 'create-table', table, ...(references.length ? { references } : {}) }];
  }
  const unique = c.accept('UNIQUE');
  if (!c.accept('CLUSTERED')) c.accept('NONCLUSTERED');
  if (c.accept('INDEX')) {
    const concurrently = c.accept('CONCURRENTLY');
    c.accept('IF', 'NOT', 'EXISTS');
    const name = c.peek() === 'ON' ? undefined : c.name();
    if (!c.accept('ON')) return undefined;
    c.accept('ONLY');
    const table = c.name();
    return table ? [{ action: 'create-index', table, name, concurrently, unique, columns: groupNames(c.rest()) }] : undefined;
  }
  if (c.accept('TRIGGER') || c.accept('CONSTRAINT', 'TRIGGER')) {
    c.accept('IF', 'NOT', 'EXISTS');
    const name = c.name();
    const rest = c.rest();
    const on = rest.findIndex((t) => t.up === 'ON');
    return [{ action: 'create-trigger', name, table: on === -1 ? undefined : new Cursor(rest.slice(on + 1)).name() }];
  }
  if (c.accept('POLICY')) {
    const name = c.name();
    if (!c.accept('ON')) return undefined;
    const table = c.name();
    return table ? [{ action: 'create-policy', table, name }] : undefined;
  }
  const kinds: [string[], string][] = [
    [['MATERIALIZED', 'VIEW'], 'materialized view'],
    [['RECURSIVE', 'VIEW'], 'view'],
    [['VIEW'], 'view'],
    [['LIVE', 'VIEW'], 'view'],
    [['FUNCTION'], 'function'],
    [['PROCEDURE'], 'procedure'],
    [['PROC'], 'procedure'],
    [['TYPE'], 'type'],
    [['DOMAIN'], 'domain'],
    [['SEQUENCE'], 'sequence'],
    [['EXTENSION'], 'extension'],
    [['SCHEMA'], 'schema'],
    [['DATABASE'], 'database'],
    [['ROLE'], 'role'],
    [['USER'], 'user'],
    [['EVENT'], 'event'],
    [['AGGREGATE'], 'function'],
    [['COLLATION'], 'collation'],
    [['PUBLICATION'], 'publication'],
    [['STATISTICS'], 'statistics'],
    [['DICTIONARY'], 'dictionary'],
    [['SYNONYM'], 'synonym'],
  ];
  for (const [words, object] of kinds) {
    if (!c.accept(...words)) continue;
    c.accept('IF', 'NOT', 'EXISTS');
    const name = c.name();
    c.skipCluster();
    // ClickHouse: CREATE MATERIALIZED VIEW v TO target AS SELECT …: the rows live in the target table.
    const to = object === 'materialized view' && c.accept('TO') ? c.name() : undefined;
    return [{ action: 'create-object', object, name, ...(to ? { to } : {}) }];
  }
  return undefined;
}

function alterType(c: Cursor): SchemaOp[] | undefined {
  const name = c.name();
  if (!name) return undefined;
  if (c.accept('ADD', 'VALUE')) {
    c.accept('IF', 'NOT', 'EXISTS');
    const value = c.t[c.i];
    return value?.kind === 'string' ? [{ action: 'enum-add-value', name, to: value.raw }] : undefined;
  }
  if (c.accept('RENAME', 'VALUE')) {
    const old = c.t[c.i];
    c.i++;
    if (!c.accept('TO')) return undefined;
    const value = c.t[c.i];
    return old?.kind === 'string' && value?.kind === 'string'
      ? [{ action: 'enum-rename-value', name, from: old.raw, to: value.raw }]
      : undefined;
  }
  if (c.accept('DROP', 'VALUE')) {
    const value = c.t[c.i];
    return value?.kind === 'string' ? [{ action: 'enum-drop-value', name, to: value.raw }] : undefined;
  }
  if (c.accept('RENAME', 'TO')) {
    const to = c.name();
    return to ? [{ action: 'drop-object', object: 'type', name, to }] : undefined;
  }
  if (c.peek() === 'OWNER' || c.peek() === 'SET' || c.peek() === 'ADD' || c.peek() === 'ALTER')
    return [{ action: 'other', name: `alters type ${name}` }];
  return undefined;
}

export type WhereKind = 'none' | 'always' | 'some';

/** A WHERE at the top level of the statement, and whether it is one that holds for every row (`WHERE true`, `WHERE 1=1`). */
export function whereOf(tokens: Token[]): WhereKind {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.up === '(') depth++;
    else if (t.up === ')') depth--;
    else if (depth === 0 && t.up === 'WHERE') return alwaysTrue(tokens.slice(k + 1)) ? 'always' : 'some';
  }
  return 'none';
}

const LITERAL_WORDS = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT', 'IS']);
const STOP_WORDS = new Set(['RETURNING', 'ORDER', 'LIMIT', 'OFFSET', 'SETTINGS', 'OPTION']);

/** A condition that reads no column and is not plainly false: it holds for every row. An OR with such a branch too. */
function alwaysTrue(tokens: Token[]): boolean {
  const end = tokens.findIndex((t) => STOP_WORDS.has(t.up));
  const condition = end === -1 ? tokens : tokens.slice(0, end);
  const branches: Token[][] = [[]];
  let depth = 0;
  for (const t of condition) {
    if (t.up === '(') depth++;
    else if (t.up === ')') depth--;
    if (depth === 0 && t.up === 'OR') branches.push([]);
    else branches[branches.length - 1]!.push(t);
  }
  const constant = (branch: Token[]) =>
    branch.length > 0 &&
    branch.every(
      (t) => t.kind === 'number' || t.kind === 'string' || t.kind === 'punct' || (t.kind === 'word' && LITERAL_WORDS.has(t.up)),
    ) &&
    !isPlainlyFalse(branch);
  return branches.some(constant);
}

function isPlainlyFalse(branch: Token[]): boolean {
  const text = branch
    .map((t) => (t.kind === 'string' ? `'${t.raw}'` : t.up))
    .join(' ')
    .replace(/[()]/g, '')
    .trim();
  if (/^(?:FALSE|0|NULL|NOT TRUE)$/.test(text) || /\bAND (?:FALSE|0)\b/.test(text) || /^(?:FALSE|0) AND\b/.test(text)) return true;
  const cmp = /^(\S+) (=|<>|!=|<|>) (\S+)$/.exec(text.replace(/ ([<>!]) = /, ' $1= '));
  if (!cmp) return false;
  const [, a, op, b] = cmp;
  const num = (s: string) => (/^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : undefined);
  const x = num(a!);
  const y = num(b!);
  switch (op) {
    case '=':
      return a !== b;
    case '<>':
    case '!=':
      return a === b;
    case '<':
      return x !== undefined && y !== undefined && !(x < y);
    case '>':
      return x !== undefined && y !== undefined && !(x > y);
  }
  return false;
}

/** Data-modifying statements inside a WITH (PostgreSQL CTEs like `WITH d AS (DELETE … RETURNING *)`) and the main one after it. */
function withStatement(c: Cursor): SchemaOp[] {
  const ops: SchemaOp[] = [];
  const tokens = c.t;
  for (let k = c.i; k < tokens.length; k++) {
    const up = tokens[k]!.up;
    const prev = tokens[k - 1]?.up;
    // A DML keyword that starts a statement: after `(` (a CTE body) or at the top level after the CTE list.
    if (prev !== '(' && prev !== ')') continue;
    if (up === 'DELETE' || up === 'UPDATE' || up === 'INSERT') {
      const inner = new Cursor(sliceStatement(tokens, k, prev === '('));
      const read = dml(inner);
      if (read) ops.push(...read);
    }
  }
  return ops;
}

/** The tokens of a statement starting at `k`: to its closing parenthesis when it sits in one, else to the end. */
function sliceStatement(tokens: Token[], k: number, parenthesised: boolean): Token[] {
  if (!parenthesised) return tokens.slice(k);
  let depth = 0;
  for (let m = k; m < tokens.length; m++) {
    if (tokens[m]!.up === '(') depth++;
    else if (tokens[m]!.up === ')' && --depth < 0) return tokens.slice(k, m);
  }
  return tokens.slice(k);
}

function dml(c: Cursor): SchemaOp[] | undefined {
  if (c.accept('DELETE')) {
    // MySQL: DELETE t1 FROM t1 JOIN …
    if (c.peek() !== 'FROM' && c.peek(1) === 'FROM') c.i++;
    c.accept('FROM');
    c.accept('ONLY');
    const table = c.name();
    return table ? [{ action: 'delete', table, where: whereOf(c.rest()) === 'some' }] : undefined;
  }
  if (c.accept('UPDATE')) {
    c.accept('ONLY');
    const table = c.name();
    if (!table) return undefined;
    const rest = c.rest();
    const set = rest.findIndex((t) => t.up === 'SET');
    const from = hasTopLevel(set === -1 ? rest : rest.slice(set), 'FROM') || rest.slice(0, Math.max(set, 0)).some((t) => t.up === 'JOIN');
    return [{ action: 'update', table, where: whereOf(rest) === 'some', ...(from ? { from: true } : {}) }];
  }
  if (c.accept('INSERT') || c.accept('REPLACE') || c.accept('UPSERT')) {
    c.accept('IGNORE');
    c.accept('INTO');
    c.accept('TABLE');
    const table = c.name();
    return table ? [{ action: 'insert', table }] : undefined;
  }
  return undefined;
}

function hasTopLevel(tokens: Token[], word: string): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.up === '(') depth++;
    else if (t.up === ')') depth--;
    else if (depth === 0 && t.up === word) return true;
  }
  return false;
}

/** SQL Server's `EXEC sp_rename 'users.name', 'full_name', 'COLUMN'`. */
function spRename(c: Cursor): SchemaOp[] | undefined {
  const args = c
    .rest()
    .filter((t) => t.kind === 'string')
    .map((t) => t.raw);
  if (args.length < 2) return undefined;
  const [from, to, kind] = args as [string, string, string | undefined];
  const parts = from.split('.').map((p) => ident(p) ?? p);
  const target = ident(to) ?? to;
  const what = kind?.toUpperCase();
  if (what === 'COLUMN' && parts.length >= 2)
    return [{ action: 'rename-column', table: parts[parts.length - 2]!, column: parts[parts.length - 1]!, to: target }];
  if (what === 'INDEX' || what === 'STATISTICS') return [{ action: 'other', name: `renames index ${parts[parts.length - 1]}` }];
  if (what === undefined || what === 'OBJECT') return [{ action: 'rename-table', table: parts[parts.length - 1]!, to: target }];
  return undefined;
}

const HARMLESS: [string[], string][] = [
  [['SET'], 'sets a session option'],
  [['RESET'], 'resets a session option'],
  [['GRANT'], 'grants privileges'],
  [['COMMENT', 'ON'], 'sets a comment'],
  [['BEGIN'], 'starts a transaction'],
  [['START', 'TRANSACTION'], 'starts a transaction'],
  [['COMMIT'], 'commits'],
  [['END'], 'commits'],
  [['ROLLBACK'], 'rolls back'],
  [['SAVEPOINT'], 'a savepoint'],
  [['RELEASE'], 'releases a savepoint'],
  [['PRAGMA'], 'sets a SQLite pragma'],
  [['USE'], 'selects a database'],
  [['LOCK'], 'locks tables'],
  [['UNLOCK'], 'unlocks tables'],
  [['ANALYZE'], 'updates statistics'],
  [['VACUUM'], 'vacuums'],
  [['REFRESH', 'MATERIALIZED', 'VIEW'], 'refreshes a materialized view'],
  [['REINDEX'], 'rebuilds indexes'],
  [['CLUSTER'], 'clusters a table'],
  [['NOTIFY'], 'sends a notification'],
  [['SHOW'], 'shows a setting'],
  [['EXPLAIN'], 'explains a query'],
  [['OPTIMIZE'], 'optimizes a table'],
  [['SYSTEM'], 'runs a ClickHouse system command'],
  [['PRINT'], 'prints a message'],
];

export function classifyTokens(code: string | Token[]): SchemaOp[] | undefined {
  const c = new Cursor(typeof code === 'string' ? tokenize(code) : code);
  if (c.done()) return undefined;
  // SQL Server: IF <condition> <statement>; the statement is what runs.
  if (c.peek() === 'IF' && c.peek(1) !== 'EXISTS') {
    c.i++;
    let depth = 0;
    while (!c.done()) {
      const up = c.peek();
      if (up === '(') depth++;
      else if (up === ')') depth--;
      else if (
        depth === 0 &&
        ['DROP', 'ALTER', 'CREATE', 'EXEC', 'EXECUTE', 'DELETE', 'UPDATE', 'INSERT', 'TRUNCATE', 'BEGIN'].includes(up)
      )
        break;
      c.i++;
    }
    if (c.done()) return undefined;
    c.accept('BEGIN');
    return classifyTokens(
      c
        .rest()
        .map((t) => (t.kind === 'quoted' ? `"${t.raw}"` : t.kind === 'string' ? `'${t.raw.replace(/'/g, "''")}'` : t.raw))
        .join(' ')
        .replace(/\bEND\s*$/i, ''),
    );
  }
  if (c.accept('ALTER', 'TABLE')) return alterTable(c);
  if (c.accept('ALTER', 'TYPE')) return alterType(c);
  if (c.accept('ALTER', 'SCHEMA')) {
    const name = c.name();
    if (name && c.accept('RENAME', 'TO')) {
      const to = c.name();
      return to ? [{ action: 'rename-schema', name, to }] : undefined;
    }
    return name ? [{ action: 'other', name: `alters schema ${name}` }] : undefined;
  }
  if (c.accept('ALTER', 'DOMAIN')) {
    const name = c.name();
    if (!name) return undefined;
    if (c.accept('ADD')) {
      if (c.accept('CONSTRAINT')) c.name();
      return [
        {
          action: 'add-constraint',
          table: name,
          constraint: c.peek() === 'NOT' ? 'not-null' : 'check',
          domain: true,
          ...(hasWord(c.rest(), 'NOT', 'VALID') ? { notValid: true } : {}),
        },
      ];
    }
    if (c.accept('SET', 'NOT', 'NULL')) return [{ action: 'add-constraint', table: name, constraint: 'not-null', domain: true }];
    return [{ action: 'other', name: `alters domain ${name}` }];
  }
  if (c.accept('DROP')) return drop(c);
  if (c.accept('CREATE')) return create(c);
  if (c.accept('RENAME', 'TABLE')) {
    const ops: SchemaOp[] = [];
    for (;;) {
      const table = c.name();
      if (!table || !c.accept('TO')) return undefined;
      const to = c.name();
      if (!to) return undefined;
      ops.push({ action: 'rename-table', table, to });
      c.skipCluster();
      if (!c.accept(',')) break;
    }
    return ops;
  }
  if (c.accept('EXCHANGE', 'TABLES')) {
    const a = c.name();
    if (!a || !c.accept('AND')) return undefined;
    const b = c.name();
    return b
      ? [
          { action: 'rename-table', table: a, to: b },
          { action: 'rename-table', table: b, to: a },
        ]
      : undefined;
  }
  if (c.accept('TRUNCATE')) {
    c.accept('TABLE');
    c.accept('IF', 'EXISTS');
    c.accept('ONLY');
    const cascade = endsWithCascade(c.rest()) || undefined;
    const list = names(c);
    return list.length ? list.map((table) => ({ action: 'truncate', table, cascade })) : undefined;
  }
  if (c.peek() === 'DELETE' || c.peek() === 'UPDATE' || c.peek() === 'INSERT' || c.peek() === 'REPLACE' || c.peek() === 'UPSERT')
    return dml(c);
  if (c.accept('WITH')) {
    const ops = withStatement(c);
    return ops.length > 0 ? ops : [{ action: 'other', name: 'a query' }];
  }
  if (c.accept('REVOKE')) {
    const rest = c.rest();
    const on = rest.findIndex((t) => t.up === 'ON');
    const from = rest.findIndex((t) => t.up === 'FROM');
    const what = rest
      .slice(0, on === -1 ? (from === -1 ? rest.length : from) : on)
      .map((t) => t.raw)
      .join(' ')
      .replace(/ ,/g, ',');
    const target =
      on === -1
        ? undefined
        : new Cursor(
            rest.slice(on + 1).filter((t) => t.up !== 'TABLE' && t.up !== 'ALL' && t.up !== 'TABLES' && t.up !== 'IN' && t.up !== 'SCHEMA'),
          ).name();
    const who = from === -1 ? undefined : new Cursor(rest.slice(from + 1)).name();
    return [{ action: 'revoke', name: what.toLowerCase() || undefined, table: target, to: who }];
  }
  if (c.accept('EXEC') || c.accept('EXECUTE')) {
    if (c.peek() === 'SP_RENAME' || (c.peek(1) === '.' && c.t[c.i + 2]?.up === 'SP_RENAME')) {
      while (!c.done() && c.peek() !== 'SP_RENAME') c.i++;
      c.i++;
      return spRename(c);
    }
    return undefined;
  }
  if (c.peek() === 'SP_RENAME') {
    c.i++;
    return spRename(c);
  }
  if (
    c.peek() === 'ALTER' &&
    [
      'INDEX',
      'SEQUENCE',
      'VIEW',
      'FUNCTION',
      'DATABASE',
      'EXTENSION',
      'ROLE',
      'USER',
      'DEFAULT',
      'POLICY',
      'TRIGGER',
      'MATERIALIZED',
      'PROCEDURE',
      'PROC',
    ].includes(c.peek(1))
  ) {
    const what = c.t[c.i + 1]!.raw.toLowerCase();
    c.i += 2;
    if (what === 'materialized') c.accept('VIEW');
    c.accept('IF', 'EXISTS');
    const name = c.name();
    if ((what === 'view' || what === 'materialized') && name && c.accept('RENAME', 'TO')) {
      const to = c.name();
      return to ? [{ action: 'drop-object', object: what === 'view' ? 'view' : 'materialized view', name, to }] : undefined;
    }
    return [{ action: 'other', name: `alters ${what} ${name ?? ''}`.trim() }];
  }
  if (c.accept('SELECT') || c.accept('VALUES') || c.accept('TABLE')) return [{ action: 'other', name: 'reads data' }];
  for (const [words, what] of HARMLESS) if (c.accept(...words)) return [{ action: 'other', name: what }];
  return undefined;
}
