// Reads knex, TypeORM, Sequelize, MikroORM and Kysely migrations from their syntax tree:
// schema-builder calls by name and shape, and SQL strings through the SQL reader.
import type { ts as TsNamespace } from 'ts-morph';
import type { SchemaOp, SqlDialect } from '../../model/sql.js';
import { ident } from '../../model/sql.js';
import type { SqlParser } from '../../parse/sql/parsed.js';
import { emptyRead, merge, quote, readSql, type ReadResult } from './read-sql.js';

type TsNode = TsNamespace.Node;
type CallExpression = TsNamespace.CallExpression;

/** The TypeScript API and the tree being read: raw syntax trees with parent links, no ts-morph wrappers. */
interface Ctx {
  ts: typeof TsNamespace;
  source: TsNamespace.SourceFile;
}

const text = (ctx: Ctx, node: TsNode) => node.getText(ctx.source);
const lineOf = (ctx: Ctx, node: TsNode) => ctx.source.getLineAndCharacterOfPosition(node.getStart(ctx.source)).line + 1;
/** Every node under `node` (not itself), depth first, in source order. */
function forEachDescendant(ctx: Ctx, node: TsNode, visit: (node: TsNode) => void): void {
  const walk = (child: TsNode): void => {
    visit(child);
    ctx.ts.forEachChild(child, walk);
  };
  ctx.ts.forEachChild(node, walk);
}
/** The name of a declaration or property as ts-morph's getName gives it (string-literal names keep their quotes). */
const nameOf = (ctx: Ctx, node: { name?: TsNode }) => (node.name ? (ctx.ts.isIdentifier(node.name) || ctx.ts.isPrivateIdentifier(node.name) ? node.name.text : text(ctx, node.name)) : undefined);

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

export function readScriptMigration(ts: typeof TsNamespace, source: TsNamespace.SourceFile, dialect: SqlDialect, parser: SqlParser | undefined): ScriptMigration {
  const ctx: Ctx = { ts, source };
  const bodies = functionBodies(ctx);
  const upNode = bodies.up ?? source;
  const up = readBody(ctx, upNode, dialect, parser);
  let calls = 0;
  forEachDescendant(ctx, upNode, (n) => {
    if (ts.isCallExpression(n)) calls += 1;
  });
  const result: ScriptMigration = { up, upUnknown: up.ops.length === 0 && up.unreadable.length === 0 && calls > 0 };
  if (bodies.down) {
    const down = readBody(ctx, bodies.down, dialect, parser);
    let empty = true;
    forEachDescendant(ctx, bodies.down, (n) => {
      if (ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) empty = false;
    });
    result.down = { ...down, line: lineOf(ctx, bodies.down), empty };
  }
  return result;
}

function functionBodies(ctx: Ctx): { up?: TsNode; down?: TsNode } {
  const { ts } = ctx;
  const found: { up?: TsNode; down?: TsNode } = {};
  const take = (name: string | undefined, fn: TsNode | undefined) => {
    if (!fn || (name !== 'up' && name !== 'down') || found[name]) return;
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) found[name] = fn;
  };
  forEachDescendant(ctx, ctx.source, (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) take(nameOf(ctx, node), node);
    else if (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) take(nameOf(ctx, node), node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      if (ts.isPropertyAccessExpression(left)) take(left.name.text, node.right);
    }
  });
  return found;
}

/** A string the code spells out: literals, templates (substitutions kept as their text), `+`, and file-level consts. */
function stringOf(ctx: Ctx, node: TsNode | undefined, depth = 0): string | undefined {
  const { ts } = ctx;
  if (!node || depth > 8) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const inner = stringOf(ctx, span.expression, depth + 1);
      out += (inner ?? text(ctx, span.expression).replace(/[^A-Za-z0-9_]/g, '_')) + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = stringOf(ctx, node.left, depth + 1);
    const b = stringOf(ctx, node.right, depth + 1);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return stringOf(ctx, node.expression, depth + 1);
  if (ts.isIdentifier(node)) {
    const decl = topLevelVariable(ctx, node.text);
    return decl ? stringOf(ctx, decl.initializer, depth + 1) : undefined;
  }
  return undefined;
}

