// knex: schema-builder callbacks (`knex.schema.alterTable('t', (t) => { t.dropColumn('c') })`), query-builder
// writes (`knex('t').where(…).del()`), and SQL through knex.raw.
import type { SchemaOp } from '../../../model/sql.js';
import type { MigrationReader } from './reader.js';
import { chainAbove, methodOf, readScript, stringOf, type Call, type CallExpression, type Ctx } from './script-tree.js';
import { ident } from '../../../model/sql.js';

const TABLE_SCOPES = new Set(['alterTable', 'table', 'createTable', 'createTableIfNotExists', 'createTableLike']);
const COLUMN_TYPES = new Set([
  'increments',
  'bigIncrements',
  'integer',
  'bigInteger',
  'bigint',
  'tinyint',
  'smallint',
  'mediumint',
  'text',
  'string',
  'float',
  'double',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'timestamp',
  'binary',
  'enum',
  'enu',
  'json',
  'jsonb',
  'uuid',
  'specificType',
  'geometry',
  'geography',
  'point',
  'ulid',
]);

/** The table a builder callback works on: the `alterTable('t', (t) => …)` it sits in. */
export function callbackTable(
  ctx: Ctx,
  call: CallExpression,
  scopes: ReadonlySet<string> = TABLE_SCOPES,
): { table: string; create: boolean } | undefined {
  for (let ancestor = call.parent as CallExpression['parent'] | undefined; ancestor; ancestor = ancestor.parent) {
    if (!ctx.ts.isCallExpression(ancestor)) continue;
    const name = methodOf(ctx, ancestor);
    if (!name || !scopes.has(name) || ancestor.arguments.length < 2) continue;
    const table = stringOf(ctx, ancestor.arguments[0]);
    if (table) return { table: ident(table) ?? table, create: name !== 'alterTable' && name !== 'table' };
  }
  return undefined;
}

/** `knex('users')…del()`: the table at the root of a query-builder chain. */
function queryTable(call: Call): { table: string; where: boolean } | undefined {
  const { ctx } = call;
  let expr = call.node.expression;
  let where = false;
  while (ctx.ts.isPropertyAccessExpression(expr) || ctx.ts.isCallExpression(expr)) {
    if (ctx.ts.isCallExpression(expr)) {
      const name = methodOf(ctx, expr);
      if (
        name &&
        /^(?:where|andWhere|orWhere|whereIn|whereNot|whereNull|whereNotNull|whereExists|whereRaw|whereBetween|whereLike)/.test(name)
      )
        where = true;
      const root = expr.expression;
      if (ctx.ts.isIdentifier(root) || (ctx.ts.isPropertyAccessExpression(root) && ['table', 'from', 'into'].includes(root.name.text))) {
        const table = stringOf(ctx, expr.arguments[0]);
        if (table && (ctx.ts.isPropertyAccessExpression(root) || /^(?:knex|db|trx|tx|k)$/.test(root.text)))
          return { table: ident(table) ?? table, where };
      }
    }
    expr = expr.expression;
  }
  return undefined;
}

