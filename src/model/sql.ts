// What a migration statement does to the schema or the data, as plain data.

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite', 'sqlserver', 'clickhouse'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export type ConstraintKind = 'unique' | 'check' | 'foreign-key' | 'primary-key' | 'exclude' | 'not-null';

/** What every operation may say about where it acts; each action narrows what it needs. */
interface OpBase {
  table?: string;
  column?: string;
  /** Index, constraint, view, function, trigger, type, schema or database name. */
  name?: string;
  /** CASCADE: dependent objects are dropped or emptied too. */
  cascade?: boolean;
}

interface TableOp extends OpBase {
  table: string;
}

interface ColumnOp extends TableOp {
  column: string;
}

export type SchemaOp =
  | (TableOp & { action: 'create-table'; references?: string[] })
  | (TableOp & { action: 'drop-table' })
  | (TableOp & { action: 'rename-table'; to: string })
  /** ALTER TABLE … SET SCHEMA: the table moves to schema `to`. */
  | (TableOp & { action: 'set-schema'; to: string })
  | (ColumnOp & { action: 'add-column'; notNull: boolean; hasDefault: boolean })
  | (ColumnOp & { action: 'drop-column' })
  | (ColumnOp & { action: 'rename-column'; to: string })
  | (ColumnOp & { action: 'change-column-type'; dataType?: string; fromType?: string })
  | (ColumnOp & { action: 'set-not-null' | 'drop-not-null' | 'set-default' | 'drop-default' })
  | (TableOp & { action: 'add-constraint'; constraint: ConstraintKind; references?: string; notValid?: boolean; domain?: boolean })
  | (TableOp & { action: 'drop-constraint'; constraint?: ConstraintKind })
  | (TableOp & { action: 'create-index'; columns?: string[]; concurrently?: boolean; unique?: boolean })
  /** `columns`: an index named by the columns it covers (Sequelize's `removeIndex(table, ['a', 'b'])`). */
  | (OpBase & { action: 'drop-index'; columns?: string[]; concurrently?: boolean; unique?: boolean })
  /** A view, materialized view, function, procedure, trigger, type, sequence, extension…; `to`: renamed rather than dropped. */
  | (OpBase & { action: 'drop-object'; object: string; name: string; to?: string })
  | (OpBase & { action: 'drop-schema'; object: string; name: string })
  | (OpBase & { action: 'rename-schema'; name: string; to: string })
  | (TableOp & { action: 'truncate'; partition?: string })
  | (TableOp & { action: 'delete'; where: boolean })
  | (TableOp & { action: 'update'; where: boolean; from?: boolean })
  | (TableOp & { action: 'insert' })
  | (OpBase & { action: 'enum-add-value'; name: string; to: string })
  | (OpBase & { action: 'enum-drop-value'; name: string; to: string })
  | (OpBase & { action: 'enum-rename-value'; name: string; from?: string; to: string })
  /** `to`: the table a materialized view writes into (ClickHouse `TO`), which holds its rows. */
  | (OpBase & { action: 'create-object'; object: string; to?: string })
  | (OpBase & { action: 'create-trigger' })
  | (TableOp & { action: 'disable-trigger' })
  | (TableOp & { action: 'detach-partition' })
  | (TableOp & { action: 'enable-rls' })
  | (TableOp & { action: 'create-policy' })
  /** `name`: the privileges, `to`: whom they are taken from. */
  | (OpBase & { action: 'revoke'; to?: string })
  | (OpBase & { action: 'other' });

export type OpAction = SchemaOp['action'];
export type OpOf<A extends OpAction> = Extract<SchemaOp, { action: A }>;

/**
 * What an action means for the older code, declared once per action (the compiler rejects a missing one):
 * `additive` — schema the older code ignores; `may-trip` — the older code keeps working but may meet
 * something it does not expect; `destructive` — data is lost or the older code breaks; `other` — no schema effect.
 * `dropsData`: running it loses stored data (what a down migration must not do unnoticed).
 */
