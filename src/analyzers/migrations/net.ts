// The net effect of the release's migrations, in the order they run: what the older code meets.
import type { MigrationOpFact } from '../../model/facts/migrations.js';
import type { SchemaOp } from '../../model/sql.js';
import type { ReadOp } from './read-sql.js';

const key = (table: string | undefined, column?: string) => (column === undefined ? (table ?? '') : `${table ?? ''}.${column}`);

interface ColumnState {
  notNull: boolean;
  hasDefault: boolean;
  where: string;
}

/**
 * Marks operations on tables and columns the release itself created (the older code never used
 * them), table rebuilds, objects dropped and created again under the same name, the tables a
 * CASCADE reaches, and later changes that make a column the release added required.
 * `ops` must be in run order.
 */
export function applyNetEffect(ops: MigrationOpFact[]): void {
  const createdTables = new Set<string>();
  const addedColumns = new Map<string, { state: ColumnState; add: MigrationOpFact }>();
  const place = (f: MigrationOpFact) => `${f.path}:${f.line}`;

  for (const fact of ops) {
    const { op } = fact;
    const table = op.table;
    const tableIsNew = table !== undefined && createdTables.has(table);
    const column = addedColumns.get(key(table, op.column));
    switch (op.action) {
      case 'create-table':
        createdTables.add(op.table);
        break;
      case 'create-object':
        // A view the release creates: dropping it again (ClickHouse drops views with DROP TABLE) is no loss.
        if ((op.object === 'view' || op.object === 'materialized view') && op.name) createdTables.add(op.name);
        break;
      case 'drop-object':
        if (op.name && createdTables.has(op.name) && (op.object === 'view' || op.object === 'materialized view')) {
          fact.newObject = true;
          createdTables.delete(op.name);
        } else if (tableIsNew) fact.newObject = true;
        break;
      case 'drop-table':
        if (tableIsNew) {
          fact.newObject = true;
          createdTables.delete(op.table);
        }
        break;
      case 'rename-table':
        if (tableIsNew) {
          fact.newObject = true;
          createdTables.delete(op.table);
          createdTables.add(op.to);
        }
        break;
      case 'add-column':
        if (tableIsNew) fact.newObject = true;
        else
          addedColumns.set(key(table, op.column), {
            state: { notNull: op.notNull, hasDefault: op.hasDefault, where: place(fact) },
            add: fact,
          });
        break;
      case 'create-index':
        // An index only on columns the release added: the older code never writes them. A unique index that takes in
        // a column the release added without a default: the older code's rows hold NULL there, which it lets through.
        if (tableIsNew || (op.columns?.length && op.columns.every((c) => addedColumns.has(key(table, c))))) fact.newObject = true;
        else if (op.unique && op.columns?.some((c) => addedColumns.get(key(table, c))?.state.hasDefault === false)) fact.newObject = true;
        break;
      default:
        if (tableIsNew) fact.newObject = true;
        else if (column) {
          fact.newObject = true;
          const before = column.state.notNull && !column.state.hasDefault;
          if (op.action === 'set-not-null') column.state.notNull = true;
          if (op.action === 'drop-not-null') column.state.notNull = false;
          if (op.action === 'drop-default') column.state.hasDefault = false;
          if (op.action === 'set-default') column.state.hasDefault = true;
          if (op.action === 'drop-column') addedColumns.delete(key(table, op.column));
          if (op.action === 'rename-column') {
            addedColumns.delete(key(table, op.column));
            addedColumns.set(key(table, op.to), column);
          }
          const after = column.state.notNull && !column.state.hasDefault;
          if (!before && after) {
            // The column the release added becomes required here: older INSERTs that omit it fail.
            fact.newObject = false;
            fact.note = `column ${key(table, column.add.op.column)} was added by ${column.add.migration} (${column.state.where}) ${column.add.op.action === 'add-column' && column.add.op.notNull ? 'NOT NULL with a default' : 'nullable'}; from here on the older code's INSERTs, which do not know it, must fill it`;
          }
          if (before && !after) column.add.newObject = true;
        }
    }
  }

  // SQLite rebuilds: create new_t, copy, drop t, rename new_t to t.
  for (let i = 0; i < ops.length; i++) {
    const drop = ops[i]!;
    if (drop.op.action !== 'drop-table' || drop.newObject) continue;
    const dropped = drop.op.table;
    const rename = ops.slice(i + 1).find((f) => f.op.action === 'rename-table' && f.op.to === dropped && f.newObject);
    if (rename) drop.rebuilt = true;
  }
  // Swaps: rename t to t_old, then a table the release built to t (ClickHouse and online schema changes).
  for (let i = 0; i < ops.length; i++) {
    const away = ops[i]!;
    if (away.op.action !== 'rename-table' || away.newObject) continue;
    const name = away.op.table;
    if (ops.slice(i + 1).some((f) => f.op.action === 'rename-table' && f.op.to === name && f.newObject)) away.rebuilt = true;
  }
  markRecreated(ops);
  markDependents(ops);
}

