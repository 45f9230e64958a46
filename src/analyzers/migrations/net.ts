// The net effect of the release's migrations, in the order they run: what the older code meets.
import type { MigrationOpFact } from '../../model/facts/migrations.js';

const key = (table: string | undefined, column?: string) => (column === undefined ? table ?? '' : `${table ?? ''}.${column}`);

interface ColumnState {
  notNull: boolean;
  hasDefault: boolean;
  where: string;
}

/**
 * Marks operations on tables and columns the release itself created (the older code never used
 * them), table rebuilds, and later changes that make a column the release added required.
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
        if (table) createdTables.add(table);
        break;
      case 'drop-table':
        if (tableIsNew) {
          fact.newObject = true;
          createdTables.delete(table!);
        }
        break;
      case 'rename-table':
        if (tableIsNew) {
          fact.newObject = true;
          createdTables.delete(table!);
          if (op.to) createdTables.add(op.to);
        }
        break;
      case 'add-column':
        if (tableIsNew) fact.newObject = true;
        else if (op.column) addedColumns.set(key(table, op.column), { state: { notNull: Boolean(op.notNull), hasDefault: Boolean(op.hasDefault), where: place(fact) }, add: fact });
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
          if (op.action === 'rename-column' && op.to) {
            addedColumns.delete(key(table, op.column));
            addedColumns.set(key(table, op.to), column);
          }
          const after = column.state.notNull && !column.state.hasDefault;
          if (!before && after) {
            // The column the release added becomes required here: older INSERTs that omit it fail.
            fact.newObject = false;
            fact.note = `column ${key(table, column.add.op.column)} was added by ${column.add.migration} (${column.state.where}) ${column.add.op.notNull ? 'NOT NULL with a default' : 'nullable'}; from here on the older code's INSERTs, which do not know it, must fill it`;
          }
          if (before && !after) column.add.newObject = true;
        }
    }
  }

  // SQLite rebuilds: create new_t, copy, drop t, rename new_t to t.
  for (let i = 0; i < ops.length; i++) {
    const drop = ops[i]!;
    if (drop.op.action !== 'drop-table' || drop.newObject) continue;
    const rename = ops.slice(i + 1).find((f) => f.op.action === 'rename-table' && f.op.to === drop.op.table && f.newObject);
    if (rename) drop.rebuilt = true;
  }
}