export function knexCall(call: Call): void {
  const { ctx, node, method, args } = call;
  switch (method) {
    case 'dropTable':
    case 'dropTableIfExists': {
      const table = call.str(0);
      if (table) call.add({ action: 'drop-table', table });
      else call.unreadable('the dropped table is not named by a static string');
      return;
    }
    case 'renameTable': {
      const [table, to] = [call.str(0), call.str(1)];
      if (table && to) call.add({ action: 'rename-table', table, to });
      return;
    }
    case 'createTable':
    case 'createTableIfNotExists':
    case 'createTableLike': {
      const table = call.str(0);
      if (table) call.add({ action: 'create-table', table });
      return;
    }
    case 'del':
    case 'delete':
    case 'update':
    case 'truncate':
    case 'insert': {
      const target = queryTable(call);
      if (!target) return;
      if (method === 'truncate') call.add({ action: 'truncate', table: target.table });
      else if (method === 'insert') call.add({ action: 'insert', table: target.table });
      else call.add({ action: method === 'update' ? 'update' : 'delete', table: target.table, where: target.where });
      return;
    }
  }
  const scope = callbackTable(ctx, node);
  if (!scope || scope.create) return; // columns of a table created here are part of create-table
  const table = scope.table;
  const column = (i: number) => call.name(args[i]);
  const each = (make: (column: string) => SchemaOp) => {
    for (let i = 0; i < args.length; i++) {
      const c = column(i);
      if (c) call.add(make(c));
    }
  };
  switch (method) {
    case 'dropColumn':
    case 'dropColumns':
      each((c) => ({ action: 'drop-column', table, column: c }));
      return;
    case 'dropTimestamps':
      call.add({ action: 'drop-column', table, column: 'created_at' });
      call.add({ action: 'drop-column', table, column: 'updated_at' });
      return;
    case 'renameColumn': {
      const [from, to] = [column(0), column(1)];
      if (from && to) call.add({ action: 'rename-column', table, column: from, to });
      return;
    }
    case 'dropForeign':
      call.add({ action: 'drop-constraint', table, name: call.str(0) ?? call.source(args[0]), constraint: 'foreign-key' });
      return;
    case 'dropUnique':
    case 'dropPrimary':
    case 'dropChecks':
      call.add({
        action: 'drop-constraint',
        table,
        name: call.str(0) ?? method,
        constraint: method === 'dropUnique' ? 'unique' : method === 'dropPrimary' ? 'primary-key' : 'check',
      });
      return;
    case 'dropIndex':
      call.add({ action: 'drop-index', table, name: call.str(1) ?? call.str(0) ?? call.source(args[0]) });
      return;
    case 'unique':
      call.add({ action: 'add-constraint', table, constraint: 'unique', column: columnList(call, 0) });
      return;
    case 'foreign':
      call.add({ action: 'add-constraint', table, constraint: 'foreign-key', column: columnList(call, 0) });
      return;
    case 'check':
      call.add({ action: 'add-constraint', table, constraint: 'check' });
      return;
    case 'primary':
      call.add({ action: 'add-constraint', table, constraint: 'primary-key', column: columnList(call, 0) });
      return;
    case 'index':
      call.add({ action: 'create-index', table, name: call.str(1), columns: columnList(call, 0)?.split(', ') });
      return;
    case 'setNullable': {
      const c = column(0);
      if (c) call.add({ action: 'drop-not-null', table, column: c });
      return;
    }
    case 'dropNullable': {
      const c = column(0);
      if (c) call.add({ action: 'set-not-null', table, column: c });
      return;
    }
    case 'timestamps':
      call.add({ action: 'add-column', table, column: 'created_at', notNull: false, hasDefault: false });
      call.add({ action: 'add-column', table, column: 'updated_at', notNull: false, hasDefault: false });
      return;
  }
  if (COLUMN_TYPES.has(method) && args.length > 0 && stringOf(ctx, args[0]) !== undefined) {
    const c = column(0)!;
    const { names } = chainAbove(ctx, node);
    if (names.includes('alter')) {
      call.add({ action: 'change-column-type', table, column: c, dataType: method });
      if (names.includes('notNullable')) call.add({ action: 'set-not-null', table, column: c });
      if (names.includes('nullable')) call.add({ action: 'drop-not-null', table, column: c });
      return;
    }
    const notNull = names.includes('notNullable') || names.includes('primary');
    const hasDefault = names.includes('defaultTo') || method === 'increments' || method === 'bigIncrements';
    call.add({ action: 'add-column', table, column: c, notNull, hasDefault });
    if (names.includes('unique')) call.add({ action: 'add-constraint', table, column: c, constraint: 'unique' });
    if (names.includes('references') || names.includes('inTable'))
      call.add({ action: 'add-constraint', table, column: c, constraint: 'foreign-key' });
  }
}

/** `['a', 'b']` or `'a'` → `a, b`. */
function columnList(call: Call, i: number): string | undefined {
  const arg = call.args[i];
  if (!arg) return undefined;
  if (call.ctx.ts.isArrayLiteralExpression(arg))
    return (
      arg.elements
        .map((e) => call.name(e))
        .filter(Boolean)
        .join(', ') || undefined
    );
  return call.name(arg);
}

export const knex: MigrationReader = {
  framework: 'knex',
  language: 'script',
  detect: (_path, text) => /knex|Knex/.test(text),
  read: (input) => readScript(input, 'knex', knexCall),
};
