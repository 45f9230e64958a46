// TypeORM: `queryRunner.*` schema calls (tables and columns named first, TableColumn objects) and queryRunner.query.
import type { ConstraintKind } from '../../../model/sql.js';
import type { MigrationReader } from './reader.js';
import { propsOf, readScript, tableCall, stringOf, type Call } from './script-tree.js';

/** `'users'`, `new Table({ name: 'users' })` or a `Table` variable: the name when it is static. */
const tableOf = (call: Call, i: number) => call.str(i) ?? call.name(call.args[i]);

const typeText = (type: string | undefined, length: string | undefined) => (type ? `${type}${length ? `(${length})` : ''}` : undefined);

/** A TableColumn's flags: `isNullable` defaults to false (NOT NULL), `default`/`isGenerated` fill it. */
function columnFlags(call: Call, node: Call['args'][number] | undefined) {
  const props = propsOf(call.ctx, node);
  const flag = (name: string) => call.source(props?.get(name));
  return {
    props,
    notNull: flag('isNullable') !== 'true' && props !== undefined,
    /** Said in so many words: a TableColumn without isNullable is NOT NULL, but a change may just restate it. */
    saysNotNull: flag('isNullable') === 'false',
    hasDefault: Boolean(props?.has('default') || flag('isGenerated') === 'true' || props?.has('generationStrategy')),
    type: typeText(stringOf(call.ctx, props?.get('type')), stringOf(call.ctx, props?.get('length')) ?? call.source(props?.get('length'))),
  };
}

function typeormCall(call: Call): void {
  const { method, args } = call;
  const table = tableOf(call, 0);
  if (!table || tableCall(call, table)) return;
  switch (method) {
    case 'clearTable':
      call.add({ action: 'truncate', table });
      return;
    case 'addColumn':
    case 'addColumns': {
      const list = method === 'addColumns' && args[1] && call.ctx.ts.isArrayLiteralExpression(args[1]) ? [...args[1].elements] : [args[1]];
      for (const item of list) {
        const column = call.name(item);
        if (!column) continue;
        const flags = columnFlags(call, item);
        call.add({ action: 'add-column', table, column, notNull: flags.notNull, hasDefault: flags.hasDefault });
        if (call.source(flags.props?.get('isUnique')) === 'true')
          call.add({ action: 'add-constraint', table, column, constraint: 'unique' });
      }
      return;
    }
    case 'dropColumn':
    case 'dropColumns': {
      const list = method === 'dropColumns' && args[1] && call.ctx.ts.isArrayLiteralExpression(args[1]) ? [...args[1].elements] : [args[1]];
      for (const item of list) {
        const column = call.name(item);
        if (column) call.add({ action: 'drop-column', table, column });
      }
      return;
    }
    case 'changeColumn': {
      // changeColumn(table, old (name or TableColumn), new TableColumn): compare what is known of both.
      const column = call.name(args[1]);
      const to = call.name(args[2]);
      if (!column) return;
      const after = columnFlags(call, args[2]);
      const before = propsOf(call.ctx, args[1]) ? columnFlags(call, args[1]) : undefined;
      if (to && to !== column) call.add({ action: 'rename-column', table, column, to });
      const name = to ?? column;
      if (!before || before.type !== after.type)
        call.add({
          action: 'change-column-type',
          table,
          column: name,
          dataType: after.type,
          ...(before?.type ? { fromType: before.type } : {}),
        });
      if (before ? after.notNull && !before.notNull : after.saysNotNull) call.add({ action: 'set-not-null', table, column: name });
      if (!after.notNull && before?.notNull) call.add({ action: 'drop-not-null', table, column: name });
      return;
    }
    case 'createIndex': {
      const props = propsOf(call.ctx, args[1]);
      const columns = props?.get('columnNames');
      call.add({
        action: 'create-index',
        table,
        name: stringOf(call.ctx, props?.get('name')),
        unique: call.source(props?.get('isUnique')) === 'true',
        columns:
          columns && call.ctx.ts.isArrayLiteralExpression(columns)
            ? columns.elements.map((e) => call.name(e)).filter((c): c is string => Boolean(c))
            : undefined,
      });
      return;
    }
    case 'dropIndex':
      call.add({ action: 'drop-index', table, name: call.str(1) ?? call.source(args[1]) });
      return;
    case 'createForeignKey':
    case 'createForeignKeys':
    case 'createUniqueConstraint':
    case 'createUniqueConstraints':
    case 'createCheckConstraint':
    case 'createCheckConstraints':
    case 'createPrimaryKey': {
      const constraint: ConstraintKind = method.includes('Foreign')
        ? 'foreign-key'
        : method.includes('Unique')
          ? 'unique'
          : method.includes('Check')
            ? 'check'
            : 'primary-key';
      const props = propsOf(call.ctx, args[1]);
      call.add({
        action: 'add-constraint',
        table,
        constraint,
        name: stringOf(call.ctx, props?.get('name')),
        ...(props?.get('referencedTableName') ? { references: stringOf(call.ctx, props.get('referencedTableName')) } : {}),
      });
      return;
    }
    case 'dropForeignKey':
    case 'dropForeignKeys':
    case 'dropUniqueConstraint':
    case 'dropCheckConstraint':
    case 'dropPrimaryKey':
      call.add({
        action: 'drop-constraint',
        table,
        name: call.str(1) ?? call.source(args[1]),
        constraint: method.includes('Foreign')
          ? 'foreign-key'
          : method.includes('Unique')
            ? 'unique'
            : method.includes('Check')
              ? 'check'
              : 'primary-key',
      });
      return;
    case 'dropView':
      call.add({ action: 'drop-object', object: 'view', name: table });
      return;
    case 'createView':
      call.add({ action: 'create-object', object: 'view', name: table });
      return;
    case 'dropSchema':
      call.add({ action: 'drop-schema', object: 'schema', name: table });
      return;
  }
}

export const typeorm: MigrationReader = {
  framework: 'typeorm',
  language: 'script',
  detect: (_path, text) => /MigrationInterface|queryRunner|QueryRunner/.test(text),
  read: (input) => readScript(input, 'typeorm', typeormCall),
};
