// Reads knex, TypeORM, Sequelize, MikroORM and Kysely migrations from their syntax tree:
// schema-builder calls by name and shape, and SQL strings through the SQL reader.
import type { CallExpression, Node as TsNode, SourceFile } from 'ts-morph';
import type { SchemaOp, SqlDialect } from '../sql/ops.js';
import { ident } from '../sql/ops.js';
import type { SqlParser } from '../sql/parsed.js';
import { emptyRead, merge, quote, readSql, type ReadResult } from './read-sql.js';

type Morph = typeof import('ts-morph');

export interface ScriptMigration {
  up: ReadResult;
  /** Absent when the file has no down function; `empty` when it does nothing. */
  down?: ReadResult & { line: number; empty: boolean };
  /** The up function has calls, but none this reader knows. */
  upUnknown: boolean;
}

const SQL_METHODS = new Set(['query', 'raw', 'addSql', 'execute', 'runSql', 'exec', 'executeQuery']);
const TABLE_SCOPES = new Set(['alterTable', 'table', 'createTable', 'createTableIfNotExists', 'createTableLike']);
const KNEX_TYPES = new Set([
  'increments', 'bigIncrements', 'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'text', 'string', 'float', 'double', 'decimal',
  'boolean', 'date', 'datetime', 'time', 'timestamp', 'binary', 'enum', 'enu', 'json', 'jsonb', 'uuid', 'specificType', 'geometry', 'geography', 'point', 'ulid',
]);

export function readScriptMigration(morph: Morph, source: SourceFile, dialect: SqlDialect, parser: SqlParser | undefined): ScriptMigration {
  const { Node } = morph;
  const bodies = functionBodies(morph, source);
  const upNode = bodies.up ?? source;
  const up = readBody(morph, upNode, dialect, parser);
  const calls = upNode.getDescendants().filter((n) => Node.isCallExpression(n)).length;
  const result: ScriptMigration = { up, upUnknown: up.ops.length === 0 && up.unreadable.length === 0 && calls > 0 };
  if (bodies.down) {
    const down = readBody(morph, bodies.down, dialect, parser);
    const empty = !bodies.down.getDescendants().some((n) => Node.isCallExpression(n) || Node.isTaggedTemplateExpression(n));
    result.down = { ...down, line: bodies.down.getStartLineNumber(), empty };
  }
  return result;
}

function functionBodies(morph: Morph, source: SourceFile): { up?: TsNode; down?: TsNode } {
  const { Node } = morph;
  const found: { up?: TsNode; down?: TsNode } = {};
  const take = (name: string | undefined, fn: TsNode | undefined) => {
    if (!fn || (name !== 'up' && name !== 'down') || found[name]) return;
    if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn)) found[name] = fn;
  };
  source.forEachDescendant((node) => {
    if (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node)) take(node.getName(), node);
    else if (Node.isPropertyAssignment(node) || Node.isVariableDeclaration(node)) take(node.getName(), node.getInitializer());
    else if (Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '=') {
      const left = node.getLeft();
      if (Node.isPropertyAccessExpression(left)) take(left.getName(), node.getRight());
    }
  });
  return found;
}

/** A string the code spells out: literals, templates (substitutions kept as their text), `+`, and file-level consts. */
function stringOf(morph: Morph, node: TsNode | undefined, depth = 0): string | undefined {
  const { Node } = morph;
  if (!node || depth > 8) return undefined;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    for (const span of node.getTemplateSpans()) {
      const inner = stringOf(morph, span.getExpression(), depth + 1);
      text += (inner ?? span.getExpression().getText().replace(/[^A-Za-z0-9_]/g, '_')) + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+') {
    const a = stringOf(morph, node.getLeft(), depth + 1);
    const b = stringOf(morph, node.getRight(), depth + 1);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node)) return stringOf(morph, node.getExpression(), depth + 1);
  if (Node.isIdentifier(node)) {
    const decl = node.getSourceFile().getVariableDeclaration(node.getText());
    return decl ? stringOf(morph, decl.getInitializer(), depth + 1) : undefined;
  }
  return undefined;
}

