import { Node, SyntaxKind } from '../../../parse/typescript/morph.js';
import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import { isTest } from '../../../parse/kinds.js';
import { joinPaths } from '../identity.js';
import type { CodeReader } from './code-context.js';
import { creationOf } from './frameworks.js';
import { frameworkBindings } from './routers.js';
import { functionName, isFunctionLike, Scopes, type Declaration } from './scope.js';
import { evaluateWithImports, type ImportedConstants } from './constants.js';
import { excerpt, exportsOf, importsOf, partialValues, staticValues, topLevel, lineOf } from './static.js';
import { unwrap } from './unwrap.js';

// Where a router is served: its prefix as the app is composed. A router's value is followed through the code that
// uses it — `app.use('/api', router)`, `app.route('/x', sub)`, `fastify.register(plugin, { prefix })`, koa-mount's
// `mount('/api', app)`, a function it is handed to (`usersRoutes(router)`), returned from (`return [a, b]`, then
// `for (const r of routers())`), stored in an object or passed through a plugin registry — across modules (their
// importers found in the side's import index, through aliases and workspace names), up to an application nothing
// mounts (served at the root). What cannot be followed is said on the prefix, never taken as empty in silence.

export interface Prefix {
  path: string;
  /** Why part of the prefix is unknown (each piece taken as empty is named with where it is). */
  unknown: string[];
  /** The framework of the nearest router or app created on the way. */
  framework?: string;
}

type Tracked =
  | { kind: 'value' }
  | { kind: 'returns'; inner: Tracked }
  | { kind: 'registrar'; index: number }
  | { kind: 'element'; inner: Tracked }
  | { kind: 'property'; name: string; tag?: string; inner: Tracked };

const VALUE: Tracked = { kind: 'value' };
/** Steps followed from one router's declaration to the routers it is mounted on (each of those starts afresh). */
const MAX_DEPTH = 24;
/** Routers followed one within another, from the first asked about: beyond, a mount chain is not followed. */
const MAX_CHAIN = 32;
const MAX_PREFIXES = 16;
/** Calls on a router that hand over the router itself as middleware (Koa `router.routes()`, Hono `app.fetch`). */
const TRANSPARENT = new Set(['routes', 'middleware', 'callback', 'handler', 'fetch', 'handle']);
const APP_TYPE = /^(Koa|Express|Application|Hono|FastifyInstance)\b/;
const PATH_NAME = /path|prefix|base|url|route|mount|root/i;

const where = (file: string, node: Node) => `${file}:${lineOf(node)}`;

function withPrefix(prefixes: Prefix[], add: Prefix): Prefix[] {
  return prefixes.map((p) => ({
    path: joinPaths(p.path, add.path),
    unknown: [...p.unknown, ...add.unknown],
    framework: add.framework ?? p.framework,
  }));
}

