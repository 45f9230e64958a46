// Reads the common DDL and DML on tokens, for the statements node-sql-parser rejects
// (PostgreSQL RENAME COLUMN, ALTER TYPE … ADD VALUE, DROP FUNCTION, …). Returns undefined
// for what it does not understand: the caller reports it, never passes it as safe.
import { ident, type SchemaOp } from '../../model/sql.js';

interface Token {
  /** Upper-case word, or the punctuation itself. */
  up: string;
  /** As written (identifiers unquoted). */
  raw: string;
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
}

export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = code.length;
  while (i < n) {
    const ch = code[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      while (j < n && !(code[j] === "'" && code[j + 1] !== "'")) j += code[j] === "'" ? 2 : 1;
      tokens.push({ up: 'STRING', raw: code.slice(i + 1, j).replace(/''/g, "'"), kind: 'string' });
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
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(code[j]!)) j++;
      const raw = code.slice(i, j);
      tokens.push({ up: raw.toUpperCase(), raw, kind: 'word' });
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch)) {
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
    let raw = first.raw;
    this.i++;
    while (this.peek() === '.' && this.t[this.i + 1] && (this.t[this.i + 1]!.kind === 'word' || this.t[this.i + 1]!.kind === 'quoted')) {
      raw = this.t[this.i + 1]!.raw;
      this.i += 2;
    }
    return ident(raw.includes('.') ? `"${raw}"` : raw);
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

const hasWord = (tokens: Token[], ...seq: string[]) =>
  tokens.some((_, k) => seq.every((w, m) => tokens[k + m]?.up === w));

/** Column flags from the tokens of a column definition. */
export function columnFlags(tokens: Token[]): { notNull: boolean; hasDefault: boolean; unique: boolean; references: boolean; check: boolean } {
  return {
    notNull: hasWord(tokens, 'NOT', 'NULL') || hasWord(tokens, 'PRIMARY', 'KEY'),
    hasDefault:
      hasWord(tokens, 'DEFAULT') ||
      hasWord(tokens, 'GENERATED') ||
      hasWord(tokens, 'AUTO_INCREMENT') ||
      hasWord(tokens, 'AUTOINCREMENT') ||
      tokens.some((t) => /^(BIG|SMALL)?SERIAL[248]?$/.test(t.up)),
    unique: hasWord(tokens, 'UNIQUE'),
    references: hasWord(tokens, 'REFERENCES'),
    check: hasWord(tokens, 'CHECK'),
  };
}

const typeText = (tokens: Token[]) => {
  const stop = tokens.findIndex((t) => ['NOT', 'NULL', 'DEFAULT', 'USING', 'COLLATE', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'CONSTRAINT', 'AUTO_INCREMENT', 'COMMENT', 'AFTER', 'FIRST', 'GENERATED'].includes(t.up));
  return (stop === -1 ? tokens : tokens.slice(0, stop)).map((t) => (t.kind === 'punct' ? t.raw : ` ${t.raw}`)).join('').trim().replace(/\s*\(\s*/g, '(').toLowerCase();
};

function alterTable(c: Cursor): SchemaOp[] | undefined {
  c.accept('IF', 'EXISTS');
  c.accept('ONLY');
  const table = c.name();
  if (!table) return undefined;
  const ops: SchemaOp[] = [];
  while (!c.done()) {
    const clause = new Cursor(c.clause());
    const op = alterAction(clause, table);
    if (!op) return undefined;
    ops.push(...op);
  }
  return ops.length > 0 ? ops : undefined;
}

const CONSTRAINT_KINDS: Record<string, string> = { UNIQUE: 'unique', CHECK: 'check', FOREIGN: 'foreign-key', PRIMARY: 'primary-key', EXCLUDE: 'exclude', INDEX: 'index', KEY: 'index' };

function alterAction(c: Cursor, table: string): SchemaOp[] | undefined {
  if (c.accept('ADD')) {
    let name: string | undefined;
    if (c.accept('CONSTRAINT')) name = c.name();
    const kind = CONSTRAINT_KINDS[c.peek()];
    if (kind === 'index' || (kind === 'unique' && c.peek(1) !== '(' && (c.peek(1) === 'INDEX' || c.peek(1) === 'KEY'))) {
      // MySQL ADD INDEX / ADD UNIQUE KEY: an index (the unique one is a constraint too).
      if (kind === 'unique') return [{ action: 'add-constraint', table, constraint: 'unique', name }];
      c.i++;
      return [{ action: 'create-index', table, name: c.name() }];
    }
    if (kind) {
      const inParens = /\(([^)]*)\)/.exec(c.t.slice(c.i).map((t) => t.raw).join(' '))?.[1];
      const column = inParens?.split(',').map((s) => ident(s.trim())).filter(Boolean).join(', ');
      return [{ action: 'add-constraint', table, constraint: kind, name, column: column || undefined }];
    }
    c.accept('COLUMN');
    c.accept('IF', 'NOT', 'EXISTS');
    const column = c.name();
    if (!column) return undefined;
    const rest = c.t.slice(c.i);
    const flags = columnFlags(rest);
    const ops: SchemaOp[] = [{ action: 'add-column', table, column, notNull: flags.notNull, hasDefault: flags.hasDefault }];
    if (flags.unique) ops.push({ action: 'add-constraint', table, column, constraint: 'unique' });
    if (flags.references) ops.push({ action: 'add-constraint', table, column, constraint: 'foreign-key' });
    if (flags.check) ops.push({ action: 'add-constraint', table, column, constraint: 'check' });
    return ops;
  }
  if (c.accept('DROP')) {
    if (c.accept('CONSTRAINT') || c.accept('FOREIGN', 'KEY') || c.accept('CHECK')) {
      c.accept('IF', 'EXISTS');
      return [{ action: 'drop-constraint', table, name: c.name() }];
    }
    if (c.accept('PRIMARY', 'KEY')) return [{ action: 'drop-constraint', table, name: 'primary key' }];
    if (c.accept('INDEX') || c.accept('KEY')) return [{ action: 'drop-index', table, name: c.name() }];
    c.accept('COLUMN');
    c.accept('IF', 'EXISTS');
    const column = c.name();
    return column ? [{ action: 'drop-column', table, column }] : undefined;
  }
  if (c.accept('RENAME')) {
    if (c.accept('TO') || c.accept('AS')) {
      const to = c.name();
      return to ? [{ action: 'rename-table', table, to }] : undefined;
    }
    if (c.accept('CONSTRAINT')) return [{ action: 'other', table, name: 'renames a constraint' }];
    if (c.accept('INDEX') || c.accept('KEY')) return [{ action: 'other', table, name: 'renames an index' }];
    c.accept('COLUMN');
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
    if (c.accept('TYPE') || c.accept('SET', 'DATA', 'TYPE')) return [{ action: 'change-column-type', table, column, dataType: typeText(c.t.slice(c.i)) }];
    if (c.peek() === 'SET' || c.peek() === 'ADD' || c.peek() === 'DROP' || c.peek() === 'RESET') return [{ action: 'other', table, column, name: `alters column ${table}.${column}` }];
    return undefined;
  }
  if (c.accept('MODIFY')) {
    c.accept('COLUMN');
    const column = c.name();
    if (!column) return undefined;
    return modified(table, column, column, c.t.slice(c.i));
  }
  if (c.accept('CHANGE')) {
    c.accept('COLUMN');
    const column = c.name();
    const to = c.name();
    if (!column || !to) return undefined;
    return modified(table, column, to, c.t.slice(c.i));
  }
  const head = c.peek();
  if (['OWNER', 'ENABLE', 'DISABLE', 'SET', 'RESET', 'FORCE', 'NO', 'CLUSTER', 'INHERIT', 'REPLICA', 'VALIDATE', 'ATTACH', 'DETACH', 'ENGINE', 'DEFAULT', 'CHARACTER', 'CONVERT', 'COMMENT', 'AUTO_INCREMENT', 'ALGORITHM', 'LOCK', 'ORDER', 'OF', 'NOT'].includes(head)) {
    return [{ action: 'other', table, name: `alters table ${table} (${head.toLowerCase()})` }];
  }
  return undefined;
}

/** MySQL MODIFY/CHANGE: a new full definition, so a rename, a type change and nullability at once. */
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
  const temporary = c.accept('TEMPORARY') || c.accept('TEMP');
  if (c.accept('TABLE')) {
    c.accept('IF', 'EXISTS');
    const tables = names(c);
    if (tables.length === 0) return undefined;
    return tables.map((table) => (temporary ? { action: 'other', table, name: `drops temporary table ${table}` } : { action: 'drop-table', table }));
  }
  if (c.accept('SCHEMA') || c.accept('DATABASE')) {
    const object = c.t[c.i - 1]!.up.toLowerCase();
    c.accept('IF', 'EXISTS');
    const list = names(c);
    return list.length ? list.map((name) => ({ action: 'drop-schema', object, name })) : undefined;
  }
  if (c.accept('UNIQUE')) c.accept('INDEX');
  else if (!c.accept('INDEX')) {
    for (const [words, object] of DROPPABLE) {
      if (!c.accept(...words)) continue;
      if (object === 'view' || object === 'materialized view' || object === 'function' || object === 'procedure' || object === 'trigger') {
        c.accept('IF', 'EXISTS');
        const list = names(c);
        let table: string | undefined;
        if (object === 'trigger' && c.accept('ON')) table = c.name();
        return list.length ? list.map((name) => ({ action: 'drop-object', object, name, table })) : undefined;
      }
      c.accept('IF', 'EXISTS');
      const list = names(c);
      // Without a name the statement is incomplete: not read, so it goes to review rather than doing nothing.
      if (object === 'type') return list.length ? list.map((name) => ({ action: 'drop-object', object, name })) : undefined;
      return [{ action: 'other', name: `drops ${object} ${list.join(', ')}`.trim() }];
    }
    return undefined;
  }
  const concurrently = c.accept('CONCURRENTLY');
  c.accept('IF', 'EXISTS');
  const list = names(c);
  let table: string | undefined;
  if (c.accept('ON')) table = c.name();
  return list.length ? list.map((name) => ({ action: 'drop-index', name, table, concurrently })) : undefined;
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
    return temporary ? [{ action: 'other', name: `creates temporary table ${table}` }] : [{ action: 'create-table', table }];
  }
  const unique = c.accept('UNIQUE');
  if (c.accept('INDEX')) {
    const concurrently = c.accept('CONCURRENTLY');
    c.accept('IF', 'NOT', 'EXISTS');
    const name = c.peek() === 'ON' ? undefined : c.name();
    if (!c.accept('ON')) return undefined;
    c.accept('ONLY');
    const table = c.name();
    return table ? [{ action: 'create-index', table, name, concurrently, unique }] : undefined;
  }
  const kinds: [string[], string][] = [
    [['MATERIALIZED', 'VIEW'], 'materialized view'],
    [['RECURSIVE', 'VIEW'], 'view'],
    [['VIEW'], 'view'],
    [['FUNCTION'], 'function'],
    [['PROCEDURE'], 'procedure'],
    [['TRIGGER'], 'trigger'],
    [['CONSTRAINT', 'TRIGGER'], 'trigger'],
    [['TYPE'], 'type'],
    [['DOMAIN'], 'domain'],
    [['SEQUENCE'], 'sequence'],
    [['EXTENSION'], 'extension'],
    [['SCHEMA'], 'schema'],
    [['DATABASE'], 'database'],
    [['POLICY'], 'policy'],
    [['ROLE'], 'role'],
    [['USER'], 'user'],
    [['EVENT'], 'event'],
    [['AGGREGATE'], 'function'],
    [['COLLATION'], 'collation'],
    [['PUBLICATION'], 'publication'],
    [['STATISTICS'], 'statistics'],
  ];
  for (const [words, object] of kinds) {
    if (!c.accept(...words)) continue;
    c.accept('IF', 'NOT', 'EXISTS');
    return [{ action: 'create-object', object, name: c.name() }];
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
    return old?.kind === 'string' && value?.kind === 'string' ? [{ action: 'enum-rename-value', name, column: old.raw, to: value.raw }] : undefined;
  }
  if (c.accept('DROP', 'VALUE')) {
    const value = c.t[c.i];
    return value?.kind === 'string' ? [{ action: 'enum-drop-value', name, to: value.raw }] : undefined;
  }
  if (c.accept('RENAME', 'TO')) return [{ action: 'drop-object', object: 'type', name, to: c.name() }];
  if (c.peek() === 'OWNER' || c.peek() === 'SET' || c.peek() === 'ADD' || c.peek() === 'ALTER') return [{ action: 'other', name: `alters type ${name}` }];
  return undefined;
}

