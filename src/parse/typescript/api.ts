import type { ts as TsNamespace } from 'ts-morph';
import { perTypescript } from './compiler.js';
import { append } from '../../util/arrays.js';
import { oneLine, plainPrinter } from './plain-print.js';

// The exported API of one module, read from its syntax tree alone (no type checker):
// what it declares and exports, what it re-exports from where, with normalised type text.

type TS = typeof TsNamespace;
type Node = TsNamespace.Node;

export interface Param {
  name: string;
  type: string;
  optional: boolean;
  rest: boolean;
  display: string;
}

export interface Signature {
  params: Param[];
  returns: string;
  line: number;
}

export type Visibility = 'public' | 'protected' | 'private';

export interface Member {
  kind: 'property' | 'method' | 'accessor';
  name: string;
  optional: boolean;
  readonly: boolean;
  type: string;
  signatures: Signature[];
  visibility: Visibility;
  line: number;
  text: string;
}

export type Shape =
  | { kind: 'function'; signatures: Signature[] }
  | { kind: 'class'; ctors: Signature[]; members: Map<string, Member>; heritage: string[] }
  | { kind: 'interface'; members: Map<string, Member>; index: Map<string, Member>; calls: Signature[]; heritage: string[] }
  | { kind: 'type'; type: string }
  | { kind: 'enum'; members: Map<string, { value: string; line: number }> }
  | { kind: 'variable'; type: string }
  | { kind: 'namespace'; module: ModuleApi };

/** A declaration as consumers see it, with one-line text for evidence. */
export interface Declaration {
  name: string;
  shape: Shape;
  line: number;
  text: string;
}

/** Where an exported name points before it reaches a declaration. */
export type ExportTarget =
  | { kind: 'local'; local: string }
  | { kind: 'declaration'; declaration: Declaration }
  | { kind: 'import'; specifier: string; name: string }
  | { kind: 'namespace-import'; specifier: string };

export interface ModuleApi {
  exports: Map<string, ExportTarget>;
  /** `export * from` specifiers, in order. */
  stars: string[];
  locals: Map<string, Declaration>;
}

/** How the printer writes an empty block. */
const EMPTY_BODY = '{ }';

type WithBody =
  | TsNamespace.FunctionDeclaration
  | TsNamespace.MethodDeclaration
  | TsNamespace.ConstructorDeclaration
  | TsNamespace.AccessorDeclaration
  | TsNamespace.ArrowFunction
  | TsNamespace.FunctionExpression;

/** A copy of a function-like node with an empty body (printing a long body only to cut it off cost most of the reading). */
function withEmptyBody(ts: TS, node: WithBody): Node {
  const f = ts.factory;
  const body = f.createBlock([], false);
  if (ts.isFunctionDeclaration(node))
    return f.updateFunctionDeclaration(
      node,
      node.modifiers,
      node.asteriskToken,
      node.name,
      node.typeParameters,
      node.parameters,
      node.type,
      body,
    );
  if (ts.isMethodDeclaration(node))
    return f.updateMethodDeclaration(
      node,
      node.modifiers,
      node.asteriskToken,
      node.name,
      node.questionToken,
      node.typeParameters,
      node.parameters,
      node.type,
      body,
    );
  if (ts.isConstructorDeclaration(node)) return f.updateConstructorDeclaration(node, node.modifiers, node.parameters, body);
  if (ts.isGetAccessorDeclaration(node))
    return f.updateGetAccessorDeclaration(node, node.modifiers, node.name, node.parameters, node.type, body);
  if (ts.isSetAccessorDeclaration(node)) return f.updateSetAccessorDeclaration(node, node.modifiers, node.name, node.parameters, body);
  if (ts.isArrowFunction(node))
    return f.updateArrowFunction(node, node.modifiers, node.typeParameters, node.parameters, node.type, node.equalsGreaterThanToken, body);
  return f.updateFunctionExpression(
    node,
    node.modifiers,
    node.asteriskToken,
    node.name,
    node.typeParameters,
    node.parameters,
    node.type,
    body,
  );
}

