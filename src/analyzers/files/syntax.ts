import type { ts as TS } from 'ts-morph';

// The shape of a syntax tree with positions, comments and trivia left out: two versions of a
// script with the same shape differ only in formatting or comments (quote style, optional
// semicolons, trailing commas, line breaks, redundant parentheses).

type Ts = typeof TS;

/**
 * The node fields that carry meaning besides a node's kind and children: names, literal text, operators,
 * `import type`… Read by kind rather than by listing every field of every node (that was most of the cost
 * of a walk). A test walks thousands of real scripts and fails if a node has any other plain-valued field
 * that is not in LAYOUT_FIELDS, so a TypeScript upgrade that adds one cannot slip through.
 */
export const MEANINGFUL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Identifier: ['escapedText'],
  PrivateIdentifier: ['escapedText'],
  StringLiteral: ['text'],
  NumericLiteral: ['text'],
  BigIntLiteral: ['text'],
  RegularExpressionLiteral: ['text'],
  NoSubstitutionTemplateLiteral: ['text'],
  TemplateHead: ['text'],
  TemplateMiddle: ['text'],
  TemplateTail: ['text'],
  PrefixUnaryExpression: ['operator'],
  PostfixUnaryExpression: ['operator'],
  TypeOperator: ['operator'],
  ImportClause: ['isTypeOnly', 'phaseModifier'],
  ImportEqualsDeclaration: ['isTypeOnly'],
  ImportSpecifier: ['isTypeOnly'],
  ExportDeclaration: ['isTypeOnly'],
  ExportSpecifier: ['isTypeOnly'],
  ExportAssignment: ['isExportEquals'],
  HeritageClause: ['token'],
  MetaProperty: ['keywordToken'],
  ImportType: ['isTypeOf'],
  SwitchStatement: ['possiblyExhaustive'],
};

/** Node fields that carry layout or bookkeeping, not meaning (JsxText's text is read on its own). */
export const LAYOUT_FIELDS = new Set([
  'pos',
  'end',
  'kind',
  'id',
  'flags',
  'modifierFlagsCache',
  'transformFlags',
  'hasExtendedUnicodeEscape',
  'singleQuote',
  'numericLiteralFlags',
  'templateFlags',
  'rawText',
  'isUnterminated',
  'containsOnlyTriviaWhiteSpaces',
  'hasTrailingComma',
  'jsDocParsingMode',
  'multiLine',
]);

/** MEANINGFUL_FIELDS indexed by SyntaxKind number, for one copy of TypeScript. */
const fieldsByKind = new WeakMap<Ts, (readonly string[] | undefined)[]>();

function meaningfulFields(ts: Ts): (readonly string[] | undefined)[] {
  let table = fieldsByKind.get(ts);
  if (!table) {
    table = [];
    for (const [name, fields] of Object.entries(MEANINGFUL_FIELDS)) table[(ts.SyntaxKind as unknown as Record<string, number>)[name]!] = fields;
    fieldsByKind.set(ts, table);
  }
  return table;
}

type Token = string | number | boolean;
const OPEN = -1;
const CLOSE = -2;
const END = -3;
const MISMATCH = Symbol('mismatch');

/**
 * `format`: layout and comments left out. `markup`: JSX markup left out too. `contract`: function bodies and
 * the values of variables and class properties that are not functions left out as well, which is all the
 * contracts analyzer reads of a module: two trees with the same contract shape export the same API.
 */
export type ShapeMode = 'format' | 'markup' | 'contract';

/**
 * True when both trees have the same shape. The `to` tree is walked against the tokens of the
 * `from` tree and stops at the first difference. Throws RangeError on trees too deep to walk.
 */
