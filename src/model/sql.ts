// What a migration statement does to the schema or the data, as plain data.

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export type OpAction =
  | 'create-table'
  | 'drop-table'
  | 'rename-table'
  | 'add-column'
  | 'drop-column'
  | 'rename-column'
  | 'change-column-type'
  | 'set-not-null'
  | 'drop-not-null'
  | 'set-default'
  | 'drop-default'
  | 'add-constraint'
  | 'drop-constraint'
  | 'create-index'
  | 'drop-index'
  | 'drop-object'
  | 'drop-schema'
  | 'truncate'
  | 'delete'
  | 'update'
  | 'insert'
  | 'enum-add-value'
  | 'enum-drop-value'
  | 'enum-rename-value'
  | 'create-object'
  | 'other';

export interface SchemaOp {
  action: OpAction;
  table?: string;
  column?: string;
  /** Index, constraint, view, function, trigger, type, schema or database name. */
  name?: string;
  /** New name (renames) or enum value. */
  to?: string;
  /** For drop-object / create-object / drop-schema: view, materialized view, function, procedure, trigger, type, schema, database… */
  object?: string;
  /** add-column: NOT NULL. */
  notNull?: boolean;
  /** add-column: has a DEFAULT (or is generated / auto-increment). */
  hasDefault?: boolean;
  /** create-index / drop-index. */
  concurrently?: boolean;
  unique?: boolean;
  /** add-constraint: unique, check, foreign-key, primary-key, exclude. */
  constraint?: string;
  /** change-column-type: the new type. */
  dataType?: string;
  /** delete / update: has a WHERE clause. */
  where?: boolean;
}

/** Actions that only add schema the older code ignores. */
export const ADDITIVE: ReadonlySet<OpAction> = new Set([
  'create-table',
  'add-column',
  'create-index',
  'create-object',
  'enum-add-value',
  'drop-not-null',
  'set-default',
  'drop-constraint',
  'insert',
  'other',
]);

/** Actions that destroy stored data. */
export const DROPS_DATA: ReadonlySet<OpAction> = new Set(['drop-table', 'drop-column', 'drop-schema', 'truncate', 'delete']);

/** Bare, lower-case identifier: quotes and schema prefix removed. */
export function ident(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.trim().split('.');
  const last = parts[parts.length - 1]!.trim();
  const unquoted = last.replace(/^[`"[]|[`"\]]$/g, '');
  return unquoted === '' ? undefined : unquoted.toLowerCase();
}

export function describeOp(op: SchemaOp): string {
  const col = op.table && op.column ? `${op.table}.${op.column}` : op.column ?? op.table ?? op.name ?? '';
  switch (op.action) {
    case 'create-table': return `creates table ${op.table}`;
    case 'drop-table': return `drops table ${op.table}`;
    case 'rename-table': return `renames table ${op.table} to ${op.to}`;
    case 'add-column': return `adds column ${col}${op.notNull ? ' NOT NULL' : ''}${op.hasDefault ? ' with a default' : op.notNull ? ' without a default' : ''}`;
    case 'drop-column': return `drops column ${col}`;
    case 'rename-column': return `renames column ${col} to ${op.to}`;
    case 'change-column-type': return `changes the type of ${col}${op.dataType ? ` to ${op.dataType}` : ''}`;
    case 'set-not-null': return `makes ${col} NOT NULL`;
    case 'drop-not-null': return `makes ${col} nullable`;
    case 'set-default': return `sets a default on ${col}`;
    case 'drop-default': return `drops the default of ${col}`;
    case 'add-constraint': return `adds a ${op.constraint ?? ''} constraint${op.name ? ` ${op.name}` : ''} on ${op.table}${op.column ? `(${op.column})` : ''}`;
    case 'drop-constraint': return `drops constraint ${op.name ?? ''} on ${op.table}`;
    case 'create-index': return `creates ${op.unique ? 'unique ' : ''}index ${op.name ?? ''} on ${op.table ?? '?'}${op.concurrently ? ' concurrently' : ''}`;
    case 'drop-index': return `drops index ${op.name ?? ''}${op.table ? ` on ${op.table}` : ''}`;
    case 'drop-object': return `drops ${op.object} ${op.name}`;
    case 'drop-schema': return `drops ${op.object} ${op.name}`;
    case 'truncate': return `empties table ${op.table}`;
    case 'delete': return `deletes ${op.where ? 'rows' : 'every row'} from ${op.table}`;
    case 'update': return `updates ${op.where ? 'rows' : 'every row'} of ${op.table}`;
    case 'insert': return `inserts rows into ${op.table}`;
    case 'enum-add-value': return `adds value ${op.to} to type ${op.name}`;
    case 'enum-drop-value': return `drops value ${op.to} of type ${op.name}`;
    case 'enum-rename-value': return `renames a value of type ${op.name} to ${op.to}`;
    case 'create-object': return `creates ${op.object} ${op.name ?? ''}`.trim();
    case 'other': return op.name ?? 'runs a statement';
  }
}