/** One printer per copy of TypeScript, shared by every module read (it keeps no state between calls). */
const printerFor = perTypescript((ts) => ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }));

/**
 * `printAll`: every text from TypeScript's printer, none written without it (the reference the tests compare
 * the plain paths with). The tree must have its parent links (as `parseScript` sets them): TypeScript's printer
 * writes a literal or a name as the source spells it only when the node has a parent.
 */
export function readModuleApi(ts: TS, source: TsNamespace.SourceFile, printAll = false): ModuleApi {
  return readStatementsApi(ts, source, source.statements, printAll);
}

const apis = new WeakMap<TsNamespace.SourceFile, ModuleApi>();

/** `readModuleApi`, once per tree (a module's API is read by whichever question reaches it first, and shared). */
export function moduleApiOf(ts: TS, source: TsNamespace.SourceFile): ModuleApi {
  let api = apis.get(source);
  if (!api) apis.set(source, (api = readModuleApi(ts, source)));
  return api;
}

function readStatementsApi(
  ts: TS,
  source: TsNamespace.SourceFile,
  topLevel: readonly TsNamespace.Statement[],
  printAll: boolean,
): ModuleApi {
  // Read once: `ts` is a namespace of thousands of members, slow to look up again and again.
  const {
    canHaveModifiers,
    getModifiers,
    isAccessor,
    isArrowFunction,
    isAsExpression,
    isBinaryExpression,
    isCallSignatureDeclaration,
    isClassDeclaration,
    isConstructSignatureDeclaration,
    isConstructorDeclaration,
    isEnumDeclaration,
    isExportAssignment,
    isExportDeclaration,
    isExpressionStatement,
    isFunctionDeclaration,
    isFunctionExpression,
    isGetAccessorDeclaration,
    isIdentifier,
    isImportDeclaration,
    isIndexSignatureDeclaration,
    isInterfaceDeclaration,
    isMethodDeclaration,
    isMethodSignature,
    isModuleBlock,
    isModuleDeclaration,
    isNamespaceExport,
    isNamespaceImport,
    isNumericLiteral,
    isObjectLiteralExpression,
    isParenthesizedExpression,
    isParenthesizedTypeNode,
    isPrivateIdentifier,
    isPropertyAssignment,
    isPropertyDeclaration,
    isPropertySignature,
    isSatisfiesExpression,
    isSetAccessorDeclaration,
    isShorthandPropertyAssignment,
    isStringLiteral,
    isTypeAliasDeclaration,
    isTypeLiteralNode,
    isUnionTypeNode,
    isVariableStatement,
  } = ts;
  const printer = printerFor(ts);
  const lineOf = (node: Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const plain = printAll ? undefined : plainPrinter(ts, source);
  const print = (node: Node) => {
    const text = plain?.text(node);
    return oneLine(text ?? printer.printNode(ts.EmitHint.Unspecified, node, source));
  };

  const typeText = (node: TsNamespace.TypeNode | undefined): string => {
    if (!node) return '';
    if (isUnionTypeNode(node)) return [...new Set(node.types.map((t) => typeText(t)))].sort().join(' | ');
    if (isParenthesizedTypeNode(node)) return typeText(node.type);
    return print(node);
  };

  const signatureOf = (node: TsNamespace.SignatureDeclarationBase): Signature => {
    const params = node.parameters.map((p): Param => {
      const name = isIdentifier(p.name) ? p.name.text : print(p.name);
      const type = typeText(p.type);
      const optional = p.questionToken !== undefined || p.initializer !== undefined;
      const rest = p.dotDotDotToken !== undefined;
      const display =
        `${rest ? '...' : ''}${name}${p.questionToken ? '?' : ''}${type ? `: ${type}` : ''}` +
        (p.initializer ? ` = ${print(p.initializer)}` : '');
      return { name, type, optional: optional || rest, rest, display };
    });
    return { params, returns: typeText(node.type), line: lineOf(node) };
  };

  const modifiers = (node: Node) => (canHaveModifiers(node) ? (getModifiers(node) ?? []) : []);
  // The node's own list, decorators included (they never match a keyword): no filtered copy per question.
  const has = (node: Node, kind: TsNamespace.SyntaxKind) =>
    canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === kind) ?? false);
  const memberName = (name: TsNamespace.PropertyName | undefined): string | undefined => {
    if (!name) return undefined;
    if (isIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name)) return name.text;
    if (isPrivateIdentifier(name)) return undefined;
    return print(name);
  };

  const typeMember = (m: TsNamespace.TypeElement | TsNamespace.ClassElement): Member | undefined => {
    const name = memberName(m.name);
    const visibility: Visibility = has(m, ts.SyntaxKind.PrivateKeyword)
      ? 'private'
      : has(m, ts.SyntaxKind.ProtectedKeyword)
        ? 'protected'
        : 'public';
    const base = {
      name: name ?? '',
      visibility,
      line: lineOf(m),
      text: headerOf(m),
      readonly: has(m, ts.SyntaxKind.ReadonlyKeyword),
      signatures: [] as Signature[],
    };
    if (name === undefined) return undefined;
    const optional = 'questionToken' in m && m.questionToken !== undefined;
    if (isPropertySignature(m) || isPropertyDeclaration(m)) {
      const fn = isPropertyDeclaration(m) && m.initializer && functionLike(m.initializer);
      if (fn) return { ...base, kind: 'method', optional, type: '', signatures: [signatureOf(fn)] };
      return { ...base, kind: 'property', optional, type: typeText(m.type) };
    }
    if (isMethodSignature(m) || isMethodDeclaration(m))
      return { ...base, kind: 'method', optional, type: '', signatures: [signatureOf(m)] };
    if (isGetAccessorDeclaration(m)) return { ...base, kind: 'accessor', optional: false, type: typeText(m.type) };
    if (isSetAccessorDeclaration(m)) return { ...base, kind: 'accessor', optional: false, type: typeText(m.parameters[0]?.type) };
    return undefined;
  };

  const functionLike = (node: TsNamespace.Expression): TsNamespace.SignatureDeclarationBase | undefined => {
    let inner = node;
    while (isParenthesizedExpression(inner) || isAsExpression(inner) || isSatisfiesExpression(inner)) inner = inner.expression;
    return isArrowFunction(inner) || isFunctionExpression(inner) ? inner : undefined;
  };

  const addMember = (members: Map<string, Member>, key: string, member: Member) => {
    const known = members.get(key);
    if (known && member.kind === 'method' && known.kind === 'method') append(known.signatures, member.signatures);
    else if (!known || member.kind !== 'accessor') members.set(key, member);
  };

  const heritageOf = (clauses: TsNamespace.NodeArray<TsNamespace.HeritageClause> | undefined) =>
    (clauses ?? [])
      .flatMap((c) => c.types.map((t) => `${c.token === ts.SyntaxKind.ExtendsKeyword ? 'extends' : 'implements'} ${print(t)}`))
      .sort();

  const interfaceShape = (elements: readonly TsNamespace.TypeElement[], heritage: string[]): Shape => {
    const members = new Map<string, Member>();
    const index = new Map<string, Member>();
    const calls: Signature[] = [];
    for (const element of elements) {
      if (isIndexSignatureDeclaration(element)) {
        const key = typeText(element.parameters[0]?.type);
        index.set(key, {
          kind: 'property',
          name: `[${key}]`,
          optional: false,
          readonly: has(element, ts.SyntaxKind.ReadonlyKeyword),
          type: typeText(element.type),
          signatures: [],
          visibility: 'public',
          line: lineOf(element),
          text: print(element),
        });
      } else if (isCallSignatureDeclaration(element) || isConstructSignatureDeclaration(element)) calls.push(signatureOf(element));
      else {
        const member = typeMember(element);
        if (member) addMember(members, member.name, member);
      }
    }
    return { kind: 'interface', members, index, calls, heritage };
  };

  const headerOf = (node: Node): string => {
    // Evidence shows a declaration's head, not its body: printed with an empty body, which is cut off.
    if (
      isFunctionDeclaration(node) ||
      isMethodDeclaration(node) ||
      isConstructorDeclaration(node) ||
      isAccessor(node) ||
      isArrowFunction(node) ||
      isFunctionExpression(node)
    ) {
      if (!node.body) return print(node);
      const head = plain?.head(node);
      if (head !== undefined) return oneLine(head);
      const copy = print(withEmptyBody(ts, node));
      return copy.endsWith(EMPTY_BODY) ? copy.slice(0, copy.length - EMPTY_BODY.length).trim() : copy;
    }
    if (isClassDeclaration(node))
      return `class ${node.name?.text ?? 'default'}${heritageOf(node.heritageClauses)
        .map((h) => ` ${h}`)
        .join('')}`;
    if (isModuleDeclaration(node)) return `namespace ${print(node.name)}`;
    return print(node);
  };

  const locals = new Map<string, Declaration>();
  const exportsMap = new Map<string, ExportTarget>();
  const stars: string[] = [];
  const imports = new Map<string, ExportTarget>();

  const declare = (name: string, node: Node, shape: Shape, text = headerOf(node)) => {
    const known = locals.get(name);
    if (known && known.shape.kind === 'function' && shape.kind === 'function') {
      // Overloads: the implementation signature is not callable from outside when overloads exist.
      if (isFunctionDeclaration(node) && node.body && known.shape.signatures.length > 0) return;
      append(known.shape.signatures, shape.signatures);
      known.text = known.shape.signatures.length > 1 ? `${known.text}; ${text}` : text;
      return;
    }
    if (known && known.shape.kind === 'interface' && shape.kind === 'interface') {
      for (const [key, m] of shape.members) known.shape.members.set(key, m);
      for (const [key, m] of shape.index) known.shape.index.set(key, m);
      append(known.shape.calls, shape.calls);
      return;
    }
    if (!known || known.shape.kind === 'namespace') locals.set(name, { name, shape, line: lineOf(node), text });
  };

  const readStatements = (statements: readonly TsNamespace.Statement[], into: Map<string, ExportTarget>) => {
    for (const statement of statements) {
      const exported = has(statement, ts.SyntaxKind.ExportKeyword);
      const isDefault = has(statement, ts.SyntaxKind.DefaultKeyword);
      const exportAs = (local: string) => {
        if (exported) into.set(isDefault ? 'default' : local, { kind: 'local', local });
      };
      if (isFunctionDeclaration(statement)) {
        const name = statement.name?.text ?? 'default';
        declare(name, statement, { kind: 'function', signatures: [signatureOf(statement)] });
        exportAs(name);
      } else if (isClassDeclaration(statement)) {
        const name = statement.name?.text ?? 'default';
        const members = new Map<string, Member>();
        const ctors: Signature[] = [];
        for (const element of statement.members) {
          if (isConstructorDeclaration(element)) {
            // With overloads, only the bodiless signatures are callable.
            const overloaded = statement.members.some((e) => isConstructorDeclaration(e) && !e.body);
            if (!overloaded || !element.body) ctors.push(signatureOf(element));
            for (const p of element.parameters) {
              // Parameter properties are members too.
              if (!isIdentifier(p.name) || modifiers(p).length === 0) continue;
              const visibility: Visibility = has(p, ts.SyntaxKind.PrivateKeyword)
                ? 'private'
                : has(p, ts.SyntaxKind.ProtectedKeyword)
                  ? 'protected'
                  : 'public';
              addMember(members, p.name.text, {
                kind: 'property',
                name: p.name.text,
                optional: p.questionToken !== undefined,
                readonly: has(p, ts.SyntaxKind.ReadonlyKeyword),
                type: typeText(p.type),
                signatures: [],
                visibility,
                line: lineOf(p),
                text: print(p),
              });
            }
            continue;
          }
          const member = typeMember(element);
          if (!member) continue;
          addMember(members, `${has(element, ts.SyntaxKind.StaticKeyword) ? 'static ' : ''}${member.name}`, member);
        }
        declare(name, statement, { kind: 'class', ctors, members, heritage: heritageOf(statement.heritageClauses) });
        exportAs(name);
      } else if (isInterfaceDeclaration(statement)) {
        declare(
          statement.name.text,
          statement,
          interfaceShape(statement.members, heritageOf(statement.heritageClauses)),
          `interface ${statement.name.text}`,
        );
        exportAs(statement.name.text);
      } else if (isTypeAliasDeclaration(statement)) {
        const name = statement.name.text;
        const shape = isTypeLiteralNode(statement.type)
          ? interfaceShape(statement.type.members, [])
          : { kind: 'type' as const, type: typeText(statement.type) };
        declare(name, statement, shape, shape.kind === 'interface' ? `type ${name}` : `type ${name} = ${(shape as { type: string }).type}`);
        exportAs(name);
      } else if (isEnumDeclaration(statement)) {
        const members = new Map<string, { value: string; line: number }>();
        let next = 0;
        for (const m of statement.members) {
          const key = memberName(m.name) ?? print(m.name);
          let value: string;
          if (m.initializer) {
            value = print(m.initializer);
            const n = Number(value);
            next = Number.isFinite(n) ? n + 1 : NaN;
          } else {
            value = Number.isNaN(next) ? '(computed)' : String(next);
            next += 1;
          }
          members.set(key, { value, line: lineOf(m) });
        }
        declare(statement.name.text, statement, { kind: 'enum', members }, `enum ${statement.name.text}`);
        exportAs(statement.name.text);
      } else if (isModuleDeclaration(statement) && isIdentifier(statement.name)) {
        const inner: ModuleApi = { exports: new Map(), stars: [], locals: new Map() };
        let body = statement.body;
        while (body && isModuleDeclaration(body)) body = body.body;
        if (body && isModuleBlock(body)) {
          const sub = readStatementsApi(ts, source, body.statements, printAll);
          inner.exports = sub.exports;
          inner.locals = sub.locals;
        }
        declare(statement.name.text, statement, { kind: 'namespace', module: inner });
        exportAs(statement.name.text);
      } else if (isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (!isIdentifier(d.name)) continue;
          const fn = !d.type && d.initializer ? functionLike(d.initializer) : undefined;
          const shape: Shape = fn ? { kind: 'function', signatures: [signatureOf(fn)] } : { kind: 'variable', type: typeText(d.type) };
          const keyword = statement.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'let';
          const text = fn
            ? `const ${d.name.text} = ${headerOf(fn as unknown as Node).replace(/ =>.*$/, '')}`
            : `${keyword} ${d.name.text}${d.type ? `: ${typeText(d.type)}` : ''}`;
          declare(d.name.text, d, shape, text);
          exportAs(d.name.text);
        }
      } else if (isImportDeclaration(statement) && isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (clause?.name) imports.set(clause.name.text, { kind: 'import', specifier, name: 'default' });
        const bindings = clause?.namedBindings;
        if (bindings && isNamespaceImport(bindings)) imports.set(bindings.name.text, { kind: 'namespace-import', specifier });
        else if (bindings)
          for (const e of bindings.elements) imports.set(e.name.text, { kind: 'import', specifier, name: (e.propertyName ?? e.name).text });
      } else if (isExportDeclaration(statement)) {
        const specifier =
          statement.moduleSpecifier && isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        const clause = statement.exportClause;
        if (!clause) {
          if (specifier) stars.push(specifier);
        } else if (isNamespaceExport(clause)) {
          if (specifier) into.set(clause.name.text, { kind: 'namespace-import', specifier });
        } else {
          for (const e of clause.elements) {
            const local = (e.propertyName ?? e.name).text;
            into.set(e.name.text, specifier ? { kind: 'import', specifier, name: local } : { kind: 'local', local });
          }
        }
      } else if (isExportAssignment(statement)) {
        if (isIdentifier(statement.expression)) into.set('default', { kind: 'local', local: statement.expression.text });
        else {
          const fn = functionLike(statement.expression);
          const declaration: Declaration = fn
            ? {
                name: 'default',
                shape: { kind: 'function', signatures: [signatureOf(fn)] },
                line: lineOf(statement),
                text: `export default ${headerOf(fn as unknown as Node).replace(/ =>.*$/, '')}`,
              }
            : { name: 'default', shape: { kind: 'variable', type: '' }, line: lineOf(statement), text: 'export default (expression)' };
          into.set('default', { kind: 'declaration', declaration });
        }
      } else if (isExpressionStatement(statement)) {
        readCommonJs(statement.expression, into);
      }
    }
  };

  // `module.exports = { a, b }`, `exports.a = …`, `module.exports.a = …`: plain JS modules.
  const readCommonJs = (expression: TsNamespace.Expression, into: Map<string, ExportTarget>) => {
    if (!isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const left = print(expression.left);
    const right = expression.right;
    const line = lineOf(expression);
    const valueDeclaration = (name: string, value: TsNamespace.Expression): Declaration => {
      const fn = functionLike(value);
      return fn
        ? {
            name,
            shape: { kind: 'function', signatures: [signatureOf(fn)] },
            line,
            text: `${name}${headerOf(fn as unknown as Node)
              .replace(/^function\s*\w*/, '')
              .replace(/ =>.*$/, '')}`,
          }
        : { name, shape: { kind: 'variable', type: '' }, line, text: `exports.${name}` };
    };
    if (left === 'module.exports' && isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (isShorthandPropertyAssignment(p)) into.set(p.name.text, { kind: 'local', local: p.name.text });
        else if (isPropertyAssignment(p) || isMethodDeclaration(p)) {
          const name = memberName(p.name);
          if (!name) continue;
          if (isPropertyAssignment(p) && isIdentifier(p.initializer)) into.set(name, { kind: 'local', local: p.initializer.text });
          else
            into.set(name, {
              kind: 'declaration',
              declaration: isPropertyAssignment(p)
                ? valueDeclaration(name, p.initializer)
                : {
                    name,
                    shape: { kind: 'function', signatures: [signatureOf(p)] },
                    line: lineOf(p),
                    text: print(p).replace(/\{.*$/, '').trim(),
                  },
            });
        }
      }
    } else if (left === 'module.exports') {
      into.set(
        'default',
        isIdentifier(right)
          ? { kind: 'local', local: right.text }
          : { kind: 'declaration', declaration: valueDeclaration('default', right) },
      );
    } else {
      const match = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(left);
      if (match)
        into.set(
          match[1]!,
          isIdentifier(right)
            ? { kind: 'local', local: right.text }
            : { kind: 'declaration', declaration: valueDeclaration(match[1]!, right) },
        );
    }
  };

  readStatements(topLevel, exportsMap);
  // A name exported from an import binding is a re-export.
  for (const [name, target] of exportsMap) {
    if (target.kind === 'local' && !locals.has(target.local)) {
      const imported = imports.get(target.local);
      if (imported) exportsMap.set(name, imported);
    }
  }
  return { exports: exportsMap, stars, locals };
}
