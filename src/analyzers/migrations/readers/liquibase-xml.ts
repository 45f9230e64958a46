// Liquibase XML changelogs: the change elements of each <changeSet> are the up part, the elements or SQL of
// its <rollback> the down part. A change this reader does not know is reported, never skipped.
import { SaxesParser, type SaxesAttributeNS, type SaxesTag } from 'saxes';
import { ident, type ConstraintKind, type SchemaOp } from '../../../model/sql.js';
import { emptyRead, merge, quote, type ReadResult } from '../read-sql.js';
import type { MigrationReader, ReaderInput } from './reader.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  line: number;
  children: Element[];
  text: string;
}

/** Changes that only document, guard or tag: nothing to read. */
const INERT = new Set(['comment', 'preConditions', 'validCheckSum', 'tagDatabase', 'empty', 'modifySql']);

function parse(text: string): Element | undefined {
  const parser = new SaxesParser({ position: true });
  const root: Element = { name: '#root', attrs: {}, line: 1, children: [], text: '' };
  const stack: Element[] = [root];
  let failed = false;
  parser.on('opentag', (tag: SaxesTag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string | SaxesAttributeNS>))
      attrs[k] = typeof v === 'string' ? v : v.value;
    const element: Element = { name: tag.name.replace(/^[^:]+:/, ''), attrs, line: parser.line, children: [], text: '' };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t: string) => (stack[stack.length - 1]!.text += t));
  parser.on('cdata', (t: string) => (stack[stack.length - 1]!.text += t));
  parser.on('error', () => (failed = true));
  try {
    parser.write(text).close();
  } catch {
    failed = true;
  }
  return failed ? undefined : root;
}

const find = (e: Element, name: string): Element[] => e.children.filter((c) => c.name === name);
const n = (v: string | undefined) => (v === undefined ? undefined : (ident(v) ?? v));
const shown = (e: Element) =>
  `<${e.name}${Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')}/>`;

/** The schema operations of one change element; undefined when it is not known. */
function changeOps(e: Element): SchemaOp[] | undefined {
  const a = e.attrs;
  const table = n(a.tableName ?? a.baseTableName);
  const columns = find(e, 'column');
  const need = <T extends SchemaOp>(op: T, ...values: (string | undefined)[]): T[] | undefined =>
    values.every(Boolean) ? [op] : undefined;
  switch (e.name) {
    case 'createTable':
      return need({ action: 'create-table', table: table! }, table);
    case 'dropTable':
      return need({ action: 'drop-table', table: table!, cascade: a.cascadeConstraints === 'true' || undefined }, table);
    case 'renameTable':
      return need({ action: 'rename-table', table: n(a.oldTableName)!, to: n(a.newTableName)! }, a.oldTableName, a.newTableName);
    case 'addColumn': {
      if (!table || columns.length === 0) return undefined;
      return columns.flatMap((c): SchemaOp[] => {
        const column = n(c.attrs.name) ?? '?';
        const constraints = find(c, 'constraints')[0]?.attrs ?? {};
        const hasDefault = Object.keys(c.attrs).some((k) => k.startsWith('default') || k === 'autoIncrement' || k === 'valueComputed');
        const ops: SchemaOp[] = [
          {
            action: 'add-column',
            table,
            column,
            notNull: constraints.nullable === 'false' || constraints.primaryKey === 'true',
            hasDefault,
          },
        ];
        if (constraints.unique === 'true') ops.push({ action: 'add-constraint', table, column, constraint: 'unique' });
        if (constraints.references || constraints.referencedTableName || constraints.foreignKeyName)
          ops.push({
            action: 'add-constraint',
            table,
            column,
            constraint: 'foreign-key',
            references: n(constraints.referencedTableName ?? constraints.references?.split('(')[0]),
          });
        return ops;
      });
    }
    case 'dropColumn': {
      const names = a.columnName ? [a.columnName] : columns.map((c) => c.attrs.name).filter((x): x is string => Boolean(x));
      return table && names.length ? names.map((c) => ({ action: 'drop-column', table, column: n(c)! })) : undefined;
    }
    case 'renameColumn':
      return need(
        { action: 'rename-column', table: table!, column: n(a.oldColumnName)!, to: n(a.newColumnName)! },
        table,
        a.oldColumnName,
        a.newColumnName,
      );
    case 'modifyDataType':
      return need(
        { action: 'change-column-type', table: table!, column: n(a.columnName)!, dataType: a.newDataType?.toLowerCase() },
        table,
        a.columnName,
      );
    case 'addNotNullConstraint':
      return need({ action: 'set-not-null', table: table!, column: n(a.columnName)! }, table, a.columnName);
    case 'dropNotNullConstraint':
      return need({ action: 'drop-not-null', table: table!, column: n(a.columnName)! }, table, a.columnName);
    case 'addDefaultValue':
      return need({ action: 'set-default', table: table!, column: n(a.columnName)! }, table, a.columnName);
    case 'dropDefaultValue':
      return need({ action: 'drop-default', table: table!, column: n(a.columnName)! }, table, a.columnName);
    case 'addUniqueConstraint':
    case 'addForeignKeyConstraint':
    case 'addPrimaryKey': {
      const constraint: ConstraintKind =
        e.name === 'addUniqueConstraint' ? 'unique' : e.name === 'addPrimaryKey' ? 'primary-key' : 'foreign-key';
      const column = a.columnNames ?? a.baseColumnNames;
      return need(
        {
          action: 'add-constraint',
          table: table!,
          constraint,
          name: n(a.constraintName),
          column: column
            ?.split(',')
            .map((c) => n(c.trim()))
            .join(', '),
          ...(a.referencedTableName ? { references: n(a.referencedTableName) } : {}),
        },
        table,
      );
    }
    case 'dropUniqueConstraint':
    case 'dropForeignKeyConstraint':
    case 'dropPrimaryKey':
      return need(
        {
          action: 'drop-constraint',
          table: table!,
          name: n(a.constraintName),
          constraint: e.name === 'dropForeignKeyConstraint' ? 'foreign-key' : e.name === 'dropPrimaryKey' ? 'primary-key' : 'unique',
        },
        table,
      );
    case 'createIndex':
      return need(
        {
          action: 'create-index',
          table: table!,
          name: n(a.indexName),
          unique: a.unique === 'true',
          columns: columns.map((c) => n(c.attrs.name)).filter((x): x is string => Boolean(x)),
        },
        table,
      );
    case 'dropIndex':
      return [{ action: 'drop-index', name: n(a.indexName), table }];
    case 'createView':
      return [{ action: 'create-object', object: 'view', name: n(a.viewName) }];
    case 'dropView':
      return need({ action: 'drop-object', object: 'view', name: n(a.viewName)! }, a.viewName);
    case 'renameView':
      return need({ action: 'drop-object', object: 'view', name: n(a.oldViewName)!, to: n(a.newViewName) }, a.oldViewName);
    case 'createSequence':
      return [{ action: 'create-object', object: 'sequence', name: n(a.sequenceName) }];
    case 'dropSequence':
      return need({ action: 'drop-object', object: 'sequence', name: n(a.sequenceName)! }, a.sequenceName);
    case 'createProcedure':
      return [{ action: 'create-object', object: 'procedure', name: n(a.procedureName) }];
    case 'dropProcedure':
      return need({ action: 'drop-object', object: 'procedure', name: n(a.procedureName)! }, a.procedureName);
    case 'delete':
      return need({ action: 'delete', table: table!, where: find(e, 'where').some((w) => w.text.trim() !== '') }, table);
    case 'update':
      return need({ action: 'update', table: table!, where: find(e, 'where').some((w) => w.text.trim() !== '') }, table);
    case 'insert':
    case 'loadData':
    case 'loadUpdateData':
      return need({ action: 'insert', table: table! }, table);
    default:
      return undefined;
  }
}

