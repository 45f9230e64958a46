// node-pg-migrate: `pgm.*` calls (tables as a string or `{ schema, name }`, column specs as objects) and pgm.sql.
import type { ConstraintKind } from '../../../model/sql.js';
import type { MigrationReader } from './reader.js';
import { columnNames, propsOf, readScript, stringOf, type Call } from './script-tree.js';

/** `'users'` or `{ schema: 'app', name: 'users' }`. */
const nameAt = (call: Call, i: number) => call.str(i) ?? call.name(call.args[i]);
const option = (call: Call, i: number, name: string) => call.source(propsOf(call.ctx, call.args[i])?.get(name));

/** Column names: `'a'`, `['a', 'b']`. */
function names(call: Call, i: number): string[] {
  const arg = call.args[i];
  const list = columnNames(call, arg);
  if (list) return list;
  const one = call.name(arg);
  return one ? [one] : [];
}

function pgmCall(call: Call): void {
  const { method, args } = call;
  const table = nameAt(call, 0);
  const cascade = option(call, 1, 'cascade') === 'true' || option(call, 2, 'cascade') === 'true' || undefined;
  switch (method) {
    case 'createTable':
      if (table) call.add({ action: 'create-table', table });
      return;
    case 'dropTable':
      if (table) call.add({ action: 'drop-table', table, cascade });
      return;
    case 'renameTable': {
      const to = call.str(1);
      if (table && to) call.add({ action: 'rename-table', table, to });
      return;
    }
    case 'addColumns':
    case 'addColumn': {
      const columns = propsOf(call.ctx, args[1]);
      if (!table || !columns) return;
      for (const [column, def] of columns) {
        const props = propsOf(call.ctx, def);
        const get = (k: string) => call.source(props?.get(k));
        const type = stringOf(call.ctx, def) ?? stringOf(call.ctx, props?.get('type')) ?? '';
        call.add({
          action: 'add-column',
          table,
          column: column.toLowerCase(),
          notNull: get('notNull') === 'true' || get('primaryKey') === 'true',
          hasDefault: Boolean(props?.has('default') || props?.has('sequenceGenerated') || /serial/i.test(type)),
        });
        if (get('unique') === 'true') call.add({ action: 'add-constraint', table, column: column.toLowerCase(), constraint: 'unique' });
        if (props?.has('references'))
          call.add({
            action: 'add-constraint',
            table,
            column: column.toLowerCase(),
            constraint: 'foreign-key',
            references: stringOf(call.ctx, props.get('references')),
          });
      }
      return;
    }
    case 'dropColumns':
    case 'dropColumn':
      if (table) for (const column of names(call, 1)) call.add({ action: 'drop-column', table, column, cascade });
      return;
    case 'renameColumn': {
      const [column, to] = [call.str(1), call.str(2)];
      if (table && column && to) call.add({ action: 'rename-column', table, column, to });
      return;
    }
    case 'alterColumn': {
      const column = call.str(1);
      const props = propsOf(call.ctx, args[2]);
      if (!table || !column || !props) return;
      const get = (k: string) => call.source(props.get(k));
      if (props.has('type')) call.add({ action: 'change-column-type', table, column, dataType: stringOf(call.ctx, props.get('type')) });
      if (get('notNull') === 'true' || get('allowNull') === 'false') call.add({ action: 'set-not-null', table, column });
      if (get('notNull') === 'false' || get('allowNull') === 'true') call.add({ action: 'drop-not-null', table, column });
      if (props.has('default'))
        call.add(get('default') === 'null' ? { action: 'drop-default', table, column } : { action: 'set-default', table, column });
      return;
    }
    case 'addConstraint':
    case 'createConstraint': {
      const props = propsOf(call.ctx, args[2]);
      if (!table) return;
      const kind: ConstraintKind | undefined = props?.has('unique')
        ? 'unique'
        : props?.has('foreignKeys') || props?.has('references')
          ? 'foreign-key'
          : props?.has('check')
            ? 'check'
            : props?.has('primaryKey')
              ? 'primary-key'
              : props?.has('exclude')
                ? 'exclude'
                : undefined;
      if (kind) call.add({ action: 'add-constraint', table, constraint: kind, name: call.str(1) });
      else call.unreadable('a constraint given as SQL text or a variable: its kind is not read');
      return;
    }
    case 'dropConstraint':
      if (table) call.add({ action: 'drop-constraint', table, name: call.str(1), cascade });
      return;
    case 'createIndex':
    case 'addIndex':
      if (table)
        call.add({
          action: 'create-index',
          table,
          name: stringOf(call.ctx, propsOf(call.ctx, args[2])?.get('name')),
          columns: names(call, 1),
          unique: option(call, 2, 'unique') === 'true',
          concurrently: option(call, 2, 'concurrently') === 'true',
        });
      return;
    case 'dropIndex':
      call.add({
        action: 'drop-index',
        table,
        name: stringOf(call.ctx, propsOf(call.ctx, args[2])?.get('name')) ?? names(call, 1).join('_'),
      });
      return;
    case 'addTypeValue': {
      const value = call.str(1);
      if (table && value) call.add({ action: 'enum-add-value', name: table, to: value });
      return;
    }
    case 'renameTypeValue': {
      const [from, to] = [call.str(1), call.str(2)];
      if (table && to) call.add({ action: 'enum-rename-value', name: table, from, to });
      return;
    }
    case 'renameType': {
      const to = call.str(1);
      if (table && to) call.add({ action: 'drop-object', object: 'type', name: table, to });
      return;
    }
    case 'renameSchema': {
      const to = call.str(1);
      if (table && to) call.add({ action: 'rename-schema', name: table, to });
      return;
    }
    case 'dropType':
    case 'dropView':
    case 'dropMaterializedView':
    case 'dropFunction':
    case 'dropSequence':
    case 'dropExtension':
    case 'dropDomain':
    case 'dropRole':
    case 'dropPolicy':
    case 'dropOperator': {
      const object = {
        dropType: 'type',
        dropView: 'view',
        dropMaterializedView: 'materialized view',
        dropFunction: 'function',
        dropSequence: 'sequence',
        dropExtension: 'extension',
        dropDomain: 'domain',
        dropRole: 'role',
        dropPolicy: 'policy',
        dropOperator: 'operator',
      }[method];
      const name = method === 'dropPolicy' ? call.str(1) : table;
      if (name)
        call.add({
          action: 'drop-object',
          object,
          name,
          ...(method === 'dropPolicy' && table ? { table } : {}),
          cascade: option(call, method === 'dropFunction' ? 2 : 1, 'cascade') === 'true' || undefined,
        });
      return;
    }
    case 'dropTrigger': {
      const name = call.str(1);
      if (name) call.add({ action: 'drop-object', object: 'trigger', name, table });
      return;
    }
    case 'createTrigger':
      call.add({ action: 'create-trigger', name: call.str(1), table });
      return;
    case 'createPolicy':
      if (table) call.add({ action: 'create-policy', table, name: call.str(1) });
      return;
    case 'dropSchema':
      if (table) call.add({ action: 'drop-schema', object: 'schema', name: table, cascade });
      return;
    case 'createType':
    case 'createView':
    case 'createMaterializedView':
    case 'createFunction':
    case 'createSequence':
    case 'createExtension':
    case 'createSchema':
    case 'createDomain':
      call.add({
        action: 'create-object',
        object: method
          .replace(/^create/, '')
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase(),
        name: table,
      });
      return;
  }
}

export const nodePgMigrate: MigrationReader = {
  framework: 'node-pg-migrate',
  language: 'script',
  detect: (_path, text) => /node-pg-migrate|MigrationBuilder|\bpgm\s*\.\s*[a-zA-Z]+\s*\(/.test(text),
  read: (input) => readScript(input, 'node-pg-migrate', pgmCall),
};
