import type { ts as TS } from 'ts-morph';

// The shape of a syntax tree with positions, comments and trivia left out: two versions of a
// script with the same shape differ only in formatting or comments (quote style, optional
// semicolons, trailing commas, line breaks, redundant parentheses).

type Ts = typeof TS;

/** Node fields that carry layout or bookkeeping, not meaning. */
const LAYOUT_FIELDS = new Set([
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

type Token = string | number | boolean;
const OPEN = -1;
const CLOSE = -2;
const END = -3;
const MISMATCH = Symbol('mismatch');

export type ShapeMode = 'format' | 'markup';

/**
 * True when both trees have the same shape. The `to` tree is walked against the tokens of the
 * `from` tree and stops at the first difference. Throws RangeError on trees too deep to walk.
 */
export function sameSyntax(ts: Ts, from: TS.SourceFile, to: TS.SourceFile, mode: ShapeMode): boolean {
  const expected: Token[] = [];
  walkShape(ts, from, mode, (token) => {
    expected.push(token);
  });
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

/** The tokens of a tree's shape, in order (for tests and debugging). */
export function syntaxShape(ts: Ts, root: TS.SourceFile, mode: ShapeMode): Token[] {
  const out: Token[] = [];
  walkShape(ts, root, mode, (token) => {
    out.push(token);
  });
  return out;
}

/**
 * Emits tokens describing the tree. In `markup` mode, JSX is reduced to its logic: component tags and
 * their props, expressions in braces, and attributes of HTML elements other than literal
 * `className`/`class`/`style` values; element nesting, HTML tags without logic and static text drop out.
 * Throws RangeError on trees too deep to walk (the caller then treats the change as code).
 */
function walkShape(ts: Ts, root: TS.SourceFile, mode: ShapeMode, emit: (token: Token) => void): void {
  const flagMask =
    ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.Namespace | ts.NodeFlags.NestedNamespace | ts.NodeFlags.GlobalAugmentation | ts.NodeFlags.OptionalChain;
  const isJsxRoot = (node: TS.Node) => ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);

  const visit = (input: TS.Node): void => {
    let node = input;
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    if (mode === 'markup' && isJsxRoot(node)) {
      emit('jsx{');
      jsx(node);
      emit('}jsx');
      return;
    }
    emit(node.kind);
    emit(node.flags & flagMask);
    if (ts.isJsxText(node)) emit(jsxText(node.text));
    else if (!ts.isSourceFile(node)) {
      // Own fields only: literal text, operators, `isTypeOnly`…; an identifier's name is `escapedText`.
      for (const key in node) {
        if (LAYOUT_FIELDS.has(key) || !Object.hasOwn(node, key)) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          emit(key);
          emit(value);
        }
      }
    }
    node.forEachChild(visit, (nodes) => {
      emit(OPEN);
      for (const child of nodes) if (child.kind !== ts.SyntaxKind.EmptyStatement) visit(child);
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