/** Kinds a drop and a later create are the same object under: a ClickHouse DROP TABLE also drops a view. */
function sameName(drop: SchemaOp, create: SchemaOp): string | undefined {
  if (drop.action === 'drop-table' && create.action === 'create-table' && create.table === drop.table) return 'as a new, empty table';
  if (
    drop.action === 'drop-table' &&
    create.action === 'create-object' &&
    (create.object === 'view' || create.object === 'materialized view') &&
    create.name === drop.table
  ) {
    return create.to ? `as a materialized view writing into ${create.to}` : `as a ${create.object}`;
  }
  if (drop.action === 'drop-object' && !drop.to && create.action === 'create-object' && create.name === drop.name) {
    const views = ['view', 'materialized view'];
    if (create.object === drop.object || (views.includes(create.object) && views.includes(drop.object)))
      return create.to ? `as a materialized view writing into ${create.to}` : `as a ${create.object}`;
  }
  if (drop.action === 'drop-object' && drop.object === 'trigger' && create.action === 'create-trigger' && create.name === drop.name)
    return 'as a trigger';
  if (
    drop.action === 'drop-constraint' &&
    create.action === 'add-constraint' &&
    drop.name &&
    create.name === drop.name &&
    create.table === drop.table
  )
    return `as a ${create.constraint} constraint`;
  if (drop.action === 'drop-index' && create.action === 'create-index' && sameIndex(drop, create))
    return `as ${create.unique ? 'a unique' : 'an'} index`;
  return undefined;
}

/** The same index: by name, or, where the drop names it by its columns, on the same table and columns in order. */
function sameIndex(drop: SchemaOp & { action: 'drop-index' }, create: SchemaOp & { action: 'create-index' }): boolean {
  if (drop.name) return create.name === drop.name;
  return (
    create.table === drop.table &&
    drop.columns !== undefined &&
    drop.columns.length > 0 &&
    create.columns?.length === drop.columns.length &&
    create.columns.every((c, i) => c === drop.columns![i])
  );
}

/** A view rebuilt, a foreign key re-added with another ON DELETE: the drop and the create are one redefinition. */
function markRecreated(ops: MigrationOpFact[]): void {
  for (let i = 0; i < ops.length; i++) {
    const drop = ops[i]!;
    if (!['drop-table', 'drop-object', 'drop-constraint', 'drop-index'].includes(drop.op.action)) continue;
    for (let j = i + 1; j < ops.length; j++) {
      const how = sameName(drop.op, ops[j]!.op);
      if (!how) continue;
      drop.recreated = `${how} by ${ops[j]!.migration === drop.migration ? 'the same migration' : `migration ${ops[j]!.migration}`} (${ops[j]!.path}:${ops[j]!.line})`;
      ops[j]!.recreates = true;
      break;
    }
  }
}

/** For each CASCADE, the tables whose foreign keys to the dropped or emptied table the release's migrations show. */
function markDependents(ops: MigrationOpFact[]): void {
  const referencing = new Map<string, Set<string>>();
  const refer = (from: string, to: string | undefined) => {
    if (!to || to === from) return;
    const set = referencing.get(to) ?? new Set<string>();
    set.add(from);
    referencing.set(to, set);
  };
  for (const { op } of ops) {
    if (op.action === 'create-table') for (const to of op.references ?? []) refer(op.table, to);
    if (op.action === 'add-constraint' && op.constraint === 'foreign-key') refer(op.table, op.references);
  }
  for (const fact of ops) {
    if (!fact.op.cascade || !fact.op.table) continue;
    const dependents = referencing.get(fact.op.table);
    if (dependents?.size) fact.dependents = [...dependents].sort();
  }
}

const sameColumn = (a: SchemaOp, b: SchemaOp) => a.table === b.table && a.column === b.column;
const normalType = (t: string | undefined) => t?.replace(/\s+/g, '').toLowerCase();

/**
 * What the down part restates tells what the column was before: a full-definition change (Sequelize changeColumn,
 * MySQL MODIFY) whose down sets the same NOT NULL did not make the column required, and one whose down restores the
 * same type changed no type. Returns the up operations that are real changes, with the former type when known.
 */
export function againstDown(up: ReadOp[], down: ReadOp[] | undefined): ReadOp[] {
  if (!down?.length) return up;
  const out: ReadOp[] = [];
  for (const r of up) {
    const op = r.op;
    if (op.action === 'change-column-type') {
      const before = down.find((d) => d.op.action === 'change-column-type' && sameColumn(d.op, op))?.op;
      if (before?.action === 'change-column-type') {
        if (before.dataType && normalType(before.dataType) === normalType(op.dataType)) continue;
        if (before.dataType && !op.fromType) {
          out.push({ ...r, op: { ...op, fromType: before.dataType } });
          continue;
        }
      }
    }
    // The down part creates the dropped index again: what it creates is what the up part drops (unique or not).
    if (
      op.action === 'drop-index' &&
      !op.unique &&
      down.some((d) => d.op.action === 'create-index' && d.op.unique && sameIndex(op, d.op))
    ) {
      out.push({ ...r, op: { ...op, unique: true } });
      continue;
    }
    if (op.action === 'set-not-null' && down.some((d) => d.op.action === 'set-not-null' && sameColumn(d.op, op))) continue;
    if (op.action === 'drop-not-null' && down.some((d) => d.op.action === 'drop-not-null' && sameColumn(d.op, op))) continue;
    out.push(r);
  }
  return out;
}