export function sameSyntax(ts: Ts, from: TS.SourceFile, to: TS.SourceFile, mode: ShapeMode): boolean {
  if (mode === 'markup') {
    const expected = syntaxShape(ts, from, mode);
    let at = 0;
    try {
      walkShape(ts, to, mode, (token) => {
        if (expected[at++] !== token) throw MISMATCH;
      });
    } catch (error) {
      if (error === MISMATCH) return false;
      throw error;
    }
    return at === expected.length;
  }
  const same = compareShapes(ts, from, to);
  return mode === 'format' ? same.format : same.contract;
}

/**
 * Compares the `format` and `contract` shapes of two trees in one walk of each: the walk of `to` stops once
 * both differ. Throws RangeError on trees too deep to walk.
 */
export function compareShapes(ts: Ts, from: TS.SourceFile, to: TS.SourceFile): { format: boolean; contract: boolean } {
  const format: Token[] = [];
  const contract: Token[] = [];
  walkShape(ts, from, 'format', (token, inContract) => {
    format.push(token);
    if (inContract) contract.push(token);
  });
  let f = 0;
  let c = 0;
  let formatSame = true;
  let contractSame = true;
  try {
    walkShape(ts, to, 'format', (token, inContract) => {
      if (formatSame && format[f++] !== token) formatSame = false;
      if (inContract && contractSame && contract[c++] !== token) contractSame = false;
      if (!formatSame && !contractSame) throw MISMATCH;
    });
  } catch (error) {
    if (error !== MISMATCH) throw error;
  }
  return { format: formatSame && f === format.length, contract: contractSame && c === contract.length };
}

/** The tokens of a tree's shape, in order (for tests and debugging). */
export function syntaxShape(ts: Ts, root: TS.SourceFile, mode: ShapeMode): Token[] {
  const out: Token[] = [];
  walkShape(ts, root, mode === 'markup' ? 'markup' : 'format', (token, inContract) => {
    if (mode !== 'contract' || inContract) out.push(token);
  });
  return out;
}

/**
 * Emits tokens describing the tree. In `markup` mode, JSX is reduced to its logic: component tags and
 * their props, expressions in braces, and attributes of HTML elements other than literal
 * `className`/`class`/`style` values; element nesting, HTML tags without logic and static text drop out.
 * Throws RangeError on trees too deep to walk (the caller then treats the change as code).
 */