function dedupe(prefixes: Prefix[]): Prefix[] {
  const seen = new Map<string, Prefix>();
  for (const p of prefixes) {
    const key = `${p.path}\0${p.unknown.join('\0')}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  // A prefix known for certain wins over the same path with an unknown part.
  const known = new Set([...seen.values()].filter((p) => p.unknown.length === 0).map((p) => p.path));
  return [...seen.values()].filter((p) => p.unknown.length === 0 || !known.has(p.path)).slice(0, MAX_PREFIXES);
}

export interface ParsedFile {
  path: string;
  source: SourceFile;
  scopes: Scopes;
}

export class Composer {
  private readonly parsed = new Map<string, Promise<ParsedFile | undefined>>();
  private readonly memo = new Map<Node, Promise<Prefix[]>>();
  private readonly active = new Set<string>();

  constructor(
    private readonly reader: CodeReader,
    readonly side: Side,
    private readonly constants: ImportedConstants,
  ) {}

  file(path: string): Promise<ParsedFile | undefined> {
    let result = this.parsed.get(path);
    if (!result) {
      result = this.reader.source(this.side, path).then((source) => (source ? { path, source, scopes: new Scopes(source) } : undefined));
      this.parsed.set(path, result);
    }
    return result;
  }

  resolveModule(file: string, specifier: string): Promise<string | undefined> {
    return this.reader.resolve(this.side, file, specifier);
  }

  /**
   * The prefixes a router declared in `file` is served under. They are the same whoever asks, so they are worked
   * out once, with a step budget of their own: a router asked about at the end of a long chain (a registrar handed
   * the router of another registrar) gets the prefixes it gets when asked first, not what was left of the chain's.
   */
  prefixesOf(file: ParsedFile, decl: Declaration): Promise<Prefix[]> {
    const key = `${file.path}#${decl.node.getStart()}`;
    // A router whose mount chain leads back to itself: that path adds nothing.
    if (this.active.has(key)) return Promise.resolve([]);
    let result = this.memo.get(decl.node);
    if (!result) {
      if (this.active.size >= MAX_CHAIN)
        return Promise.resolve([
          { path: '', unknown: [`${decl.name} (${file.path}:${lineOf(decl.node)}) is mounted through more routers than the tool follows`] },
        ]);
      this.active.add(key);
      result = this.declPrefixes(file, decl, 0)
        .then(dedupe)
        .finally(() => this.active.delete(key));
      this.memo.set(decl.node, result);
    }
    return result;
  }

  private async declPrefixes(file: ParsedFile, decl: Declaration, depth: number): Promise<Prefix[]> {
    const line = `${file.path}:${lineOf(decl.node)}`;
    if (decl.kind === 'variable') {
      const init = decl.init ? unwrap(decl.init) : undefined;
      const creation = init ? creationOf(init, frameworkBindings(file.source)) : undefined;
      let own = await this.ownPrefix(file, decl, creation?.prefix);
      // `new SchemaRouter(Organizations, …)`: a router class of the repository or a library, which may set a prefix
      // of its own in its constructor (logto's derives one from the table).
      if (init && Node.isNewExpression(init) && !creation)
        own = {
          ...own,
          unknown: [
            ...own.unknown,
            `${decl.name} (${line}) is a \`${excerpt(init.getExpression().getText(), 40)}\`, whose own prefix the tool cannot read`,
          ],
        };
      // const api = app.basePath('/api'): served under app's prefixes
      if (init && Node.isCallExpression(init) && !creation) {
        const callee = init.getExpression();
        if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'basePath') {
          const base = await this.exprPrefixes(file, callee.getExpression(), depth + 1);
          return withPrefix(base, await this.pathPrefix(file, init.getArguments()[0], init));
        }
      }
      let mounted = await this.trackDecl(file, decl, VALUE, depth + 1);
      if (mounted.length === 0) {
        mounted = creation?.app
          ? [{ path: '', unknown: [] }]
          : [{ path: '', unknown: [`${decl.name} (${line}) is not mounted by any module found`] }];
      }
      return withPrefix(mounted, { ...own, framework: creation?.framework });
    }
    if (decl.kind === 'param') {
      const fn = decl.fn;
      const found = await this.trackFunction(file, fn, { kind: 'registrar', index: decl.index }, depth + 1);
      if (found.length > 0 && found.some((p) => p.unknown.length === 0)) return found;
      const typeText = (decl.node as unknown as { getTypeNode?(): Node | undefined }).getTypeNode?.()?.getText() ?? '';
      const init = (decl.node as unknown as { getInitializer?(): Node | undefined }).getInitializer?.();
      // An application handed in (`init(app: Koa = new Koa())`) by callers that cannot be followed: the root app.
      if (APP_TYPE.test(typeText) || (init && creationOf(init, frameworkBindings(file.source))?.app)) return [{ path: '', unknown: [] }];
      if (found.length > 0) return found;
      return [{ path: '', unknown: [`router parameter ${decl.name} of ${functionName(fn) ?? 'a function'} (${line}): no caller found`] }];
    }
    if (decl.kind === 'import') {
      const target = await this.reader.resolve(this.side, file.path, decl.module);
      const theirs = target ? await this.file(target) : undefined;
      if (!theirs) return [{ path: '', unknown: [`${decl.name} is imported from ${decl.module}, not found in the repository`] }];
      const local = exportsOf(theirs.source).get(decl.imported);
      const declared = local ? topLevel(theirs.source, local) : undefined;
      const nameNode = declared && (declared as unknown as { getNameNode?(): Node }).getNameNode?.();
      const theirDecl = nameNode ? theirs.scopes.declarationOf(nameNode) : undefined;
      if (!theirDecl) return [{ path: '', unknown: [`${decl.name} is not a router exported by ${target}`] }];
      return this.prefixesOf(theirs, theirDecl);
    }
    return [{ path: '', unknown: [`${decl.name} (${line}) is not a router the tool can follow`] }];
  }

  /** Koa Router `{ prefix }` or Hono `basePath` at creation, or `router.prefix('/x')` later. */
  private async ownPrefix(file: ParsedFile, decl: Declaration, created: Node | undefined): Promise<Prefix> {
    if (created) return this.pathPrefix(file, created, created);
    for (const ref of file.scopes.references(decl)) {
      const access = ref.getParent();
      const call = access?.getParent();
      if (
        access &&
        Node.isPropertyAccessExpression(access) &&
        access.getName() === 'prefix' &&
        call &&
        Node.isCallExpression(call) &&
        call.getArguments().length === 1
      ) {
        return this.pathPrefix(file, call.getArguments()[0], call);
      }
    }
    return { path: '', unknown: [] };
  }

  /** A mount path read as far as it goes; what is not static is named. */
  private async pathPrefix(file: ParsedFile, expr: Node | undefined, at: Node): Promise<Prefix> {
    if (!expr) return { path: '', unknown: [] };
    const value = await evaluateWithImports(this.constants, (imported) => partialValues(expr, imported));
    const unknown = value.unknown.map((piece) => `mounted at ${where(file.path, at)} by a computed value \`${piece}\``);
    for (const env of value.fromEnv)
      unknown.push(`mounted at ${where(file.path, at)} under environment variable ${env} (its default is shown)`);
    return { path: value.values[0] ?? '', unknown };
  }

  /** Prefixes of the value of an expression used in place (a middleware such as a tRPC adapter). */
  async expressionPrefixes(file: ParsedFile, node: Node): Promise<Prefix[]> {
    const found = dedupe(await this.flow(file, node, VALUE, 0));
    return found.length > 0
      ? found
      : [
          {
            path: '',
            unknown: [`\`${excerpt(node.getText(), 40)}\` at ${where(file.path, node)} is not mounted anywhere the tool can follow`],
          },
        ];
  }

  /** Prefixes of a router named by an expression (the receiver of a mount, or the argument of a registrar). */
  async exprPrefixes(file: ParsedFile, expr: Node, depth: number): Promise<Prefix[]> {
    const n = unwrap(expr);
    if (Node.isIdentifier(n)) {
      const decl = file.scopes.declarationOf(n);
      if (decl) return this.prefixesOf(file, decl);
    }
    if (Node.isCallExpression(n)) {
      const callee = n.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'basePath')
        return withPrefix(
          await this.exprPrefixes(file, callee.getExpression(), depth + 1),
          await this.pathPrefix(file, n.getArguments()[0], n),
        );
    }
    const creation = creationOf(n, frameworkBindings(file.source));
    if (creation?.app) return [{ path: '', unknown: [], framework: creation.framework }];
    return [
      { path: '', unknown: [`mounted at ${where(file.path, expr)} on \`${excerpt(n.getText(), 40)}\`, which the tool cannot follow`] },
    ];
  }

  /** Every place a declaration's value goes. */
  private async trackDecl(file: ParsedFile, decl: Declaration, t: Tracked, depth: number): Promise<Prefix[]> {
    if (depth > MAX_DEPTH) return [];
    const out: Prefix[] = [];
    for (const ref of file.scopes.references(decl)) out.push(...(await this.flow(file, ref, t, depth + 1)));
    // `export const router = …`, `export { router as users }`, `module.exports = router`
    if ((decl.kind === 'variable' || decl.kind === 'function') && isTopLevel(decl.node)) {
      for (const [exported, local] of exportsOf(file.source))
        if (local === decl.name) out.push(...(await this.upward(file, exported, t, depth + 1)));
    }
    return out;
  }

  /** Where a function goes: called with a router (a registrar), or returning a router (a factory). */
  private async trackFunction(file: ParsedFile, fn: Node, t: Tracked, depth: number): Promise<Prefix[]> {
    if (!isFunctionLike(fn)) return [];
    if (Node.isFunctionDeclaration(fn)) {
      const nameNode = fn.getNameNode();
      const decl = nameNode ? file.scopes.declarationOf(nameNode) : undefined;
      if (decl) return this.trackDecl(file, decl, t, depth);
      return fn.hasExportKeyword() && fn.hasDefaultKeyword() ? this.upward(file, 'default', t, depth + 1) : [];
    }
    const parent = fn.getParent();
    if (parent && Node.isVariableDeclaration(parent) && Node.isIdentifier(parent.getNameNode())) {
      const decl = file.scopes.declarationOf(parent.getNameNode());
      return decl ? this.trackDecl(file, decl, t, depth) : [];
    }
    return this.flow(file, fn, t, depth);
  }

  /** What happens to the value of `node`, by the expression around it. */
  private async flow(file: ParsedFile, node: Node, t: Tracked, depth: number): Promise<Prefix[]> {
    if (depth > MAX_DEPTH) return [];
    const parent = node.getParent();
    if (!parent) return [];
    if (
      Node.isParenthesizedExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      Node.isSatisfiesExpression(parent) ||
      Node.isAwaitExpression(parent) ||
      Node.isTypeAssertion(parent) ||
      Node.isConditionalExpression(parent) ||
      Node.isSpreadElement(parent)
    ) {
      if (Node.isConditionalExpression(parent) && parent.getCondition() === node) return [];
      return this.flow(file, parent, t, depth + 1);
    }
    if (Node.isBinaryExpression(parent)) {
      const op = parent.getOperatorToken().getKind();
      if (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) return this.flow(file, parent, t, depth + 1);
      return [];
    }
    if (Node.isArrayLiteralExpression(parent)) return this.flow(file, parent, { kind: 'element', inner: t }, depth + 1);
    if (Node.isPropertyAssignment(parent) || Node.isShorthandPropertyAssignment(parent)) {
      const object = parent.getParent();
      if (!object || !Node.isObjectLiteralExpression(object)) return [];
      return this.flow(
        file,
        object,
        { kind: 'property', name: parent.getName().replace(/^['"]|['"]$/g, ''), tag: tagOf(object), inner: t },
        depth + 1,
      );
    }
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) {
      const name = parent.getName();
      if ((t.kind === 'property' && t.name === name) || (t.kind === 'element' && t.inner.kind === 'property' && t.inner.name === name)) {
        return this.flow(file, parent, t.kind === 'property' ? t.inner : (t.inner as { inner: Tracked }).inner, depth + 1);
      }
      const call = parent.getParent();
      const called = call && Node.isCallExpression(call) && call.getExpression() === parent;
      if (t.kind === 'value' && TRANSPARENT.has(name))
        return called ? this.flow(file, call, t, depth + 1) : this.flow(file, parent, t, depth + 1);
      if (t.kind === 'element' && called && ['forEach', 'map', 'flatMap'].includes(name)) {
        const callback = unwrap(call.getArguments()[0] ?? call);
        if (!isFunctionLike(callback)) return [];
        const param = callback.getParameters()[0];
        const nameNode = param && (param as unknown as { getNameNode(): Node }).getNameNode();
        if (!nameNode || !Node.isIdentifier(nameNode)) return [];
        const decl = file.scopes.declarationOf(nameNode);
        return decl ? this.trackDecl(file, decl, t.inner, depth + 1) : [];
      }
      return [];
    }
    if (Node.isElementAccessExpression(parent) && parent.getExpression() === node && t.kind === 'element')
      return this.flow(file, parent, t.inner, depth + 1);
    if (Node.isCallExpression(parent)) return this.flowCall(file, parent, node, t, depth);
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === node) {
      const nameNode = parent.getNameNode();
      if (Node.isIdentifier(nameNode)) {
        const decl = file.scopes.declarationOf(nameNode);
        return decl ? this.trackDecl(file, decl, t, depth + 1) : [];
      }
      if (Node.isArrayBindingPattern(nameNode) && t.kind === 'element') {
        const out: Prefix[] = [];
        for (const el of nameNode.getElements()) {
          if (!Node.isBindingElement(el)) continue;
          const decl = file.scopes.declarationOf(el.getNameNode());
          if (decl) out.push(...(await this.trackDecl(file, decl, t.inner, depth + 1)));
        }
        return out;
      }
      if (Node.isObjectBindingPattern(nameNode) && t.kind === 'property') {
        const el = nameNode.getElements().find((e) => (e.getPropertyNameNode()?.getText() ?? e.getName()) === t.name);
        const decl = el && file.scopes.declarationOf(el.getNameNode());
        return decl ? this.trackDecl(file, decl, t.inner, depth + 1) : [];
      }
      return [];
    }
    if (Node.isReturnStatement(parent) || (Node.isArrowFunction(parent) && parent.getBody() === node)) {
      const fn = Node.isReturnStatement(parent) ? parent.getFirstAncestor(isFunctionLike) : parent;
      return fn ? this.trackFunction(file, fn, { kind: 'returns', inner: t }, depth + 1) : [];
    }
    if (Node.isExportAssignment(parent) && !Node.isIdentifier(unwrap(node))) return this.upward(file, 'default', t, depth + 1);
    if (Node.isForOfStatement(parent) && parent.getExpression() === node && t.kind === 'element') {
      const init = parent.getInitializer();
      if (Node.isVariableDeclarationList(init)) {
        const nameNode = init.getDeclarations()[0]?.getNameNode();
        const decl = nameNode && Node.isIdentifier(nameNode) ? file.scopes.declarationOf(nameNode) : undefined;
        return decl ? this.trackDecl(file, decl, t.inner, depth + 1) : [];
      }
    }
    return [];
  }

  private async flowCall(
    file: ParsedFile,
    call: Node & { getArguments(): Node[]; getExpression(): Node },
    node: Node,
    t: Tracked,
    depth: number,
  ): Promise<Prefix[]> {
    const callee = call.getExpression();
    const args = call.getArguments();
    if (callee === node) {
      if (t.kind === 'returns') return this.flow(file, call, t.inner, depth + 1);
      if (t.kind === 'registrar') {
        // `keyRoutes(...args)` last, `args` the caller's own rest parameter: its elements go on in order, so the
        // router is what the caller's callers hand it at the same place.
        const spread = args.at(-1);
        const rest = spread && Node.isSpreadElement(spread) ? restParameter(file, spread.getExpression()) : undefined;
        if (rest && t.index >= args.length - 1)
          return this.trackFunction(file, rest.fn, { kind: 'registrar', index: rest.index + t.index - (args.length - 1) }, depth + 1);
        const arg = args[t.index];
        return arg ? this.exprPrefixes(file, arg, depth + 1) : [];
      }
      return [];
    }
    const index = args.indexOf(node);
    if (index < 0) return [];
    if (Node.isPropertyAccessExpression(callee)) {
      const method = callee.getName();
      const receiver = callee.getExpression();
      if (method === 'use' && (t.kind === 'value' || t.kind === 'registrar')) {
        if (t.kind === 'registrar') return []; // a middleware function, not a router
        const first = args[0]!;
        const path = index > 0 && (await this.isPath(first)) ? await this.pathPrefix(file, first, call) : { path: '', unknown: [] };
        return withPrefix(await this.exprPrefixes(file, receiver, depth + 1), path);
      }
      if (method === 'route' && index === 1 && t.kind === 'value')
        return withPrefix(await this.exprPrefixes(file, receiver, depth + 1), await this.pathPrefix(file, args[0], call));
      if (method === 'register' && index === 0 && (t.kind === 'registrar' || t.kind === 'value')) {
        const options = args[1] ? unwrap(args[1]) : undefined;
        const prefixProp = options && Node.isObjectLiteralExpression(options) ? options.getProperty('prefix') : undefined;
        const prefix =
          prefixProp && Node.isPropertyAssignment(prefixProp)
            ? await this.pathPrefix(file, prefixProp.getInitializer(), call)
            : { path: '', unknown: [] };
        return withPrefix(await this.exprPrefixes(file, receiver, depth + 1), prefix);
      }
      // A plugin registry: Registry.add({ type: Hook.API, value: router }) read back by Registry.getHooks(Hook.API).
      const entry = t.kind === 'element' ? t.inner : t;
      if (entry.kind === 'property' && entry.tag)
        return this.channel(file, receiver.getText(), entry.tag, entry.name, entry.inner, depth + 1);
      return [];
    }
    if (Node.isIdentifier(callee)) {
      const binding = file.scopes.declarationOf(callee);
      // koa-mount: app.use(mount('/api', api))
      if (binding?.kind === 'import' && binding.module === 'koa-mount' && t.kind === 'value') {
        const path = index === 1 ? await this.pathPrefix(file, args[0], call) : { path: '', unknown: [] };
        const above = await this.flow(file, call, t, depth + 1);
        return above.map((p) => ({
          path: joinPaths(p.path, path.path),
          unknown: [...p.unknown, ...path.unknown],
          framework: p.framework ?? 'koa',
        }));
      }
      // fastify-plugin and similar wrappers hand the plugin over unchanged.
      if (binding?.kind === 'import' && /^fastify-plugin$/.test(binding.module)) return this.flow(file, call, t, depth + 1);
      // A router passed to a local function that mounts its parameter.
      if (binding && (binding.kind === 'function' || binding.kind === 'variable') && t.kind === 'value') {
        const fn = binding.kind === 'function' ? binding.node : binding.init ? unwrap(binding.init) : undefined;
        if (fn && isFunctionLike(fn)) {
          const param = fn.getParameters()[index];
          const nameNode = param && (param as unknown as { getNameNode(): Node }).getNameNode();
          const decl = nameNode && Node.isIdentifier(nameNode) ? file.scopes.declarationOf(nameNode) : undefined;
          if (decl) return this.trackDecl(file, decl, t, depth + 1);
        }
      }
    }
    return [];
  }

  /** Whether the first argument of `use` is a path rather than a middleware. */
  private async isPath(node: Node): Promise<boolean> {
    const n = unwrap(node);
    if (
      Node.isStringLiteral(n) ||
      Node.isNoSubstitutionTemplateLiteral(n) ||
      Node.isTemplateExpression(n) ||
      Node.isArrayLiteralExpression(n)
    )
      return true;
    if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.PlusToken) return true;
    if (await evaluateWithImports(this.constants, (imported) => staticValues(n, imported))) return true;
    return (Node.isIdentifier(n) || Node.isPropertyAccessExpression(n)) && PATH_NAME.test(n.getText());
  }

  /** The export `name` of `file`, followed in every module that imports it. */
  private async upward(file: ParsedFile, name: string, t: Tracked, depth: number): Promise<Prefix[]> {
    if (depth > MAX_DEPTH) return [];
    const out: Prefix[] = [];
    for (const importer of await this.reader.importers(this.side, file.path)) {
      if (isTest(importer.path)) continue;
      const theirs = await this.file(importer.path);
      if (!theirs) {
        out.push({ path: '', unknown: [`imported by ${importer.path}, which was not read (read budget)`] });
        continue;
      }
      out.push(...(await this.fromImporter(theirs, importer.specifier, name, t, depth)));
    }
    return out;
  }

  private async fromImporter(theirs: ParsedFile, specifier: string, name: string, t: Tracked, depth: number): Promise<Prefix[]> {
    const out: Prefix[] = [];
    for (const imp of theirs.source.getImportDeclarations()) {
      if (imp.getModuleSpecifierValue() !== specifier) continue;
      const locals: Node[] = [];
      const def = imp.getDefaultImport();
      if (def && name === 'default') locals.push(def);
      for (const named of imp.getNamedImports()) if (named.getName() === name) locals.push(named.getAliasNode() ?? named.getNameNode());
      for (const local of locals) {
        const decl = theirs.scopes.declarationOf(local);
        if (decl) out.push(...(await this.trackDecl(theirs, decl, t, depth + 1)));
      }
      const ns = imp.getNamespaceImport();
      if (ns) {
        const decl = theirs.scopes.declarationOf(ns);
        for (const ref of decl ? theirs.scopes.references(decl) : []) {
          const access = ref.getParent();
          if (access && Node.isPropertyAccessExpression(access) && access.getName() === name)
            out.push(...(await this.flow(theirs, access, t, depth + 1)));
        }
      }
    }
    for (const exp of theirs.source.getExportDeclarations()) {
      if (exp.getModuleSpecifierValue() !== specifier) continue;
      if (!exp.hasNamedExports()) {
        if (name !== 'default') out.push(...(await this.upward(theirs, name, t, depth + 1)));
        continue;
      }
      for (const spec of exp.getNamedExports())
        if (spec.getName() === name) out.push(...(await this.upward(theirs, spec.getAliasNode()?.getText() ?? name, t, depth + 1)));
    }
    // CommonJS: const users = require('./users')
    for (const [local, binding] of importsOf(theirs.source)) {
      if (binding.module !== specifier || theirs.source.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier))
        continue;
      if (binding.name !== name) continue;
      const statement = topLevel(theirs.source, local);
      const nameNode = statement && (statement as unknown as { getNameNode?(): Node }).getNameNode?.();
      const decl = nameNode && Node.isIdentifier(nameNode) ? theirs.scopes.declarationOf(nameNode) : undefined;
      if (decl) out.push(...(await this.trackDecl(theirs, decl, t, depth + 1)));
    }
    return out;
  }

  /** A value registered in a plugin registry under a tag, where the registry is read back under that tag. */
  private async channel(
    file: ParsedFile,
    registry: string,
    tag: string,
    property: string,
    inner: Tracked,
    depth: number,
  ): Promise<Prefix[]> {
    const out: Prefix[] = [];
    const registryName = registry.slice(registry.lastIndexOf('.') + 1);
    const hits = await this.reader.grep(this.side, [tag]);
    for (const path of [...new Set(hits.map((h) => h.path))].sort()) {
      if (isTest(path)) continue;
      const theirs = await this.file(path);
      if (!theirs) continue;
      for (const call of theirs.source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const callee = call.getExpression();
        if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getText().split('.').pop() !== registryName) continue;
        const args = call.getArguments();
        if (
          !args.some((a) => a.getText() === tag) ||
          args.some((a) => Node.isObjectLiteralExpression(unwrap(a)) || Node.isArrayLiteralExpression(unwrap(a)))
        )
          continue;
        out.push(...(await this.flow(theirs, call, { kind: 'element', inner: { kind: 'property', name: property, inner } }, depth + 1)));
      }
    }
    void file;
    return out;
  }
}

function isTopLevel(node: Node): boolean {
  const statement = Node.isVariableDeclaration(node) ? node.getVariableStatement() : node;
  const parent = statement?.getParent();
  return parent !== undefined && Node.isSourceFile(parent);
}

/** The discriminating property of a registry entry (`{ type: Hook.API, value: router }` → `Hook.API`). */
function tagOf(object: Node): string | undefined {
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  for (const name of ['type', 'kind', 'hook']) {
    const prop = object.getProperty(name);
    const init = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
    if (init && (Node.isPropertyAccessExpression(init) || Node.isStringLiteral(init))) return init.getText();
  }
  return undefined;
}

/** The rest parameter (`...args`) an expression names, with its function and place. */
function restParameter(file: ParsedFile, expr: Node): { fn: Node; index: number } | undefined {
  const n = unwrap(expr);
  const decl = Node.isIdentifier(n) ? file.scopes.declarationOf(n) : undefined;
  return decl?.kind === 'param' && Node.isParameterDeclaration(decl.node) && decl.node.isRestParameter() ? decl : undefined;
}