export type OpClass = 'additive' | 'may-trip' | 'destructive' | 'other';

export const OP_CLASSES = {
  'create-table': { class: 'additive', dropsData: false },
  'drop-table': { class: 'destructive', dropsData: true },
  'rename-table': { class: 'destructive', dropsData: false },
  'set-schema': { class: 'destructive', dropsData: false },
  // A required column without a default is judged by its flags (add-not-null-column).
  'add-column': { class: 'additive', dropsData: false },
  'drop-column': { class: 'destructive', dropsData: true },
  'rename-column': { class: 'destructive', dropsData: false },
  'change-column-type': { class: 'destructive', dropsData: false },
  'set-not-null': { class: 'destructive', dropsData: false },
  'drop-not-null': { class: 'may-trip', dropsData: false },
  'set-default': { class: 'may-trip', dropsData: false },
  'drop-default': { class: 'destructive', dropsData: false },
  'add-constraint': { class: 'destructive', dropsData: false },
  'drop-constraint': { class: 'may-trip', dropsData: false },
  // A unique index is judged by its flag (add-constraint).
  'create-index': { class: 'additive', dropsData: false },
  'drop-index': { class: 'may-trip', dropsData: false },
  'drop-object': { class: 'destructive', dropsData: false },
  'drop-schema': { class: 'destructive', dropsData: true },
  'rename-schema': { class: 'destructive', dropsData: false },
  truncate: { class: 'destructive', dropsData: true },
  delete: { class: 'destructive', dropsData: true },
  update: { class: 'may-trip', dropsData: false },
  insert: { class: 'additive', dropsData: false },
  'enum-add-value': { class: 'may-trip', dropsData: false },
  'enum-drop-value': { class: 'destructive', dropsData: false },
  'enum-rename-value': { class: 'destructive', dropsData: false },
  'create-object': { class: 'additive', dropsData: false },
  'create-trigger': { class: 'may-trip', dropsData: false },
  'disable-trigger': { class: 'destructive', dropsData: false },
  'detach-partition': { class: 'destructive', dropsData: true },
  'enable-rls': { class: 'may-trip', dropsData: false },
  'create-policy': { class: 'may-trip', dropsData: false },
  revoke: { class: 'may-trip', dropsData: false },
  other: { class: 'other', dropsData: false },
} as const satisfies Record<OpAction, { class: OpClass; dropsData: boolean }>;

export const classOf = (op: SchemaOp): OpClass => {
  if (op.action === 'add-column' && op.notNull && !op.hasDefault) return 'destructive';
  if (op.action === 'create-index' && op.unique) return 'destructive';
  return OP_CLASSES[op.action].class;
};

/** Running the operation loses stored data (a DELETE with a WHERE only loses some rows, and says so elsewhere). */
export const dropsData = (op: SchemaOp): boolean => OP_CLASSES[op.action].dropsData && !(op.action === 'delete' && op.where);

type TypeFamily = 'integer' | 'decimal' | 'float' | 'text' | 'json' | 'time' | 'other';

