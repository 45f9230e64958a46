// Maps node-sql-parser's AST to schema operations. Anything this mapping does not know
// returns undefined, and the token reader takes over.
import { createRequire } from 'node:module';
import { requireCached } from '../../util/code-cache.js';
import type { ConstraintKind, SchemaOp, SqlDialect } from '../../model/sql.js';

export interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

const require = createRequire(import.meta.url);
let loaded: SqlParser | undefined;

/**
 * node-sql-parser is large: load it only when a migration is read, and with `require` (importing its
 * 2.5 MB bundle as ESM would first lex all of it for named exports), from V8's code cache when the CLI keeps one.
 */
export function loadSqlParser(): Promise<SqlParser> {
  try {
    loaded ??= new (requireCached(require.resolve('node-sql-parser')).exports as { Parser: new () => SqlParser }).Parser();
    return Promise.resolve(loaded);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

type Node = Record<string, unknown> | null | undefined;

/** A name as the parser gives it: already split from its schema, so a dot in it is part of the name. */
const bare = (raw: string | undefined): string | undefined => {
  const unquoted = raw?.trim().replace(/^([`"[])([^]*)[`"\]]$/, '$2');
  return unquoted ? unquoted.toLowerCase() : undefined;
};
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A column name from the parser's several shapes (`'a'`, `{ expr: { value: 'a' } }`, a column_ref). */
function columnName(v: unknown): string | undefined {
  if (typeof v === 'string') return bare(v);
  const o = obj(v);
  if (!o) return undefined;
  if ('column' in o) return columnName(o.column);
  if ('expr' in o) return columnName(o.expr);
  if ('value' in o) return columnName(o.value);
  return undefined;
}

const tableOf = (v: unknown): string | undefined => {
  if (Array.isArray(v)) return tableOf(v[0]);
  const o = obj(v);
  return o ? bare(str(o.table)) : bare(str(v));
};

const CONSTRAINTS: Record<string, ConstraintKind> = {
  unique: 'unique',
  'unique key': 'unique',
  'unique index': 'unique',
  check: 'check',
  'foreign key': 'foreign-key',
  'primary key': 'primary-key',
};

function columnFlags(def: Record<string, unknown>): { notNull: boolean; hasDefault: boolean } {
  const nullable = obj(def.nullable);
  const type = str(obj(def.definition)?.dataType)?.toUpperCase() ?? '';
  return {
    notNull: nullable?.type === 'not null' || Boolean(def.primary_key),
    hasDefault: Boolean(def.default_val) || Boolean(def.auto_increment) || /SERIAL/.test(type) || Boolean(def.generated),
  };
}

function dataType(def: unknown): string | undefined {
  const d = obj(def);
  const type = str(d?.dataType);
  if (!type) return undefined;
  const length =
    d?.length !== undefined && d.length !== null
      ? `(${scalar(d.length)}${d.scale !== undefined && d.scale !== null ? `,${scalar(d.scale)}` : ''})`
      : '';
  return `${type}${length}`.toLowerCase();
}

/** Column names of an index or constraint definition. */
const columnsOf = (list: unknown): string[] => (Array.isArray(list) ? list.map(columnName).filter((c): c is string => Boolean(c)) : []);

/** Every op must name what it acts on; an op that does not is not read, and the token reader tries. */
const all = (ops: (SchemaOp | undefined)[]): SchemaOp[] | undefined =>
  ops.every((op): op is SchemaOp => op !== undefined) ? ops : undefined;

function alterExpr(table: string, e: Record<string, unknown>): SchemaOp[] | undefined {
  const action = str(e.action);
  const resource = str(e.resource);
  if (action === 'drop') {
    if (resource === 'column') {
      const column = columnName(e.column);
      return column ? [{ action: 'drop-column', table, column }] : undefined;
    }
    if (resource === 'constraint') return [{ action: 'drop-constraint', table, name: bare(str(e.constraint)) }];
    // MySQL DROP FOREIGN KEY: a constraint, not an index.
    if (str(e.keyword)?.toLowerCase() === 'foreign key')
      return [{ action: 'drop-constraint', table, name: bare(str(e.key)), constraint: 'foreign-key' }];
    if (resource === 'index' || resource === 'key') return [{ action: 'drop-index', table, name: bare(str(e.index)) }];
    return undefined;
  }
  if (action === 'add') {
    if (resource === 'column') {
      const column = columnName(e.column);
      if (!column) return undefined;
      const flags = columnFlags(e);
      const ops: SchemaOp[] = [{ action: 'add-column', table, column, ...flags }];
      if (e.unique) ops.push({ action: 'add-constraint', table, column, constraint: 'unique' });
      if (e.reference_definition)
        ops.push({
          action: 'add-constraint',
          table,
          column,
          constraint: 'foreign-key',
          references: tableOf(obj(e.reference_definition)?.table),
        });
      if (e.check) ops.push({ action: 'add-constraint', table, column, constraint: 'check' });
      return ops;
    }
    if (resource === 'constraint') {
      const def = obj(e.create_definitions);
      const kind = CONSTRAINTS[scalar(def?.constraint_type).toLowerCase()];
      if (!def || !kind) return undefined;
      const columns = columnsOf(def.definition).join(', ');
      const references = tableOf(obj(def.reference_definition)?.table);
      return [
        {
          action: 'add-constraint',
          table,
          constraint: kind,
          name: bare(str(def.constraint)),
          column: columns || undefined,
          ...(references ? { references } : {}),
        },
      ];
    }
    if (resource === 'index') return [{ action: 'create-index', table, name: bare(str(e.index)), columns: columnsOf(e.definition) }];
    return undefined;
  }
  if (action === 'alter' && resource === 'column') {
    const column = columnName(e.column);
    if (!column) return undefined;
    const nullable = obj(e.nullable);
    const def = obj(e.default_val);
    if (nullable?.action === 'set') return [{ action: 'set-not-null', table, column }];
    if (nullable?.action === 'drop') return [{ action: 'drop-not-null', table, column }];
    if (def?.type === 'drop default') return [{ action: 'drop-default', table, column }];
    if (def?.type === 'set default') return [{ action: 'set-default', table, column }];
    if (e.definition) return [{ action: 'change-column-type', table, column, dataType: dataType(e.definition) }];
    return undefined;
  }
  if (action === 'rename') {
    if (resource === 'table') {
      const to = bare(str(e.table));
      return to ? [{ action: 'rename-table', table, to }] : undefined;
    }
    if (resource === 'column') {
      const column = columnName(e.old_column);
      const to = columnName(e.column);
      return column && to ? [{ action: 'rename-column', table, column, to }] : undefined;
    }
    return undefined;
  }
  if (action === 'change' || action === 'modify') {
    const column = columnName(action === 'change' ? e.old_column : e.column);
    const to = columnName(e.column);
    if (!column || !to) return undefined;
    const ops: SchemaOp[] = [];
    if (to !== column) ops.push({ action: 'rename-column', table, column, to });
    ops.push({ action: 'change-column-type', table, column: to, dataType: dataType(e.definition) });
    const flags = columnFlags(e);
    if (flags.notNull && !flags.hasDefault) ops.push({ action: 'set-not-null', table, column: to });
    return ops;
  }
  return undefined;
}

// Triggers and policies are not here: the token reader reads the table they act on.
const CREATE_OBJECTS = new Set([
  'view',
  'function',
  'procedure',
  'type',
  'database',
  'schema',
  'sequence',
  'extension',
  'domain',
  'user',
  'role',
]);

function mapStatement(ast: Record<string, unknown>): SchemaOp[] | undefined {
  const type = str(ast.type);
  const keyword = str(ast.keyword)?.toLowerCase();
  switch (type) {
    case 'create': {
      if (ast.temporary) return [{ action: 'other', name: 'creates a temporary table' }];
      if (keyword === 'table') {
        const table = tableOf(ast.table);
        if (!table) return undefined;
        const definitions = Array.isArray(ast.create_definitions) ? ast.create_definitions : [];
        const references = definitions.map((d) => tableOf(obj(obj(d)?.reference_definition)?.table)).filter((t): t is string => Boolean(t));
        return [{ action: 'create-table', table, ...(references.length ? { references } : {}) }];
      }
      if (keyword === 'index') {
        const table = tableOf(ast.table);
        const kind = scalar(ast.index_type).toLowerCase();
        const columns = columnsOf(ast.index_columns ?? ast.columns);
        return table
          ? [
              {
                action: 'create-index',
                table,
                name: bare(str(ast.index)),
                concurrently: Boolean(ast.concurrently),
                unique: kind === 'unique',
                columns,
              },
            ]
          : undefined;
      }
      if (keyword && CREATE_OBJECTS.has(keyword)) {
        const name = obj(ast.name);
        const parts = Array.isArray(name?.name) ? name.name.map((p: unknown) => str(obj(p)?.value)).filter(Boolean) : [];
        return [
          {
            action: 'create-object',
            object: keyword,
            name: bare(parts[parts.length - 1] ?? str(name?.name) ?? str(ast.name) ?? str(obj(ast.view)?.view) ?? tableOf(ast.table)),
          },
        ];
      }
      return undefined;
    }
    case 'drop': {
      const list: unknown[] = Array.isArray(ast.name) ? ast.name : [ast.name];
      if (keyword === 'table')
        return all(
          list.map((v) => {
            const table = tableOf(v);
            return table ? { action: 'drop-table', table } : undefined;
          }),
        );
      if (keyword === 'view')
        return all(
          list.map((v) => {
            const name = tableOf(v);
            return name ? { action: 'drop-object', object: 'view', name } : undefined;
          }),
        );
      if (keyword === 'index') {
        return list.map((v) => ({
          action: 'drop-index' as const,
          name: columnName(v) ?? tableOf(v),
          table: tableOf(ast.table),
          concurrently: scalar(ast.prefix).toUpperCase() === 'CONCURRENTLY',
        }));
      }
      if (keyword === 'database' || keyword === 'schema')
        return all(
          list.map((v) => {
            const name = tableOf(v) ?? bare(str(v));
            return name ? { action: 'drop-schema', object: keyword, name } : undefined;
          }),
        );
      return undefined;
    }
    case 'alter': {
      if (keyword !== undefined && keyword !== 'table') return undefined;
      const table = tableOf(ast.table);
      const exprs = Array.isArray(ast.expr) ? ast.expr : [];
      if (!table || exprs.length === 0) return undefined;
      const ops: SchemaOp[] = [];
      for (const e of exprs) {
        const mapped = obj(e) && alterExpr(table, obj(e)!);
        if (!mapped) return undefined;
        ops.push(...mapped);
      }
      return ops;
    }
    case 'rename': {
      const pairs = Array.isArray(ast.table) ? ast.table : [];
      return pairs.length > 0
        ? all(
            pairs.map((pair) => {
              const table = Array.isArray(pair) ? tableOf(pair[0]) : undefined;
              const to = Array.isArray(pair) ? tableOf(pair[1]) : undefined;
              return table && to ? { action: 'rename-table', table, to } : undefined;
            }),
          )
        : undefined;
    }
    case 'truncate': {
      const list: unknown[] = Array.isArray(ast.name) ? ast.name : [ast.name];
      return all(
        list.map((v) => {
          const table = tableOf(v);
          return table ? { action: 'truncate', table } : undefined;
        }),
      );
    }
    case 'delete': {
      const table = tableOf(ast.from) ?? tableOf(ast.table);
      return table ? [{ action: 'delete', table, where: Boolean(ast.where) }] : undefined;
    }
    case 'update': {
      const table = tableOf(ast.table);
      // UPDATE … FROM (PostgreSQL) or UPDATE a JOIN b (MySQL): the rows are picked by another table.
      const from = (Array.isArray(ast.from) && ast.from.length > 0) || (Array.isArray(ast.table) && ast.table.length > 1);
      return table ? [{ action: 'update', table, where: Boolean(ast.where), ...(from ? { from: true } : {}) }] : undefined;
    }
    case 'insert':
    case 'replace': {
      const table = tableOf(ast.table);
      return table ? [{ action: 'insert', table }] : undefined;
    }
    case 'select':
      return [{ action: 'other', name: 'reads data' }];
    case 'use':
    case 'set':
    case 'grant':
    case 'lock':
    case 'unlock':
    case 'show':
    case 'transaction':
      return [{ action: 'other', name: type }];
    default:
      return undefined;
  }
}

/** Longer statements (data dumps) go to the token reader: the parser's cost grows with them. */
const PARSER_LIMIT = 20_000;

export function parseStatement(parser: SqlParser, sql: string, dialect: SqlDialect): SchemaOp[] | undefined {
  if (sql.length > PARSER_LIMIT) return undefined;
  try {
    const result = parser.astify(sql, { database: dialect === 'postgresql' ? 'postgresql' : dialect === 'mysql' ? 'mysql' : 'sqlite' });
    const list = Array.isArray(result) ? result : [result];
    const ops: SchemaOp[] = [];
    for (const ast of list) {
      const node = obj(ast as Node);
      if (!node) return undefined;
      const mapped = mapStatement(node);
      if (!mapped) return undefined;
      ops.push(...mapped);
    }
    return ops.length > 0 ? ops : undefined;
  } catch {
    return undefined;
  }
}