function walkShape(ts: Ts, root: TS.SourceFile, mode: 'format' | 'markup', emitToken: (token: Token, inContract: boolean) => void): void {
  const fields = meaningfulFields(ts);
  // Inside a subtree the contract shape leaves out (a body, a value that is not a function).
  let outside = 0;
  const emit = (token: Token) => emitToken(token, outside === 0);
  const flagMask =
    ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.Namespace | ts.NodeFlags.NestedNamespace | ts.NodeFlags.GlobalAugmentation | ts.NodeFlags.OptionalChain;
  const isJsxRoot = (node: TS.Node) => ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);

  // Kinds read once: `ts` is a namespace of thousands of members, slow to look up on every node.
  const { ParenthesizedExpression, JsxText, EmptyStatement } = ts.SyntaxKind;
  const isFunctionLike = ts.isFunctionLike;
  const { VariableDeclaration, PropertyDeclaration } = ts.SyntaxKind;
  /** The child of a node that cannot change what the module exports: a body, or a value that is not a function. */
  const outsideContract = (node: TS.Node): TS.Node | undefined => {
    if (isFunctionLike(node)) return 'body' in node ? (node.body as TS.Node | undefined) : undefined;
    if (node.kind === VariableDeclaration || node.kind === PropertyDeclaration) {
      const declaration = node as TS.VariableDeclaration | TS.PropertyDeclaration;
      const value = declaration.initializer;
      if (!value) return undefined;
      if (node.kind === VariableDeclaration && declaration.type) return value;
      return isFunctionValue(ts, value) ? undefined : value;
    }
    return undefined;
  };

  const visit = (input: TS.Node): void => {
    let node = input;
    while (node.kind === ParenthesizedExpression) node = (node as TS.ParenthesizedExpression).expression;
    if (mode === 'markup' && isJsxRoot(node)) {
      emit('jsx{');
      jsx(node);
      emit('}jsx');
      return;
    }
    emit(node.kind);
    emit(node.flags & flagMask);
    if (node.kind === JsxText) emit(jsxText((node as TS.JsxText).text));
    else {
      const names = fields[node.kind];
      if (names) {
        for (const name of names) {
          const value = (node as unknown as Record<string, unknown>)[name];
          if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            emit(name);
            emit(value);
          }
        }
      }
    }
    const skipped = mode === 'format' ? outsideContract(node) : undefined;
    const child = (next: TS.Node): void => {
      if (next !== skipped) return visit(next);
      outside += 1;
      visit(next);
      outside -= 1;
    };
    node.forEachChild(child, (nodes) => {
      emit(OPEN);
      for (const child of nodes) if (child.kind !== EmptyStatement) visit(child);
      emit(CLOSE);
    });
    emit(END);
  };

  const jsx = (node: TS.Node): void => {
    if (ts.isJsxText(node)) return;
    if (ts.isJsxExpression(node)) {
      emit('{');
      if (node.dotDotDotToken) emit('...');
      if (node.expression) visit(node.expression);
      emit('}');
      return;
    }
    if (ts.isJsxElement(node)) {
      const logic = tag(node.openingElement.tagName, node.openingElement.attributes, node.openingElement.typeArguments);
      for (const child of node.children) jsx(child);
      if (logic) emit('</>');
      return;
    }
    if (ts.isJsxSelfClosingElement(node)) {
      if (tag(node.tagName, node.attributes, node.typeArguments)) emit('</>');
      return;
    }
    if (ts.isJsxFragment(node)) {
      for (const child of node.children) jsx(child);
      return;
    }
    visit(node);
  };

  /** Pushes the logic of an opening tag; false when it is an HTML element with presentation only. */
  const tag = (name: TS.JsxTagNameExpression, attributes: TS.JsxAttributes, typeArguments: TS.NodeArray<TS.TypeNode> | undefined): boolean => {
    const intrinsic = ts.isIdentifier(name) && /^[a-z]/.test(name.text) && !name.text.includes('.');
    const kept = attributes.properties.filter((attribute) => !(intrinsic && isPresentational(ts, attribute)));
    // An HTML element with nothing but presentation is markup; a component is always logic.
    if (intrinsic && kept.length === 0 && !typeArguments) return false;
    emit('<');
    visit(name);
    for (const type of typeArguments ?? []) visit(type);
    for (const attribute of kept) visit(attribute);
    return true;
  };

  visit(root);
}

/** An arrow function or function expression, under parentheses, `as` and `satisfies` (as the API reader sees it). */
function isFunctionValue(ts: Ts, node: TS.Expression): boolean {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

const PRESENTATION_ATTRIBUTES = new Set(['className', 'class', 'style']);

function isPresentational(ts: Ts, attribute: TS.JsxAttributeLike): boolean {
  if (!ts.isJsxAttribute(attribute) || !ts.isIdentifier(attribute.name) || !PRESENTATION_ATTRIBUTES.has(attribute.name.text)) return false;
  const value = attribute.initializer;
  if (!value || ts.isStringLiteral(value)) return true;
  if (ts.isJsxExpression(value)) return value.expression === undefined || isLiteralValue(ts, value.expression);
  return false;
}

/** A value made of literals only (`"a b"`, `{ color: 'red', margin: 4 }`, `['a', 'b']`). */
function isLiteralValue(ts: Ts, node: TS.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return true;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(node)) return ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => isLiteralValue(ts, e));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every(
      (p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) && isLiteralValue(ts, p.initializer),
    );
  }
  return false;
}

/** JSX text as React renders it: lines trimmed, blank lines dropped, joined by one space. */
function jsxText(text: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((line) => line.length > 0)
    .join(' ');
}