/** The kind of a type and, for text and numbers, its size (characters, bytes, digits). */
function typeFamily(raw: string): { family: TypeFamily; size: number } {
  const t = raw
    .replace(/['"`]/g, '')
    .replace(/^(?:sequelize|datatypes)\./i, '')
    .toLowerCase()
    .trim();
  const length = /\((\d+)/.exec(t)?.[1];
  if (/^(?:tinyint|int1)\b/.test(t)) return { family: 'integer', size: 1 };
  if (/^(?:smallint|int2|smallserial|int16|uint8)\b/.test(t)) return { family: 'integer', size: 2 };
  if (/^(?:mediumint|integer|int|int4|serial|int32|uint16)\b/.test(t)) return { family: 'integer', size: 4 };
  if (/^(?:bigint|int8|biginteger|bigserial|int64|uint32|uint64)\b/.test(t)) return { family: 'integer', size: 8 };
  if (/^(?:numeric|decimal|money)\b/.test(t)) return { family: 'decimal', size: length ? Number(length) : Infinity };
  if (/^(?:real|float4|float32)\b/.test(t)) return { family: 'float', size: 4 };
  if (/^(?:double|float8|float64|float)\b/.test(t)) return { family: 'float', size: 8 };
  if (/^(?:varchar|character varying|nvarchar|char|character|nchar|string|varbinary)\b/.test(t))
    return { family: 'text', size: length ? Number(length) : t.startsWith('char') ? 1 : 255 };
  if (/^(?:tinytext)\b/.test(t)) return { family: 'text', size: 255 };
  if (/^(?:text|mediumtext|longtext|citext|clob|ntext)\b/.test(t)) return { family: 'text', size: Infinity };
  if (/^(?:json|jsonb)\b/.test(t)) return { family: 'json', size: 0 };
  if (/^(?:timestamp|timestamptz|datetime|date|time)\b/.test(t)) return { family: 'time', size: 0 };
  return { family: 'other', size: 0 };
}

/** `ARRAY(STRING(255))`, `varchar(255)[]`: the element type, when both sides are arrays. */
const element = (t: string) => /^(?:(?:sequelize|datatypes)\.)?array\((.*)\)$/i.exec(t.trim())?.[1] ?? /^(.*)\[\]$/.exec(t.trim())?.[1];

/** Targets that widen most columns of their kind: only a possible widening when what the column was is not known. */
const WIDE =
  /^(?:text|bigint|int8|numeric|decimal|double precision|float8|varchar|character varying|longtext|mediumtext|biginteger|string)$/i;

export type TypeChange = 'widening' | 'wider-number' | 'converted' | 'narrowing' | 'other-kind' | 'maybe-widening' | 'unknown';

/** What a column type change means for the older code, from the types before (when known) and after. */
export function typeChange(op: { dataType?: string; fromType?: string }): TypeChange {
  let [from, to] = [op.fromType, op.dataType];
  if (to && from && element(from) !== undefined && element(to) !== undefined) [from, to] = [element(from), element(to)];
  if (to && from) {
    const [a, b] = [typeFamily(from), typeFamily(to)];
    const sameKind = a.family === b.family && a.family !== 'other';
    if (sameKind && (a.family === 'json' || a.family === 'time') && from.toLowerCase() !== to.toLowerCase()) return 'converted';
    if (sameKind && b.size >= a.size) return 'widening';
    if (sameKind) return 'narrowing';
    if (
      (a.family === 'integer' && (b.family === 'decimal' || b.family === 'float')) ||
      (a.family === 'float' && b.family === 'decimal' && b.size === Infinity)
    )
      return 'wider-number';
    return 'other-kind';
  }
  if (to && WIDE.test(to.replace(/['"`]/g, ''))) return 'maybe-widening';
  return 'unknown';
}

/** Bare, lower-case identifier: quotes and schema prefix removed (a dot inside quotes is part of the name). */
export function ident(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parts = qualifiedParts(raw.trim());
  const last = parts[parts.length - 1]?.trim() ?? '';
  const unquoted = /^(?:"[^]*"|`[^]*`|\[[^]*\])$/.test(last) ? last.slice(1, -1) : last.replace(/^[`"[]|[`"\]]$/g, '');
  return unquoted === '' ? undefined : unquoted.toLowerCase();
}

/** `a."b.c".d` → `a`, `"b.c"`, `d`: dots inside quotes do not separate. */
function qualifiedParts(raw: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of raw) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === '`' || ch === '[') {
      quote = ch === '[' ? ']' : ch;
      current += ch;
    } else if (ch === '.') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function describeOp(op: SchemaOp): string {
  const col = op.table && op.column ? `${op.table}.${op.column}` : (op.column ?? op.table ?? op.name ?? '');
  const cascade = op.cascade ? ' with CASCADE' : '';
  switch (op.action) {
    case 'create-table':
      return `creates table ${op.table}`;
    case 'drop-table':
      return `drops table ${op.table}${cascade}`;
    case 'rename-table':
      return `renames table ${op.table} to ${op.to}`;
    case 'set-schema':
      return `moves table ${op.table} to schema ${op.to}`;
    case 'add-column':
      return `adds column ${col}${op.notNull ? ' NOT NULL' : ''}${op.hasDefault ? ' with a default' : op.notNull ? ' without a default' : ''}`;
    case 'drop-column':
      return `drops column ${col}${cascade}`;
    case 'rename-column':
      return `renames column ${col} to ${op.to}`;
    case 'change-column-type':
      return `changes the type of ${col}${op.fromType ? ` from ${op.fromType}` : ''}${op.dataType ? ` to ${op.dataType}` : ''}`;
    case 'set-not-null':
      return `makes ${col} NOT NULL`;
    case 'drop-not-null':
      return `makes ${col} nullable`;
    case 'set-default':
      return `sets a new default on ${col}`;
    case 'drop-default':
      return `drops the default of ${col}`;
    case 'add-constraint':
      return `adds a ${op.constraint} constraint${op.name ? ` ${op.name}` : ''} on ${op.domain ? 'domain ' : ''}${op.table}${op.column ? `(${op.column})` : ''}`;
    case 'drop-constraint':
      return `drops constraint ${op.name ?? ''} on ${op.table}`;
    case 'create-index':
      return `creates ${op.unique ? 'unique ' : ''}index ${op.name ?? ''} on ${op.table}${op.columns?.length ? `(${op.columns.join(', ')})` : ''}${op.concurrently ? ' concurrently' : ''}`;
    case 'drop-index':
      return `drops ${op.unique ? 'unique ' : ''}index${op.name ? ` ${op.name}` : ''}${op.table ? ` on ${op.table}` : ''}${op.columns?.length ? `(${op.columns.join(', ')})` : ''}`;
    case 'drop-object':
      return op.to ? `renames ${op.object} ${op.name} to ${op.to}` : `drops ${op.object} ${op.name}${cascade}`;
    case 'drop-schema':
      return `drops ${op.object} ${op.name}${cascade}`;
    case 'rename-schema':
      return `renames schema ${op.name} to ${op.to}`;
    case 'truncate':
      return op.partition ? `empties partition ${op.partition} of table ${op.table}` : `empties table ${op.table}${cascade}`;
    case 'delete':
      return `deletes ${op.where ? 'rows' : 'every row'} from ${op.table}`;
    case 'update':
      return `updates ${op.where || op.from ? 'rows' : 'every row'} of ${op.table}${op.from ? ' from another table' : ''}`;
    case 'insert':
      return `inserts rows into ${op.table}`;
    case 'enum-add-value':
      return `adds value ${op.to} to type ${op.name}`;
    case 'enum-drop-value':
      return `drops value ${op.to} of type ${op.name}`;
    case 'enum-rename-value':
      return `renames ${op.from ? `value ${op.from}` : 'a value'} of type ${op.name} to ${op.to}`;
    case 'create-object':
      return `creates ${op.object} ${op.name ?? ''}${op.to ? ` writing into ${op.to}` : ''}`.trim();
    case 'create-trigger':
      return `creates trigger ${op.name ?? ''}${op.table ? ` on ${op.table}` : ''}`;
    case 'disable-trigger':
      return `disables ${op.name ? `trigger ${op.name}` : 'triggers'} on ${op.table}`;
    case 'detach-partition':
      return `detaches partition ${op.name ?? ''} from ${op.table}`;
    case 'enable-rls':
      return `enables row level security on ${op.table}`;
    case 'create-policy':
      return `creates policy ${op.name ?? ''} on ${op.table}`;
    case 'revoke':
      return `revokes ${op.name ?? 'privileges'}${op.table ? ` on ${op.table}` : ''}${op.to ? ` from ${op.to}` : ''}`;
    case 'other':
      return op.name ?? 'runs a statement';
  }
}
