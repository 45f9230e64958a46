// What every TS/JS migration reader shares: the up and down functions, static strings, object
// literals, call chains, and the SQL strings a migration passes to a client. Each reader only
// says what its own API calls mean (`CallHandler`).
import type { ts as TsNamespace } from 'ts-morph';
import { ident, type SchemaOp } from '../../../model/sql.js';
import { emptyRead, merge, quote, type ReadResult } from '../read-sql.js';
import type { MigrationRead, ReaderInput } from './reader.js';

type TsNode = TsNamespace.Node;
export type CallExpression = TsNamespace.CallExpression;

/** The TypeScript API and the tree being read: raw syntax trees with parent links, no ts-morph wrappers. */
export interface Ctx {
  ts: typeof TsNamespace;
  source: TsNamespace.SourceFile;
  /** Variable declarations of the file by name, collected on first use. */
  variables?: Map<string, TsNamespace.VariableDeclaration[]>;
}

export const text = (ctx: Ctx, node: TsNode) => node.getText(ctx.source);
export const lineOf = (ctx: Ctx, node: TsNode) => ctx.source.getLineAndCharacterOfPosition(node.getStart(ctx.source)).line + 1;

/** Every node under `node` (not itself), depth first, in source order. */
export function forEachDescendant(ctx: Ctx, node: TsNode, visit: (node: TsNode) => void): void {
  const walk = (child: TsNode): void => {
    visit(child);
    ctx.ts.forEachChild(child, walk);
  };
  ctx.ts.forEachChild(node, walk);
}

const nameOf = (ctx: Ctx, node: { name?: TsNode }) =>
  node.name ? (ctx.ts.isIdentifier(node.name) || ctx.ts.isPrivateIdentifier(node.name) ? node.name.text : text(ctx, node.name)) : undefined;

/** The functions a migration runs, by the direction they run in, in the order they run. */
const PHASES = { beforeUp: 'up', up: 'up', beforeDown: 'down', down: 'down' } as const;

/**
 * What runs in each direction, in the order it runs: `up` and `down`, however they are declared (exports, class
 * methods, object properties), each after its `beforeUp` / `beforeDown` hook where the framework has one (Logto's
 * alterations do the work a transaction cannot hold there, such as `create index concurrently`).
 */
export function functionBodies(ctx: Ctx): { up: TsNode[]; down: TsNode[] } {
  const { ts } = ctx;
  const found = new Map<keyof typeof PHASES, TsNode>();
  const take = (name: string | undefined, fn: TsNode | undefined) => {
    if (!fn || !name || !Object.hasOwn(PHASES, name) || found.has(name as keyof typeof PHASES)) return;
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn))
      found.set(name as keyof typeof PHASES, fn);
  };
  forEachDescendant(ctx, ctx.source, (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) take(nameOf(ctx, node), node);
    else if (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) take(nameOf(ctx, node), node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      if (ts.isPropertyAccessExpression(left)) take(left.name.text, node.right);
    }
  });
  const inOrder = (direction: 'up' | 'down') =>
    (Object.keys(PHASES) as (keyof typeof PHASES)[])
      .filter((name) => PHASES[name] === direction && found.has(name))
      .map((name) => found.get(name)!);
  return { up: inOrder('up'), down: inOrder('down') };
}

