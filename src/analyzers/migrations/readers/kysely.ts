// Kysely: chained schema builders (`db.schema.alterTable('t').dropColumn('c').execute()`) and sql`…` templates.
import { ident } from '../../../model/sql.js';
import type { MigrationReader } from './reader.js';
import { chainAbove, methodOf, readScript, stringOf, type Call, type CallExpression, type Ctx } from './script-tree.js';

/** The table a chained call works on: `alterTable('t')` below it in the chain. */
function chainTable(ctx: Ctx, call: CallExpression): { table: string; create: boolean } | undefined {
  let expr = call.expression;
  while (ctx.ts.isPropertyAccessExpression(expr) || ctx.ts.isCallExpression(expr)) {
    if (ctx.ts.isCallExpression(expr)) {
      const name = methodOf(ctx, expr);
      if (name === 'alterTable' || name === 'createTable') {
        const table = stringOf(ctx, expr.arguments[0]);
        if (table) return { table: ident(table) ?? table, create: name === 'createTable' };
      }
    }
    expr = expr.expression;
  }
  return undefined;
}

/** What the column callback says: `(col) => col.notNull().defaultTo(0)`. */
const says = (call: Call, i: number, what: RegExp) => what.test(call.source(call.args[i]));

function kyselyCall(call: Call): void {
  const { ctx, node, method } = call;
  const name = call.str(0);
  switch (method) {
    case 'dropTable':
      if (name) call.add({ action: 'drop-table', table: name });
      return;
    case 'createTable':
      if (name) call.add({ action: 'create-table', table: name });
      return;
    case 'createIndex': {
      const { names, calls } = chainAbove(ctx, node);
      const on = calls[names.indexOf('on')];
      const table = on ? stringOf(ctx, on.arguments[0]) : undefined;
      const columns = calls
        .filter((_, k) => names[k] === 'column' || names[k] === 'columns')
        .flatMap((c) => c.arguments.flatMap((a) => (ctx.ts.isArrayLiteralExpression(a) ? [...a.elements] : [a])))
        .map((a) => call.name(a))
        .filter((c): c is string => Boolean(c));
      if (table) call.add({ action: 'create-index', table: ident(table) ?? table, name, unique: names.includes('unique'), columns });
      return;
    }
    case 'dropIndex':
      call.add({ action: 'drop-index', name });
      return;
    case 'dropView':
      if (name)
        call.add({
          action: 'drop-object',
          object: chainAbove(ctx, node).names.includes('materialized') ? 'materialized view' : 'view',
          name,
        });
      return;
    case 'dropType':
      if (name) call.add({ action: 'drop-object', object: 'type', name });
      return;
    case 'dropSchema':
      if (name) call.add({ action: 'drop-schema', object: 'schema', name });
      return;
    case 'createView':
    case 'createType':
    case 'createSchema':
      call.add({ action: 'create-object', object: method.slice(6).toLowerCase(), name });
      return;
  }
  const scope = chainTable(ctx, node);
  if (!scope || scope.create) return;
  const table = scope.table;
  switch (method) {
    case 'dropColumn':
      if (name) call.add({ action: 'drop-column', table, column: name });
      return;
    case 'renameColumn': {
      const to = call.str(1);
      if (name && to) call.add({ action: 'rename-column', table, column: name, to });
      return;
    }
    case 'renameTo':
      if (name) call.add({ action: 'rename-table', table, to: name });
      return;
    case 'setSchema':
      if (name) call.add({ action: 'set-schema', table, to: name });
      return;
    case 'addColumn':
      if (!name) return;
      call.add({
        action: 'add-column',
        table,
        column: name,
        notNull: says(call, 2, /\.notNull\(|\.primaryKey\(/),
        hasDefault: says(call, 2, /\.defaultTo\(|\.autoIncrement\(|generated/i) || says(call, 1, /serial/i),
      });
      if (says(call, 2, /\.unique\(/)) call.add({ action: 'add-constraint', table, column: name, constraint: 'unique' });
      if (says(call, 2, /\.references\(/)) call.add({ action: 'add-constraint', table, column: name, constraint: 'foreign-key' });
      return;
    case 'alterColumn':
    case 'modifyColumn': {
      if (!name) return;
      const change = call.source(call.args[1]);
      if (/\.setNotNull\(/.test(change)) call.add({ action: 'set-not-null', table, column: name });
      if (/\.dropNotNull\(/.test(change)) call.add({ action: 'drop-not-null', table, column: name });
      if (/\.dropDefault\(/.test(change)) call.add({ action: 'drop-default', table, column: name });
      if (/\.setDefault\(/.test(change)) call.add({ action: 'set-default', table, column: name });
      if (/\.setDataType\(/.test(change) || method === 'modifyColumn')
        call.add({
          action: 'change-column-type',
          table,
          column: name,
          dataType: (/setDataType\(\s*['"`]([^'"`]+)/.exec(change) ?? /^['"`]([^'"`]+)/.exec(change))?.[1],
        });
      return;
    }
    case 'addUniqueConstraint':
      call.add({ action: 'add-constraint', table, constraint: 'unique', name });
      return;
    case 'addForeignKeyConstraint':
      call.add({ action: 'add-constraint', table, constraint: 'foreign-key', name, references: call.str(2) });
      return;
    case 'addCheckConstraint':
      call.add({ action: 'add-constraint', table, constraint: 'check', name });
      return;
    case 'addPrimaryKeyConstraint':
      call.add({ action: 'add-constraint', table, constraint: 'primary-key', name });
      return;
    case 'dropConstraint':
      call.add({ action: 'drop-constraint', table, name });
      return;
    case 'addIndex':
      call.add({ action: 'create-index', table, name });
      return;
  }
}

export const kysely: MigrationReader = {
  framework: 'kysely',
  language: 'script',
  detect: (_path, text) =>
    /from\s+['"]kysely['"]|Kysely<|\.schema\s*\.\s*(?:alterTable|createTable|dropTable)\s*\(\s*['"][^'"]+['"]\s*\)/.test(text),
  read: (input) => readScript(input, 'kysely', kyselyCall),
};
