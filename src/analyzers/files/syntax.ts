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
  'text',
]);

export type ShapeMode = 'format' | 'markup';

/**
 * Tokens describing the tree. In `markup` mode, JSX is reduced to its logic: component tags and
 * their props, expressions in braces, and attributes of HTML elements other than literal
 * `className`/`class`/`style` values; element nesting, HTML tags without logic and static text drop out.
 * Throws RangeError on trees too deep to walk (the caller then treats the change as code).
 */
export function syntaxShape(ts: Ts, root: TS.SourceFile, mode: ShapeMode): string[] {
  const out: string[] = [];
  const flagMask =
    ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.Namespace | ts.NodeFlags.NestedNamespace | ts.NodeFlags.GlobalAugmentation | ts.NodeFlags.OptionalChain;
  const isJsxRoot = (node: TS.Node) => ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);

  const visit = (input: TS.Node): void => {
    let node = input;
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    if (mode === 'markup' && isJsxRoot(node)) {
      out.push('jsx{');
      jsx(node);
      out.push('}jsx');
      return;
    }
    out.push(`${node.kind}:${node.flags & flagMask}`);
    if (ts.isJsxText(node)) out.push(`"${jsxText(node.text)}`);
    else if (!ts.isSourceFile(node)) {
      if ('text' in node && typeof node.text === 'string' && !ts.isJsxText(node)) out.push(`"${node.text}`);
      for (const [key, value] of Object.entries(node)) {
        if (LAYOUT_FIELDS.has(key) || value === undefined || typeof value === 'object' || typeof value === 'function') continue;
        out.push(`${key}=${String(value)}`);
      }
    }
    node.forEachChild(visit, (nodes) => {
      out.push('[');
      for (const child of nodes) if (child.kind !== ts.SyntaxKind.EmptyStatement) visit(child);
      out.push(']');
    });
    out.push(')');
  };

  const jsx = (node: TS.Node): void => {
    if (ts.isJsxText(node)) return;
    if (ts.isJsxExpression(node)) {
      out.push('{');
      if (node.dotDotDotToken) out.push('...');
      if (node.expression) visit(node.expression);
      out.push('}');
      return;
    }
    if (ts.isJsxElement(node)) {
      const logic = tag(node.openingElement.tagName, node.openingElement.attributes, node.openingElement.typeArguments);
      for (const child of node.children) jsx(child);
      if (logic) out.push('</>');
      return;
    }
    if (ts.isJsxSelfClosingElement(node)) {
      if (tag(node.tagName, node.attributes, node.typeArguments)) out.push('</>');
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
    out.push('<');
    visit(name);
    for (const type of typeArguments ?? []) visit(type);
    for (const attribute of kept) visit(attribute);
    return true;
  };

  visit(root);
  return out;
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

export function sameShape(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