/** A string the code spells out: literals, templates (substitutions kept as their text), `+`, and file-level consts. */
export function stringOf(ctx: Ctx, node: TsNode | undefined, depth = 0): string | undefined {
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

/** The one `const` of that name in the file (`const TABLE = 'users'`, at the top or in the function). */
function topLevelVariable(ctx: Ctx, name: string): TsNamespace.VariableDeclaration | undefined {
  if (!ctx.variables) {
    const variables = new Map<string, TsNamespace.VariableDeclaration[]>();
    forEachDescendant(ctx, ctx.source, (node) => {
      if (ctx.ts.isVariableDeclaration(node) && ctx.ts.isIdentifier(node.name))
        variables.set(node.name.text, [...(variables.get(node.name.text) ?? []), node]);
    });
    ctx.variables = variables;
  }
  const found = ctx.variables.get(name) ?? [];
  const only = found.length === 1 ? found[0]! : undefined;
  return only && ctx.ts.isVariableDeclarationList(only.parent) && (only.parent.flags & ctx.ts.NodeFlags.Const) !== 0 ? only : undefined;
}

/** Properties of `{ … }` or of `new TableColumn({ … })`. */
export function propsOf(ctx: Ctx, node: TsNode | undefined): Map<string, TsNode> | undefined {
  const { ts } = ctx;
  if (!node) return undefined;
  if (ts.isNewExpression(node)) return propsOf(ctx, node.arguments?.[0]);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return propsOf(ctx, node.expression);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const out = new Map<string, TsNode>();
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p)) out.set(text(ctx, p.name).replace(/^['"]|['"]$/g, ''), p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) out.set(p.name.text, p.name);
  }
  return out;
}

export const methodOf = (ctx: Ctx, call: CallExpression): string | undefined => {
  const expr = call.expression;
  if (ctx.ts.isPropertyAccessExpression(expr)) return expr.name.text;
  if (ctx.ts.isIdentifier(expr)) return expr.text;
  return undefined;
};

/** Names of the calls chained onto a call: `t.string('a').notNullable().defaultTo('x')`. */
export function chainAbove(ctx: Ctx, call: CallExpression): { names: string[]; top: CallExpression; calls: CallExpression[] } {
  const { ts } = ctx;
  const names: string[] = [];
  const calls: CallExpression[] = [];
  let top = call;
  for (;;) {
    const parent = top.parent as TsNode | undefined;
    const grand = parent?.parent as TsNode | undefined;
    if (parent && ts.isPropertyAccessExpression(parent) && grand && ts.isCallExpression(grand) && grand.expression === parent) {
      names.push(parent.name.text);
      calls.push(grand);
      top = grand;
    } else break;
  }
  return { names, top, calls };
}

/** A SQL call counts as a statement of its own, not a fragment inside a builder (`.where(knex.raw(…))`). */
export function standsAlone(ctx: Ctx, node: TsNode): boolean {
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
      (ts.isCallExpression(parent) &&
        methodOf(ctx, parent) !== undefined &&
        ['all', 'push', 'allSettled', 'transaction'].includes(methodOf(ctx, parent)!)) ||
      (ts.isCallExpression(parent) && ts.isArrowFunction(current))
    );
  }
}

/** One call of the migration's up or down function, as a reader's handler sees it. */
export interface Call {
  ctx: Ctx;
  node: CallExpression;
  method: string;
  args: readonly TsNamespace.Expression[];
  /** Argument `i` as a static string, identifier-normalised. */
  str(i: number): string | undefined;
  /** Argument `i` (or a node) as a column name: a string, or `{ name: … }`. */
  name(node: TsNode | undefined): string | undefined;
  /** Source text of a node, '' when absent. */
  source(node: TsNode | undefined): string;
  add(op: SchemaOp): void;
  /** Reads the SQL string at `node` (a literal, a template, a constant). */
  sql(node: TsNode): void;
  unreadable(reason: string): void;
}

/** The column names of an array literal (`['a', { name: 'b' }]`); undefined when the node is no array. */
export function columnNames(call: Call, node: TsNode | undefined): string[] | undefined {
  if (!node || !call.ctx.ts.isArrayLiteralExpression(node)) return undefined;
  return node.elements.map((e) => call.name(e)).filter((c): c is string => Boolean(c));
}

/**
 * `createTable(t)`, `dropTable(t)`, `renameTable(t, to)`, `removeColumn(t, c)`, `renameColumn(t, c, to)`: the calls
 * TypeORM, Sequelize and db-migrate name alike, the table first. True when the call was one of them.
 */
