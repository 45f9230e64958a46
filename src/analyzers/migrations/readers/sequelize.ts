// Sequelize (sequelize-cli and umzug): `queryInterface.*` calls with the table first, and queryInterface.sequelize.query.
import type { ConstraintKind } from '../../../model/sql.js';
import type { MigrationReader } from './reader.js';
import { columnNames, propsOf, readScript, tableCall, stringOf, type Call } from './script-tree.js';

/** `'users'` or `{ tableName: 'users', schema: … }`. */
const tableOf = (call: Call, i: number) =>
  call.str(i) ??
  (() => {
    const props = propsOf(call.ctx, call.args[i]);
    const name = props && (stringOf(call.ctx, props.get('tableName')) ?? stringOf(call.ctx, props.get('name')));
    return name?.toLowerCase();
  })();

/** A column spec: `{ type, allowNull, defaultValue }` or a bare type (`Sequelize.TEXT`). */
function spec(call: Call, i: number) {
  const node = call.args[i];
  const props = propsOf(call.ctx, node);
  const get = (name: string) => call.source(props?.get(name));
  return {
    props,
    type: (props ? get('type') : call.source(node)).replace(/^(?:Sequelize|DataTypes|Sequelize\.DataTypes)\./, '') || undefined,
    allowNull: props?.has('allowNull') ? get('allowNull') !== 'false' : undefined,
    hasDefault: Boolean(props?.has('defaultValue') || get('autoIncrement') === 'true'),
    primaryKey: get('primaryKey') === 'true',
    unique: get('unique') === 'true',
    references: props?.has('references') ?? false,
  };
}

function sequelizeCall(call: Call): void {
  const { method, args } = call;
  if (method === 'dropAllTables') return call.add({ action: 'drop-table', table: '*' });
  if (method === 'dropEnum' || method === 'dropAllEnums') {
    const name = call.str(0);
    return name
      ? call.add({ action: 'drop-object', object: 'type', name })
      : call.add({ action: 'drop-object', object: 'type', name: '*' });
  }
  if (method === 'createSchema' || method === 'dropSchema') {
    const name = call.str(0);
    if (name)
      call.add(
        method === 'dropSchema' ? { action: 'drop-schema', object: 'schema', name } : { action: 'create-object', object: 'schema', name },
      );
    return;
  }
  const table = tableOf(call, 0);
  if (!table || tableCall(call, table)) return;
  switch (method) {
    case 'addColumn': {
      const column = call.str(1);
      if (!column) return;
      const s = spec(call, 2);
      call.add({ action: 'add-column', table, column, notNull: s.allowNull === false || s.primaryKey, hasDefault: s.hasDefault });
      if (s.unique) call.add({ action: 'add-constraint', table, column, constraint: 'unique' });
      if (s.references) call.add({ action: 'add-constraint', table, column, constraint: 'foreign-key' });
      return;
    }
    case 'changeColumn': {
      // The full new definition: a type, and NOT NULL when allowNull is false. What it was comes from down().
      const column = call.str(1);
      if (!column) return;
      const s = spec(call, 2);
      if (s.type) call.add({ action: 'change-column-type', table, column, dataType: s.type });
      if (s.allowNull === false) call.add({ action: 'set-not-null', table, column });
      if (s.allowNull === true) call.add({ action: 'drop-not-null', table, column });
      return;
    }
    case 'addConstraint': {
      const props = propsOf(call.ctx, args[1]);
      const type = (stringOf(call.ctx, props?.get('type')) ?? '').toLowerCase();
      const constraint: ConstraintKind = type.includes('foreign')
        ? 'foreign-key'
        : type.includes('check')
          ? 'check'
          : type.includes('primary')
            ? 'primary-key'
            : 'unique';
      const fields = props?.get('fields');
      const column = columnNames(call, fields)?.join(', ');
      const references = propsOf(call.ctx, props?.get('references'));
      call.add({
        action: 'add-constraint',
        table,
        constraint,
        name: stringOf(call.ctx, props?.get('name')),
        column: column || undefined,
        ...(references ? { references: stringOf(call.ctx, references.get('table')) } : {}),
      });
      return;
    }
    case 'removeConstraint':
      call.add({ action: 'drop-constraint', table, name: call.str(1) ?? call.source(args[1]) });
      return;
    case 'addIndex': {
      const props = propsOf(call.ctx, args[2]) ?? propsOf(call.ctx, args[1]);
      const fieldsNode = props?.get('fields') ?? args[1];
      const columns = columnNames(call, fieldsNode);
      call.add({
        action: 'create-index',
        table,
        name: stringOf(call.ctx, props?.get('name')),
        unique: call.source(props?.get('unique')) === 'true' || /unique/i.test(stringOf(call.ctx, props?.get('type')) ?? ''),
        concurrently: call.source(props?.get('concurrently')) === 'true',
        columns,
      });
      return;
    }
    case 'removeIndex': {
      // By name, or by the columns it covers (an array): then the index is named by its columns.
      const columns = columnNames(call, args[1]);
      if (columns) call.add({ action: 'drop-index', table, columns });
      else call.add({ action: 'drop-index', table, name: call.str(1) ?? call.source(args[1]) });
      return;
    }
    case 'bulkDelete': {
      const where = call.source(args[1]);
      call.add({ action: 'delete', table, where: !['', '{}', 'null', 'undefined'].includes(where) });
      return;
    }
    case 'bulkUpdate': {
      const where = call.source(args[2]);
      call.add({ action: 'update', table, where: !['', '{}', 'null', 'undefined'].includes(where) });
      return;
    }
    case 'bulkInsert':
    case 'insert':
      call.add({ action: 'insert', table });
      return;
  }
}

export const sequelize: MigrationReader = {
  framework: 'sequelize',
  language: 'script',
  detect: (_path, text) => /queryInterface|QueryInterface|sequelize/i.test(text),
  read: (input) => readScript(input, 'sequelize', sequelizeCall),
};
