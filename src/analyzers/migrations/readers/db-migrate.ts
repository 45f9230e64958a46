// db-migrate: `db.*` calls with callbacks or promises (exports.up = function (db) { … }), db.runSql, and the
// generated loader that runs `sqls/<name>-up.sql` — the SQL files are then the migration, read as files of their own.
import type { MigrationReader } from './reader.js';
import { propsOf, readScript, tableCall, type Call } from './script-tree.js';

function dbMigrateCall(call: Call): void {
  const { method, args } = call;
  const table = call.str(0);
  if (!table || tableCall(call, table)) return;
  switch (method) {
    case 'addColumn': {
      const column = call.str(1);
      const props = propsOf(call.ctx, args[2]);
      if (!column) return;
      const get = (k: string) => call.source(props?.get(k));
      call.add({
        action: 'add-column',
        table,
        column,
        notNull: get('notNull') === 'true' || get('primaryKey') === 'true',
        hasDefault: Boolean(props?.has('defaultValue') || get('autoIncrement') === 'true'),
      });
      if (get('unique') === 'true') call.add({ action: 'add-constraint', table, column, constraint: 'unique' });
      return;
    }
    case 'changeColumn': {
      const column = call.str(1);
      const props = propsOf(call.ctx, args[2]);
      if (!column) return;
      const get = (k: string) => call.source(props?.get(k));
      if (props?.has('type')) call.add({ action: 'change-column-type', table, column, dataType: get('type').replace(/['"]/g, '') });
      if (get('notNull') === 'true') call.add({ action: 'set-not-null', table, column });
      if (get('notNull') === 'false') call.add({ action: 'drop-not-null', table, column });
      return;
    }
    case 'addIndex': {
      const columns =
        args[2] && call.ctx.ts.isArrayLiteralExpression(args[2])
          ? args[2].elements.map((e) => call.name(e)).filter((c): c is string => Boolean(c))
          : undefined;
      call.add({ action: 'create-index', table, name: call.str(1), columns, unique: call.source(args[3]) === 'true' });
      return;
    }
    case 'removeIndex':
      // removeIndex([table,] name, callback)
      call.add(call.str(1) ? { action: 'drop-index', table, name: call.str(1) } : { action: 'drop-index', name: table });
      return;
    case 'addForeignKey':
      call.add({ action: 'add-constraint', table, constraint: 'foreign-key', name: call.str(2), references: call.str(1) });
      return;
    case 'removeForeignKey':
      call.add({ action: 'drop-constraint', table, name: call.str(1), constraint: 'foreign-key' });
      return;
    case 'insert':
      call.add({ action: 'insert', table });
      return;
  }
}

/** The loader db-migrate generates for SQL migrations: it reads sqls/<name>-up.sql and runs it. */
const LOADER = /['"]sqls['"]/;

export const dbMigrate: MigrationReader = {
  framework: 'db-migrate',
  language: 'script',
  detect: (_path, text) => /exports\._meta\b|\bdbm\s*=|db-migrate|exports\.setup\s*=/.test(text),
  read: (input) =>
    LOADER.test(input.text) && /readFile/.test(input.text)
      ? { up: { ops: [], unreadable: [], parsed: 0, fallback: 0 }, loader: true }
      : readScript(input, 'db-migrate', dbMigrateCall),
};