export function tableCall(call: Call, table: string): boolean {
  switch (call.method) {
    case 'createTable':
      call.add({ action: 'create-table', table });
      return true;
    case 'dropTable':
      call.add({ action: 'drop-table', table });
      return true;
    case 'renameTable': {
      const to = call.str(1);
      if (to) call.add({ action: 'rename-table', table, to });
      return true;
    }
    case 'removeColumn': {
      const column = call.str(1);
      if (column) call.add({ action: 'drop-column', table, column });
      return true;
    }
    case 'renameColumn': {
      // A name, or TypeORM's TableColumn.
      const [column, to] = [call.name(call.args[1]), call.name(call.args[2])];
      if (column && to) call.add({ action: 'rename-column', table, column, to });
      return true;
    }
  }
  return false;
}

/** Says what a call means; returns nothing for calls that are not its API. */
export type CallHandler = (call: Call) => void;

export interface ScriptOptions {
  /** Methods whose first argument is SQL (`query`, `raw`, `addSql` …). */
  sqlMethods?: ReadonlySet<string>;
  /** The function names of SQL tagged templates (`sql`). */
  sqlTags?: ReadonlySet<string>;
}

const SQL_METHODS: ReadonlySet<string> = new Set([
  'query',
  'raw',
  'addSql',
  'execute',
  'runSql',
  'exec',
  'executeQuery',
  'unsafe',
  'none',
  'any',
  'many',
  'one',
  'oneOrNone',
  'manyOrNone',
  'sql',
]);
/** Methods whose first argument is SQL whatever it is: a value computed at run time there is SQL nobody can read. */
const RUNTIME_SQL_METHODS: ReadonlySet<string> = new Set(['query', 'raw', 'addSql', 'runSql', 'unsafe', 'sql']);
/** An argument whose value is computed (a variable, a call, a template with substitutions), not a literal or a builder. */
const isComputed = (ctx: Ctx, node: TsNode) =>
  ctx.ts.isIdentifier(node) ||
  ctx.ts.isPropertyAccessExpression(node) ||
  ctx.ts.isCallExpression(node) ||
  ctx.ts.isTemplateExpression(node) ||
  ctx.ts.isBinaryExpression(node) ||
  ctx.ts.isAwaitExpression(node);
const SQL_TAGS: ReadonlySet<string> = new Set(['sql', 'sql.unsafe', 'db.sql', 'pgm.sql']);

/** Reads the up and down functions of a migration script with a reader's handler. */
export function readScript(input: ReaderInput, framework: string, handler: CallHandler, options: ScriptOptions = {}): MigrationRead {
  const ctx: Ctx = { ts: input.ts!, source: input.tree!() };
  const bodies = functionBodies(ctx);
  const upNodes = bodies.up.length > 0 ? bodies.up : [ctx.source];
  const up = readBodies(ctx, upNodes, input, handler, options);
  const calls = upNodes.reduce((sum, node) => sum + callsIn(ctx, node), 0);
  if (up.ops.length === 0 && up.unreadable.length === 0 && calls > 0) {
    const upNode = upNodes.at(-1)!;
    up.unreadable.push({
      line: lineOf(ctx, upNode === ctx.source ? (ctx.source.statements[0] ?? ctx.source) : upNode),
      statement: input.path,
      reason: `no ${framework} schema operation recognised in up()`,
    });
  }
  const result: MigrationRead = { up };
  if (bodies.down.length > 0) {
    const down = readBodies(ctx, bodies.down, input, handler, options);
    const empty = bodies.down.every((node) => callsIn(ctx, node) === 0);
    // What runs first refuses for all: a `beforeDown` that throws stops the `down` after it.
    const refuses = refusal(ctx, bodies.down[0]!);
    result.down = { ...down, line: lineOf(ctx, bodies.down.at(-1)!), empty, ...(refuses !== undefined ? { refuses } : {}) };
  }
  return result;
}

/** Calls and tagged templates under a node: whether a function does anything. */
function callsIn(ctx: Ctx, node: TsNode): number {
  let calls = 0;
  forEachDescendant(ctx, node, (n) => {
    if (ctx.ts.isCallExpression(n) || ctx.ts.isTaggedTemplateExpression(n)) calls += 1;
  });
  return calls;
}