/** Properties of `{ … }` or of `new TableColumn({ … })`. */
function propsOf(morph: Morph, node: TsNode | undefined): Map<string, TsNode> | undefined {
  const { Node } = morph;
  if (!node) return undefined;
  if (Node.isNewExpression(node)) return propsOf(morph, node.getArguments()[0]);
  if (!Node.isObjectLiteralExpression(node)) return undefined;
  const out = new Map<string, TsNode>();
  for (const p of node.getProperties()) {
    if (Node.isPropertyAssignment(p)) out.set(p.getName().replace(/^['"]|['"]$/g, ''), p.getInitializerOrThrow());
    else if (Node.isShorthandPropertyAssignment(p)) out.set(p.getName(), p.getNameNode());
  }
  return out;
}

const methodOf = (morph: Morph, call: CallExpression): string | undefined => {
  const expr = call.getExpression();
  if (morph.Node.isPropertyAccessExpression(expr)) return expr.getName();
  if (morph.Node.isIdentifier(expr)) return expr.getText();
  return undefined;
};

/** The table a builder call works on: the chain it hangs from, or the callback it sits in. */
function tableScope(morph: Morph, call: CallExpression): { table: string; create: boolean } | undefined {
  const { Node } = morph;
  // Chain: db.schema.alterTable('t').dropColumn('c')
  let expr: TsNode = call.getExpression();
  while (Node.isPropertyAccessExpression(expr) || Node.isCallExpression(expr)) {
    if (Node.isCallExpression(expr)) {
      const name = methodOf(morph, expr);
      if (name && TABLE_SCOPES.has(name)) {
        const table = stringOf(morph, expr.getArguments()[0]);
        if (table) return { table: ident(table) ?? table, create: name !== 'alterTable' && name !== 'table' };
      }
      expr = expr.getExpression();
    } else expr = expr.getExpression();
  }
  // Callback: knex.schema.alterTable('t', (table) => { table.dropColumn('c') })
  for (const ancestor of call.getAncestors()) {
    if (!Node.isCallExpression(ancestor)) continue;
    const name = methodOf(morph, ancestor);
    if (!name || !TABLE_SCOPES.has(name)) continue;
    const args = ancestor.getArguments();
    if (args.length < 2) continue;
    const table = stringOf(morph, args[0]);
    if (table) return { table: ident(table) ?? table, create: name !== 'alterTable' && name !== 'table' };
  }
  return undefined;
}

/** Names of the calls chained onto a call: `t.string('a').notNullable().defaultTo('x')`. */
function chainAbove(morph: Morph, call: CallExpression): { names: string[]; top: CallExpression } {
  const { Node } = morph;
  const names: string[] = [];
  let top = call;
  for (;;) {
    const parent = top.getParent();
    const grand = parent?.getParent();
    if (parent && Node.isPropertyAccessExpression(parent) && grand && Node.isCallExpression(grand) && grand.getExpression() === parent) {
      names.push(parent.getName());
      top = grand;
    } else break;
  }
  return { names, top };
}

/** A SQL call counts as a statement of its own, not a fragment inside a builder (`.where(knex.raw(…))`). */
function standsAlone(morph: Morph, node: TsNode): boolean {
  const { Node } = morph;
  let current = node;
  for (;;) {
    const parent = current.getParent();
    if (!parent) return true;
    if (Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent)) {
      current = parent;
      continue;
    }
    if (Node.isPropertyAccessExpression(parent) && ['then', 'catch', 'execute', 'finally'].includes(parent.getName())) {
      const call = parent.getParent();
      if (call && Node.isCallExpression(call)) {
        current = call;
        continue;
      }
    }
    return (
      Node.isExpressionStatement(parent) ||
      Node.isReturnStatement(parent) ||
      Node.isArrowFunction(parent) ||
      Node.isArrayLiteralExpression(parent) ||
      Node.isVariableDeclaration(parent) ||
      (Node.isCallExpression(parent) && methodOf(morph, parent) !== undefined && ['all', 'push', 'allSettled'].includes(methodOf(morph, parent)!))
    );
  }
}

function readBody(morph: Morph, body: TsNode, dialect: SqlDialect, parser: SqlParser | undefined): ReadResult {
  const { Node } = morph;
  const result = emptyRead();
  const add = (call: TsNode, op: SchemaOp) => result.ops.push({ op, line: call.getStartLineNumber(), statement: quote(call.getText()), via: 'builder' });
  const sqlAt = (arg: TsNode, owner: TsNode) => {
    const text = stringOf(morph, arg);
    if (text === undefined) {
      result.unreadable.push({ line: owner.getStartLineNumber(), statement: quote(owner.getText()), reason: 'SQL built at run time: the text cannot be read from the source' });
      return;
    }
    merge(result, readSql(text, arg.getStartLineNumber(), dialect, parser));
  };

  body.forEachDescendant((node) => {
    if (Node.isTaggedTemplateExpression(node)) {
      if (node.getTag().getText() === 'sql' && standsAlone(morph, node)) sqlAt(node.getTemplate(), node);
      return;
    }
    if (!Node.isCallExpression(node)) return;
    const method = methodOf(morph, node);
    if (!method) return;
    const args = node.getArguments();
    const str = (i: number) => {
      const s = stringOf(morph, args[i]);
      return s === undefined ? undefined : ident(s) ?? s;
    };

    if (SQL_METHODS.has(method)) {
      if (args.length > 0 && (method !== 'execute' || stringOf(morph, args[0]) !== undefined) && standsAlone(morph, node)) {
        // knex.raw / queryRunner.query / this.addSql / sequelize.query / sql.raw
        sqlAt(args[0]!, node);
      }
      return;
    }
    const scope = tableScope(morph, node);
    if (scope?.create && !TABLE_SCOPES.has(method)) return; // columns of a table created here: part of create-table

    switch (method) {
      case 'createTable':
      case 'createTableIfNotExists':
      case 'createTableLike': {
        const props = propsOf(morph, args[0]);
        const table = str(0) ?? (props ? stringOf(morph, props.get('name')) : undefined);
        if (table) add(node, { action: 'create-table', table: ident(table) ?? table });
        return;
      }
      case 'dropTable':
      case 'dropTableIfExists': {
        const props = propsOf(morph, args[0]);
        const table = str(0) ?? (props ? stringOf(morph, props.get('name')) : undefined);
        add(node, { action: 'drop-table', table: table ? ident(table) ?? table : args[0]?.getText() ?? '?' });
        return;
      }
      case 'dropAllTables':
        add(node, { action: 'drop-table', table: '*' });
        return;
      case 'renameTable':
        if (str(0) && str(1)) add(node, { action: 'rename-table', table: str(0), to: str(1) });
        return;
      case 'renameTo':
        if (scope && str(0)) add(node, { action: 'rename-table', table: scope.table, to: str(0) });
        return;
      case 'clearTable':
      case 'truncate':
        if (str(0)) add(node, { action: 'truncate', table: str(0) });
        else if (scope) add(node, { action: 'truncate', table: scope.table });
        return;
    }

    const table = scope?.table;
    // TypeORM and Sequelize name the table first; knex and Kysely take it from the scope.
    const twoArg = !table && args.length >= 2 && str(0) !== undefined;
    const colName = (node: TsNode | undefined) => {
      const s = stringOf(morph, node);
      if (s !== undefined) return ident(s) ?? s;
      const props = propsOf(morph, node);
      const name = props && stringOf(morph, props.get('name'));
      return name ? ident(name) ?? name : node?.getText();
    };

    if (table) {
      switch (method) {
        case 'dropColumn':
        case 'dropColumns':
          for (let i = 0; i < args.length; i++) add(node, { action: 'drop-column', table, column: colName(args[i]) });
          return;
        case 'dropTimestamps':
          add(node, { action: 'drop-column', table, column: 'created_at' });
          add(node, { action: 'drop-column', table, column: 'updated_at' });
          return;
        case 'renameColumn':
          add(node, { action: 'rename-column', table, column: colName(args[0]), to: colName(args[1]) });
          return;
        case 'dropForeign':
        case 'dropUnique':
        case 'dropPrimary':
        case 'dropChecks':
        case 'dropConstraint':
          add(node, { action: 'drop-constraint', table, name: str(0) ?? method });
          return;
        case 'dropIndex':
          add(node, { action: 'drop-index', table, name: str(0) ?? args[0]?.getText() });
          return;
        case 'unique':
        case 'addUniqueConstraint':
          add(node, { action: 'add-constraint', table, constraint: 'unique', name: method === 'addUniqueConstraint' ? str(0) : undefined });
          return;
        case 'foreign':
        case 'addForeignKeyConstraint':
          add(node, { action: 'add-constraint', table, constraint: 'foreign-key' });
          return;
        case 'check':
        case 'addCheckConstraint':
          add(node, { action: 'add-constraint', table, constraint: 'check' });
          return;
        case 'primary':
        case 'addPrimaryKeyConstraint':
          add(node, { action: 'add-constraint', table, constraint: 'primary-key' });
          return;
        case 'index':
        case 'addIndex':
          add(node, { action: 'create-index', table, name: str(1) ?? str(0) });
          return;
        case 'setNullable':
          add(node, { action: 'drop-not-null', table, column: colName(args[0]) });
          return;
        case 'dropNullable':
          add(node, { action: 'set-not-null', table, column: colName(args[0]) });
          return;
        case 'addColumn': {
          // Kysely: addColumn('c', 'type', (col) => col.notNull().defaultTo(…))
          const text = args[2]?.getText() ?? '';
          add(node, { action: 'add-column', table, column: colName(args[0]), notNull: /\.notNull\(|\.primaryKey\(/.test(text), hasDefault: /\.defaultTo\(|\.autoIncrement\(|generated/i.test(text) || /serial/i.test(args[1]?.getText() ?? '') });
          if (/\.unique\(/.test(text)) add(node, { action: 'add-constraint', table, column: colName(args[0]), constraint: 'unique' });
          if (/\.references\(/.test(text)) add(node, { action: 'add-constraint', table, column: colName(args[0]), constraint: 'foreign-key' });
          return;
        }
        case 'alterColumn':
        case 'modifyColumn': {
          const column = colName(args[0]);
          const text = args[1]?.getText() ?? '';
          if (/\.setNotNull\(/.test(text)) add(node, { action: 'set-not-null', table, column });
          if (/\.dropNotNull\(/.test(text)) add(node, { action: 'drop-not-null', table, column });
          if (/\.dropDefault\(/.test(text)) add(node, { action: 'drop-default', table, column });
          if (/\.setDefault\(/.test(text)) add(node, { action: 'set-default', table, column });
          if (/\.setDataType\(|\.type\(/.test(text) || method === 'modifyColumn') add(node, { action: 'change-column-type', table, column, dataType: /setDataType\(\s*['"`]([^'"`]+)/.exec(text)?.[1] });
          return;
        }
        case 'timestamps':
          add(node, { action: 'add-column', table, column: 'created_at', notNull: false, hasDefault: false });
          add(node, { action: 'add-column', table, column: 'updated_at', notNull: false, hasDefault: false });
          return;
      }
      if (KNEX_TYPES.has(method) && args.length > 0 && stringOf(morph, args[0]) !== undefined) {
        const column = colName(args[0]);
        const { names } = chainAbove(morph, node);
        if (names.includes('alter')) {
          add(node, { action: 'change-column-type', table, column, dataType: method });
          if (names.includes('notNullable')) add(node, { action: 'set-not-null', table, column });
          return;
        }
        const notNull = names.includes('notNullable') || names.includes('primary');
        const hasDefault = names.includes('defaultTo') || method === 'increments' || method === 'bigIncrements';
        add(node, { action: 'add-column', table, column, notNull, hasDefault });
        if (names.includes('unique')) add(node, { action: 'add-constraint', table, column, constraint: 'unique' });
        if (names.includes('references') || names.includes('inTable')) add(node, { action: 'add-constraint', table, column, constraint: 'foreign-key' });
        return;
      }
      return;
    }

    // Calls that name their table first: queryRunner.* (TypeORM), queryInterface.* (Sequelize).
    if (!twoArg && method !== 'bulkDelete' && method !== 'dropIndex' && method !== 'removeIndex') {
      if (method === 'createIndex' && scope === undefined) {
        // Kysely: db.schema.createIndex('i').on('t') — read by its chain.
        const { names, top } = chainAbove(morph, node);
        const on = names.includes('on') ? top.getText().match(/\.on\(\s*['"`]([^'"`]+)/)?.[1] : undefined;
        add(node, { action: 'create-index', name: str(0), table: on ? ident(on) : undefined, unique: names.includes('unique') });
      } else if (method === 'dropView' || method === 'dropType' || method === 'dropMaterializedView') {
        add(node, { action: 'drop-object', object: method === 'dropType' ? 'type' : method === 'dropView' ? 'view' : 'materialized view', name: str(0) });
      } else if (method === 'createView' || method === 'createType' || method === 'createSchema') {
        add(node, { action: 'create-object', object: method.slice(6).toLowerCase(), name: str(0) });
      } else if (method === 'dropSchema') {
        add(node, { action: 'drop-schema', object: 'schema', name: str(0) });
      }
      return;
    }
    const t = str(0) ?? stringOf(morph, propsOf(morph, args[0])?.get('name')) ?? '?';
    switch (method) {
      case 'dropColumn':
      case 'removeColumn':
        add(node, { action: 'drop-column', table: t, column: colName(args[1]) });
        return;
      case 'dropColumns': {
        const list = args[1];
        const items = list && Node.isArrayLiteralExpression(list) ? list.getElements() : [list];
        for (const item of items) add(node, { action: 'drop-column', table: t, column: colName(item) });
        return;
      }
      case 'renameColumn':
        add(node, { action: 'rename-column', table: t, column: colName(args[1]), to: colName(args[2]) });
        return;
      case 'addColumn': {
        // TypeORM: addColumn('t', new TableColumn({ name, isNullable, default }));  Sequelize: addColumn('t', 'c', { allowNull, defaultValue })
        const typeorm = args.length === 2;
        const props = propsOf(morph, typeorm ? args[1] : args[2]);
        const column = colName(args[1]);
        const flag = (name: string) => props?.get(name)?.getText();
        const notNull = typeorm ? flag('isNullable') !== 'true' : flag('allowNull') === 'false' || flag('primaryKey') === 'true';
        const hasDefault = Boolean(props?.has('default') || props?.has('defaultValue') || flag('isGenerated') === 'true' || flag('autoIncrement') === 'true');
        add(node, { action: 'add-column', table: t, column, notNull, hasDefault });
        if (flag('unique') === 'true' || flag('isUnique') === 'true') add(node, { action: 'add-constraint', table: t, column, constraint: 'unique' });
        if (props?.has('references')) add(node, { action: 'add-constraint', table: t, column, constraint: 'foreign-key' });
        return;
      }
      case 'addColumns': {
        const list = args[1];
        for (const item of list && Node.isArrayLiteralExpression(list) ? list.getElements() : []) {
          const props = propsOf(morph, item);
          add(node, { action: 'add-column', table: t, column: colName(item), notNull: props?.get('isNullable')?.getText() !== 'true', hasDefault: Boolean(props?.has('default')) });
        }
        return;
      }
      case 'changeColumn': {
        const typeorm = args.length === 3 && propsOf(morph, args[2]) !== undefined && Node.isNewExpression(args[2]!);
        const column = colName(args[1]);
        const props = propsOf(morph, args[2]);
        if (typeorm) {
          const to = colName(args[2]);
          if (to && column && to !== column) add(node, { action: 'rename-column', table: t, column, to });
        }
        add(node, { action: 'change-column-type', table: t, column, dataType: props?.get('type')?.getText() });
        if (props?.get('allowNull')?.getText() === 'false' || props?.get('isNullable')?.getText() === 'false') add(node, { action: 'set-not-null', table: t, column });
        return;
      }
      case 'bulkDelete':
      case 'delete': {
        const where = args[1];
        const empty = !where || where.getText() === '{}' || where.getText() === 'null' || where.getText() === 'undefined';
        add(node, { action: 'delete', table: t, where: !empty });
        return;
      }
      case 'bulkUpdate': {
        const where = args[2];
        const empty = !where || where.getText() === '{}' || where.getText() === 'null';
        add(node, { action: 'update', table: t, where: !empty });
        return;
      }
      case 'bulkInsert':
      case 'insert':
        add(node, { action: 'insert', table: t });
        return;
      case 'addConstraint': {
        const props = propsOf(morph, args[1]);
        const type = (stringOf(morph, props?.get('type')) ?? '').toLowerCase();
        const constraint = type.includes('foreign') ? 'foreign-key' : type.includes('check') ? 'check' : type.includes('primary') ? 'primary-key' : 'unique';
        add(node, { action: 'add-constraint', table: t, constraint, name: stringOf(morph, props?.get('name')) });
        return;
      }
      case 'createForeignKey':
      case 'createForeignKeys':
        add(node, { action: 'add-constraint', table: t, constraint: 'foreign-key' });
        return;
      case 'createUniqueConstraint':
      case 'createUniqueConstraints':
        add(node, { action: 'add-constraint', table: t, constraint: 'unique' });
        return;
      case 'createCheckConstraint':
      case 'createCheckConstraints':
        add(node, { action: 'add-constraint', table: t, constraint: 'check' });
        return;
      case 'createPrimaryKey':
        add(node, { action: 'add-constraint', table: t, constraint: 'primary-key' });
        return;
      case 'removeConstraint':
      case 'dropForeignKey':
      case 'dropUniqueConstraint':
      case 'dropCheckConstraint':
      case 'dropPrimaryKey':
        add(node, { action: 'drop-constraint', table: t, name: str(1) ?? args[1]?.getText() });
        return;
      case 'addIndex':
      case 'createIndex': {
        const props = propsOf(morph, args[1]) ?? propsOf(morph, args[2]);
        add(node, { action: 'create-index', table: t, name: stringOf(morph, props?.get('name')), unique: props?.get('unique')?.getText() === 'true' || props?.get('isUnique')?.getText() === 'true', concurrently: props?.get('concurrently')?.getText() === 'true' });
        return;
      }
      case 'removeIndex':
      case 'dropIndex':
        add(node, { action: 'drop-index', table: t, name: str(1) ?? args[1]?.getText() });
        return;
    }
  });
  return result;
}