/** A variable declared by a statement of the file itself (`const TABLE = 'users'`). */
function topLevelVariable(ctx: Ctx, name: string): TsNamespace.VariableDeclaration | undefined {
  for (const statement of ctx.source.statements) {
    if (!ctx.ts.isVariableStatement(statement)) continue;
    const found = statement.declarationList.declarations.find((d) => ctx.ts.isIdentifier(d.name) && d.name.text === name);
    if (found) return found;
  }
  return undefined;
}

/** Properties of `{ … }` or of `new TableColumn({ … })`. */
function propsOf(ctx: Ctx, node: TsNode | undefined): Map<string, TsNode> | undefined {
  const { ts } = ctx;
  if (!node) return undefined;
  if (ts.isNewExpression(node)) return propsOf(ctx, node.arguments?.[0]);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const out = new Map<string, TsNode>();
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p)) out.set(text(ctx, p.name).replace(/^['"]|['"]$/g, ''), p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) out.set(p.name.text, p.name);
  }
  return out;
}

const methodOf = (ctx: Ctx, call: CallExpression): string | undefined => {
  const expr = call.expression;
  if (ctx.ts.isPropertyAccessExpression(expr)) return expr.name.text;
  if (ctx.ts.isIdentifier(expr)) return expr.text;
  return undefined;
};

/** The table a builder call works on: the chain it hangs from, or the callback it sits in. */
function tableScope(ctx: Ctx, call: CallExpression): { table: string; create: boolean } | undefined {
  const { ts } = ctx;
  // Chain: db.schema.alterTable('t').dropColumn('c')
  let expr: TsNode = call.expression;
  while (ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr)) {
    if (ts.isCallExpression(expr)) {
      const name = methodOf(ctx, expr);
      if (name && TABLE_SCOPES.has(name)) {
        const table = stringOf(ctx, expr.arguments[0]);
        if (table) return { table: ident(table) ?? table, create: name !== 'alterTable' && name !== 'table' };
      }
    }
    expr = expr.expression;
  }
  // Callback: knex.schema.alterTable('t', (table) => { table.dropColumn('c') })
  for (let ancestor = call.parent as TsNode | undefined; ancestor; ancestor = ancestor.parent) {
    if (!ts.isCallExpression(ancestor)) continue;
    const name = methodOf(ctx, ancestor);
    if (!name || !TABLE_SCOPES.has(name)) continue;
    const args = ancestor.arguments;
    if (args.length < 2) continue;
    const table = stringOf(ctx, args[0]);
    if (table) return { table: ident(table) ?? table, create: name !== 'alterTable' && name !== 'table' };
  }
  return undefined;
}

/** Names of the calls chained onto a call: `t.string('a').notNullable().defaultTo('x')`. */
function chainAbove(ctx: Ctx, call: CallExpression): { names: string[]; top: CallExpression } {
  const { ts } = ctx;
  const names: string[] = [];
  let top = call;
  for (;;) {
    const parent = top.parent as TsNode | undefined;
    const grand = parent?.parent as TsNode | undefined;
    if (parent && ts.isPropertyAccessExpression(parent) && grand && ts.isCallExpression(grand) && grand.expression === parent) {
      names.push(parent.name.text);
      top = grand;
    } else break;
  }
  return { names, top };
}

/** A SQL call counts as a statement of its own, not a fragment inside a builder (`.where(knex.raw(…))`). */
function standsAlone(ctx: Ctx, node: TsNode): boolean {
  const { ts } = ctx;
  let current = node;
  for (;;) {
    const parent = current.parent as TsNode | undefined;
    if (!parent) return true;
    if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) {
      current = parent;
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) && ['then', 'catch', 'execute', 'finally'].includes(parent.name.text)) {
      const call = parent.parent as TsNode | undefined;
      if (call && ts.isCallExpression(call)) {
        current = call;
        continue;
      }
    }
    return (
      ts.isExpressionStatement(parent) ||
      ts.isReturnStatement(parent) ||
      ts.isArrowFunction(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isVariableDeclaration(parent) ||
      (ts.isCallExpression(parent) && methodOf(ctx, parent) !== undefined && ['all', 'push', 'allSettled'].includes(methodOf(ctx, parent)!))
    );
  }
}