const whereAtTop = (tokens: Token[]) => {
  let depth = 0;
  for (const t of tokens) {
    if (t.up === '(') depth++;
    else if (t.up === ')') depth--;
    else if (depth === 0 && t.up === 'WHERE') return true;
  }
  return false;
};

const HARMLESS: [string[], string][] = [
  [['SELECT'], 'reads data'],
  [['WITH'], 'a query'],
  [['SET'], 'sets a session option'],
  [['RESET'], 'resets a session option'],
  [['GRANT'], 'grants privileges'],
  [['REVOKE'], 'revokes privileges'],
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
  [['CALL'], 'calls a procedure'],
  [['EXEC'], 'calls a procedure'],
  [['EXECUTE'], 'calls a procedure'],
];

export function classifyTokens(code: string): SchemaOp[] | undefined {
  const c = new Cursor(tokenize(code));
  if (c.done()) return undefined;
  if (c.accept('ALTER', 'TABLE')) return alterTable(c);
  if (c.accept('ALTER', 'TYPE')) return alterType(c);
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
      if (!c.accept(',')) break;
    }
    return ops;
  }
  if (c.accept('TRUNCATE')) {
    c.accept('TABLE');
    c.accept('ONLY');
    const list = names(c);
    return list.length ? list.map((table) => ({ action: 'truncate', table })) : undefined;
  }
  if (c.accept('DELETE')) {
    c.accept('FROM');
    c.accept('ONLY');
    const table = c.name();
    return table ? [{ action: 'delete', table, where: whereAtTop(c.t.slice(c.i)) }] : undefined;
  }
  if (c.accept('UPDATE')) {
    c.accept('ONLY');
    const table = c.name();
    return table ? [{ action: 'update', table, where: whereAtTop(c.t.slice(c.i)) }] : undefined;
  }
  if (c.accept('INSERT') || c.accept('REPLACE') || c.accept('UPSERT')) {
    c.accept('IGNORE');
    c.accept('INTO');
    const table = c.name();
    return table ? [{ action: 'insert', table }] : undefined;
  }
  if (c.peek() === 'ALTER' && ['INDEX', 'SEQUENCE', 'VIEW', 'FUNCTION', 'SCHEMA', 'DATABASE', 'EXTENSION', 'ROLE', 'USER', 'DEFAULT', 'POLICY', 'TRIGGER', 'MATERIALIZED', 'PROCEDURE', 'DOMAIN'].includes(c.peek(1))) {
    const what = c.t[c.i + 1]!.raw.toLowerCase();
    c.i += 2;
    if (what === 'materialized') c.accept('VIEW');
    c.accept('IF', 'EXISTS');
    const name = c.name();
    if ((what === 'view' || what === 'materialized') && c.accept('RENAME', 'TO')) {
      return [{ action: 'drop-object', object: what === 'view' ? 'view' : 'materialized view', name, to: c.name() }];
    }
    return [{ action: 'other', name: `alters ${what} ${name ?? ''}`.trim() }];
  }
  for (const [words, what] of HARMLESS) if (c.accept(...words)) return [{ action: 'other', name: what }];
  return undefined;
}