/** The operations of the functions of one direction, in the order they run. */
function readBodies(ctx: Ctx, bodies: TsNode[], input: ReaderInput, handler: CallHandler, options: ScriptOptions): ReadResult {
  const result = emptyRead();
  for (const body of bodies) merge(result, readBody(ctx, body, input, handler, options));
  return result;
}

/**
 * What a `down` throws when a `throw` is among its first statements, before any call (`throw new Error("Cannot
 * rollback …")`): the text of its message, or the thrown expression; undefined when it does not refuse so.
 */
function refusal(ctx: Ctx, body: TsNode): string | undefined {
  const { ts } = ctx;
  const block = ts.isFunctionLike(body) && 'body' in body ? (body as { body?: TsNode }).body : body;
  if (!block || !ts.isBlock(block)) return undefined;
  for (const statement of block.statements) {
    if (ts.isThrowStatement(statement)) {
      const thrown = statement.expression;
      const message = ts.isNewExpression(thrown) || ts.isCallExpression(thrown) ? thrown.arguments?.[0] : thrown;
      return message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)) ? message.text : text(ctx, thrown);
    }
    // Anything else that runs first (a call, a condition) may do part of the work, or throw only sometimes.
    if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.some((d) => d.initializer)) return undefined;
  }
  return undefined;
}

function readBody(ctx: Ctx, body: TsNode, input: ReaderInput, handler: CallHandler, options: ScriptOptions): ReadResult {
  const { ts } = ctx;
  const sqlMethods = options.sqlMethods ?? SQL_METHODS;
  const sqlTags = options.sqlTags ?? SQL_TAGS;
  const result = emptyRead();
  const sqlAt = (arg: TsNode, owner: TsNode) => {
    const sql = stringOf(ctx, arg);
    if (sql === undefined) {
      result.unreadable.push({
        line: lineOf(ctx, owner),
        statement: quote(text(ctx, owner)),
        reason: 'SQL built at run time: the text cannot be read from the source',
      });
      return;
    }
    merge(result, input.sql(sql, lineOf(ctx, arg)));
  };

  forEachDescendant(ctx, body, (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      if (sqlTags.has(text(ctx, node.tag)) && standsAlone(ctx, node)) sqlAt(node.template, node);
      return;
    }
    if (!ts.isCallExpression(node)) return;
    const method = methodOf(ctx, node);
    if (!method) return;
    const args = node.arguments;
    if (sqlMethods.has(method)) {
      // A SQL string passed to a client: knex.raw, queryRunner.query, this.addSql, sequelize.query, pgm.sql, db.runSql …
      const first = args[0];
      // pool.query(sql`…`): the template is the SQL.
      if (first && ts.isTaggedTemplateExpression(first) && sqlTags.has(text(ctx, first.tag)) && standsAlone(ctx, node))
        sqlAt(first.template, node);
      else if (args.length > 0 && stringOf(ctx, args[0]) !== undefined && standsAlone(ctx, node)) sqlAt(args[0]!, node);
      else if (args.length > 0 && RUNTIME_SQL_METHODS.has(method) && isComputed(ctx, args[0]!) && standsAlone(ctx, node))
        sqlAt(args[0]!, node);
      return;
    }
    const call: Call = {
      ctx,
      node,
      method,
      args,
      str: (i) => {
        const s = stringOf(ctx, args[i]);
        return s === undefined ? undefined : (ident(s) ?? s);
      },
      name: (n) => {
        const s = stringOf(ctx, n);
        if (s !== undefined) return ident(s) ?? s;
        const props = propsOf(ctx, n);
        const named = props && stringOf(ctx, props.get('name'));
        return named ? (ident(named) ?? named) : undefined;
      },
      source: (n) => (n ? text(ctx, n) : ''),
      add: (op) => result.ops.push({ op, line: lineOf(ctx, node), statement: quote(text(ctx, node)), via: 'builder' }),
      sql: (n) => sqlAt(n, node),
      unreadable: (reason) => result.unreadable.push({ line: lineOf(ctx, node), statement: quote(text(ctx, node)), reason }),
    };
    handler(call);
  });
  return result;
}