function readBody(ctx: Ctx, body: TsNode, dialect: SqlDialect, parser: SqlParser | undefined): ReadResult {
  const { ts } = ctx;
  const result = emptyRead();
  const add = (call: TsNode, op: SchemaOp) => result.ops.push({ op, line: lineOf(ctx, call), statement: quote(text(ctx, call)), via: 'builder' });
  const sqlAt = (arg: TsNode, owner: TsNode) => {
    const sql = stringOf(ctx, arg);
    if (sql === undefined) {
      result.unreadable.push({ line: lineOf(ctx, owner), statement: quote(text(ctx, owner)), reason: 'SQL built at run time: the text cannot be read from the source' });
      return;
    }
    merge(result, readSql(sql, lineOf(ctx, arg), dialect, parser));
  };
  /** Source text of an optional node (an argument that may be missing). */
  const textOf = (node: TsNode | undefined) => (node ? text(ctx, node) : undefined);

  forEachDescendant(ctx, body, (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      if (text(ctx, node.tag) === 'sql' && standsAlone(ctx, node)) sqlAt(node.template, node);
      return;
    }
    if (!ts.isCallExpression(node)) return;
    const method = methodOf(ctx, node);
    if (!method) return;
    const args = node.arguments;
    const str = (i: number) => {
      const s = stringOf(ctx, args[i]);
      return s === undefined ? undefined : ident(s) ?? s;
    };

    if (SQL_METHODS.has(method)) {
      if (args.length > 0 && (method !== 'execute' || stringOf(ctx, args[0]) !== undefined) && standsAlone(ctx, node)) {
        // knex.raw / queryRunner.query / this.addSql / sequelize.query / sql.raw
        sqlAt(args[0]!, node);
      }
      return;
    }
    const scope = tableScope(ctx, node);
    if (scope?.create && !TABLE_SCOPES.has(method)) return; // columns of a table created here: part of create-table

    switch (method) {
      case 'createTable':
      case 'createTableIfNotExists':
      case 'createTableLike': {
        const props = propsOf(ctx, args[0]);
        const table = str(0) ?? (props ? stringOf(ctx, props.get('name')) : undefined);
        if (table) add(node, { action: 'create-table', table: ident(table) ?? table });
        return;
      }
      case 'dropTable':
      case 'dropTableIfExists': {
        const props = propsOf(ctx, args[0]);
        const table = str(0) ?? (props ? stringOf(ctx, props.get('name')) : undefined);
        add(node, { action: 'drop-table', table: table ? ident(table) ?? table : textOf(args[0]) ?? '?' });
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
      const s = stringOf(ctx, node);
      if (s !== undefined) return ident(s) ?? s;
      const props = propsOf(ctx, node);
      const name = props && stringOf(ctx, props.get('name'));
      return name ? ident(name) ?? name : textOf(node);
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
          add(node, { action: 'drop-index', table, name: str(0) ?? textOf(args[0]) });
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
          const text = textOf(args[2]) ?? '';
          add(node, { action: 'add-column', table, column: colName(args[0]), notNull: /\.notNull\(|\.primaryKey\(/.test(text), hasDefault: /\.defaultTo\(|\.autoIncrement\(|generated/i.test(text) || /serial/i.test(textOf(args[1]) ?? '') });
          if (/\.unique\(/.test(text)) add(node, { action: 'add-constraint', table, column: colName(args[0]), constraint: 'unique' });
          if (/\.references\(/.test(text)) add(node, { action: 'add-constraint', table, column: colName(args[0]), constraint: 'foreign-key' });
          return;
        }
        case 'alterColumn':
        case 'modifyColumn': {
          const column = colName(args[0]);
          const text = textOf(args[1]) ?? '';
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
      if (KNEX_TYPES.has(method) && args.length > 0 && stringOf(ctx, args[0]) !== undefined) {
        const column = colName(args[0]);
        const { names } = chainAbove(ctx, node);
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
        const { names, top } = chainAbove(ctx, node);
        const on = names.includes('on') ? text(ctx, top).match(/\.on\(\s*['"`]([^'"`]+)/)?.[1] : undefined;
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
    const t = str(0) ?? stringOf(ctx, propsOf(ctx, args[0])?.get('name')) ?? '?';
    switch (method) {
      case 'dropColumn':
      case 'removeColumn':
        add(node, { action: 'drop-column', table: t, column: colName(args[1]) });
        return;
      case 'dropColumns': {
        const list = args[1];
        const items = list && ts.isArrayLiteralExpression(list) ? [...list.elements] : [list];
        for (const item of items) add(node, { action: 'drop-column', table: t, column: colName(item) });
        return;
      }
      case 'renameColumn':
        add(node, { action: 'rename-column', table: t, column: colName(args[1]), to: colName(args[2]) });
        return;
      case 'addColumn': {
        // TypeORM: addColumn('t', new TableColumn({ name, isNullable, default }));  Sequelize: addColumn('t', 'c', { allowNull, defaultValue })
        const typeorm = args.length === 2;
        const props = propsOf(ctx, typeorm ? args[1] : args[2]);
        const column = colName(args[1]);
        const flag = (name: string) => textOf(props?.get(name));
        const notNull = typeorm ? flag('isNullable') !== 'true' : flag('allowNull') === 'false' || flag('primaryKey') === 'true';
        const hasDefault = Boolean(props?.has('default') || props?.has('defaultValue') || flag('isGenerated') === 'true' || flag('autoIncrement') === 'true');
        add(node, { action: 'add-column', table: t, column, notNull, hasDefault });
        if (flag('unique') === 'true' || flag('isUnique') === 'true') add(node, { action: 'add-constraint', table: t, column, constraint: 'unique' });
        if (props?.has('references')) add(node, { action: 'add-constraint', table: t, column, constraint: 'foreign-key' });
        return;
      }
      case 'addColumns': {
        const list = args[1];
        for (const item of list && ts.isArrayLiteralExpression(list) ? list.elements : []) {
          const props = propsOf(ctx, item);
          add(node, { action: 'add-column', table: t, column: colName(item), notNull: textOf(props?.get('isNullable')) !== 'true', hasDefault: Boolean(props?.has('default')) });
        }
        return;
      }
      case 'changeColumn': {
        const typeorm = args.length === 3 && propsOf(ctx, args[2]) !== undefined && ts.isNewExpression(args[2]!);
        const column = colName(args[1]);
        const props = propsOf(ctx, args[2]);
        if (typeorm) {
          const to = colName(args[2]);
          if (to && column && to !== column) add(node, { action: 'rename-column', table: t, column, to });
        }
        add(node, { action: 'change-column-type', table: t, column, dataType: textOf(props?.get('type')) });
        if (textOf(props?.get('allowNull')) === 'false' || textOf(props?.get('isNullable')) === 'false') add(node, { action: 'set-not-null', table: t, column });
        return;
      }
      case 'bulkDelete':
      case 'delete': {
        const where = args[1];
        const empty = !where || ['{}', 'null', 'undefined'].includes(text(ctx, where));
        add(node, { action: 'delete', table: t, where: !empty });
        return;
      }
      case 'bulkUpdate': {
        const where = args[2];
        const empty = !where || ['{}', 'null'].includes(text(ctx, where));
        add(node, { action: 'update', table: t, where: !empty });
        return;
      }
      case 'bulkInsert':
      case 'insert':
        add(node, { action: 'insert', table: t });
        return;
      case 'addConstraint': {
        const props = propsOf(ctx, args[1]);
        const type = (stringOf(ctx, props?.get('type')) ?? '').toLowerCase();
        const constraint = type.includes('foreign') ? 'foreign-key' : type.includes('check') ? 'check' : type.includes('primary') ? 'primary-key' : 'unique';
        add(node, { action: 'add-constraint', table: t, constraint, name: stringOf(ctx, props?.get('name')) });
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
        add(node, { action: 'drop-constraint', table: t, name: str(1) ?? textOf(args[1]) });
        return;
      case 'addIndex':
      case 'createIndex': {
        const props = propsOf(ctx, args[1]) ?? propsOf(ctx, args[2]);
        add(node, { action: 'create-index', table: t, name: stringOf(ctx, props?.get('name')), unique: textOf(props?.get('unique')) === 'true' || textOf(props?.get('isUnique')) === 'true', concurrently: textOf(props?.get('concurrently')) === 'true' });
        return;
      }
      case 'removeIndex':
      case 'dropIndex':
        add(node, { action: 'drop-index', table: t, name: str(1) ?? textOf(args[1]) });
        return;
    }
  });
  return result;
}