/** Reads change elements (a changeSet's or a rollback's) into one result. */
function readChanges(elements: Element[], input: ReaderInput): ReadResult {
  const result = emptyRead();
  for (const e of elements) {
    if (INERT.has(e.name) || e.name === 'rollback') continue;
    if (e.name === 'sql' || (e.name === 'createProcedure' && e.text.trim() !== '')) {
      const offset = /^\s*\n/.test(e.text) ? 1 : 0;
      merge(result, input.sql(e.text, e.line + offset));
      continue;
    }
    const ops = changeOps(e);
    if (!ops) {
      result.unreadable.push({
        line: e.line,
        statement: quote(shown(e)),
        reason:
          e.name === 'sqlFile'
            ? 'Liquibase <sqlFile>: the SQL is in another file, read it with the changelog'
            : `Liquibase change <${e.name}> not understood`,
      });
      continue;
    }
    for (const op of ops) result.ops.push({ op, line: e.line, statement: quote(shown(e)), via: 'builder' });
  }
  return result;
}

export const liquibaseXml: MigrationReader = {
  framework: 'liquibase',
  language: 'xml',
  detect: (_path, text) => /<databaseChangeLog\b/.test(text),
  read(input) {
    const root = parse(input.text);
    if (!root) {
      const up = emptyRead();
      up.unreadable.push({ line: 1, statement: input.path, reason: 'the Liquibase changelog is not well-formed XML' });
      return { up };
    }
    const log = root.children.find((c) => c.name === 'databaseChangeLog');
    const sets = log ? find(log, 'changeSet') : [];
    const up = emptyRead();
    const down = emptyRead();
    let downLine = 0;
    for (const set of sets) {
      merge(up, readChanges(set.children, input));
      for (const rollback of find(set, 'rollback')) {
        downLine ||= rollback.line;
        merge(down, readChanges(rollback.children, input));
        if (rollback.text.trim() !== '') merge(down, input.sql(rollback.text, rollback.line));
      }
    }
    return { up, ...(downLine ? { down: { ...down, line: downLine, empty: down.ops.length === 0 && down.unreadable.length === 0 } } : {}) };
  },
};
