import type { ts as TS } from 'ts-morph';
import { perTypescript } from './compiler.js';

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

/** MEANINGFUL_FIELDS indexed by SyntaxKind number, for one copy of TypeScript (kept in its `Kinds`). */
function meaningfulFields(ts: Ts): (readonly string[] | undefined)[] {
  const table: (readonly string[] | undefined)[] = [];
  for (const [name, fields] of Object.entries(MEANINGFUL_FIELDS))
    table[(ts.SyntaxKind as unknown as Record<string, number>)[name]!] = fields;
  return table;
}

type Token = string | number | boolean;
const OPEN = -1;
const CLOSE = -2;
const END = -3;
/** A meaningful field without a plain value (`isExportEquals` left out): values are placed by position. */
const UNSET = -4;
// Thrown to stop a walk at the first difference; made once, so a throw costs no stack capture.
const MISMATCH = new Error('the syntax shapes differ');

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
      new ShapeWalk(ts, 'markup', (token) => {
        if (expected[at++] !== token) throw MISMATCH;
      }).walk(to);
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
  // The recorded tokens go into arrays kept from one comparison to the next: no new arrays per script.
  const recorded = new ShapeWalk(ts, 'format', undefined, scratch);
  recorded.walk(from);
  const compared = new ShapeWalk(ts, 'format');
  compared.expect(recorded);
  try {
    compared.walk(to);
  } catch (error) {
    if (error !== MISMATCH) throw error;
  }
  return {
    format: compared.formatSame && compared.f === recorded.formatLength,
    contract: compared.contractSame && compared.c === recorded.contractLength,
  };
}

const compared = new WeakMap<TS.SourceFile, { to: TS.SourceFile; same: { format: boolean; contract: boolean } }>();

/**
 * `compareShapes` once per pair of trees (several readers ask about the same change); a tree too deep to walk
 * compares as different (never style-only, always compared as a contract).
 */
export function shapesOf(ts: Ts, from: TS.SourceFile, to: TS.SourceFile): { format: boolean; contract: boolean } {
  const known = compared.get(from);
  if (known?.to === to) return known.same;
  let same = { format: false, contract: false };
  try {
    same = compareShapes(ts, from, to);
  } catch {
    // too deep: different
  }
  compared.set(from, { to, same });
  return same;
}

/** The tokens of a tree's shape, in order (for tests and debugging). */
export function syntaxShape(ts: Ts, root: TS.SourceFile, mode: ShapeMode): Token[] {
  const walk = new ShapeWalk(ts, mode === 'markup' ? 'markup' : 'format');
  walk.walk(root);
  return mode === 'contract' ? walk.contract.slice(0, walk.contractLength) : walk.format.slice(0, walk.formatLength);
}

/** The arrays compareShapes records into, reused by every comparison on this thread (each runs to its end first). */
const scratch: { format: Token[]; contract: Token[] } = { format: [], contract: [] };

/** Per copy of TypeScript: what a walk reads of it on every node, looked up once. */
interface Kinds {
  fields: (readonly string[] | undefined)[];
  flagMask: number;
  /** A node's kind and its meaningful flags go out as one token: `kind + flags * flagScale`. */
  flagScale: number;
  ParenthesizedExpression: number;
  JsxText: number;
  EmptyStatement: number;
  VariableDeclaration: number;
  PropertyDeclaration: number;
}
const kinds = perTypescript((ts): Kinds => {
  const { NodeFlags: F, SyntaxKind: K } = ts;
  return {
    fields: meaningfulFields(ts),
    flagMask: F.Let | F.Const | F.Using | F.Namespace | F.NestedNamespace | F.GlobalAugmentation | F.OptionalChain,
    flagScale: 2 ** Math.ceil(Math.log2(Math.max(...Object.values(K).filter((v): v is number => typeof v === 'number')) + 1)),
    ParenthesizedExpression: K.ParenthesizedExpression,
    JsxText: K.JsxText,
    EmptyStatement: K.EmptyStatement,
    VariableDeclaration: K.VariableDeclaration,
    PropertyDeclaration: K.PropertyDeclaration,
  };
});

/**
 * One walk of a tree, emitting tokens that describe its shape. Without a sink, it records the `format` tokens
 * and, of those, the ones outside bodies and values (`contract`); after `expect`, it compares its tokens with
 * recorded ones instead, and stops (throws MISMATCH) once both differ. In `markup` mode, JSX is reduced to its
 * logic: component tags and their props, expressions in braces, and attributes of HTML elements other than
 * literal `className`/`class`/`style` values; element nesting, HTML tags without logic and static text drop out.
 * The callbacks are fixed methods, not closures made per node: this walk runs over every changed script.
 * Throws RangeError on trees too deep to walk (the caller then treats the change as code).
 */
class ShapeWalk {
  /** The recorded tokens: the first `formatLength` and `contractLength` entries (the arrays may be reused). */
  readonly format: Token[];
  readonly contract: Token[];
  formatLength = 0;
  contractLength = 0;
  formatSame = true;
  contractSame = true;
  f = 0;
  c = 0;
  private comparing = false;
  private expected: ShapeWalk | undefined;
  /** Depth inside subtrees the contract shape leaves out (a body, a value that is not a function). */
  private outside = 0;
  /** The child of the node being walked that the contract leaves out. */
  private skipped: TS.Node | undefined;
  private readonly k: Kinds;

  constructor(
    private readonly ts: Ts,
    private readonly mode: 'format' | 'markup',
    private readonly sink?: (token: Token) => void,
    arrays: { format: Token[]; contract: Token[] } = { format: [], contract: [] },
  ) {
    this.k = kinds(ts);
    this.format = arrays.format;
    this.contract = arrays.contract;
  }

  /** Compares this walk's tokens with those another walk recorded. */
  expect(recorded: ShapeWalk): void {
    this.comparing = true;
    this.expected = recorded;
  }

  walk(root: TS.SourceFile): void {
    this.visit(root);
  }

  private emit(token: Token): void {
    if (this.sink) return this.sink(token);
    const inContract = this.outside === 0;
    if (!this.comparing) {
      this.format[this.formatLength++] = token;
      if (inContract) this.contract[this.contractLength++] = token;
      return;
    }
    const expected = this.expected!;
    if (this.formatSame && (this.f >= expected.formatLength || expected.format[this.f++] !== token)) this.formatSame = false;
    if (inContract && this.contractSame && (this.c >= expected.contractLength || expected.contract[this.c++] !== token))
      this.contractSame = false;
    if (!this.formatSame && !this.contractSame) throw MISMATCH;
  }

  private readonly visitChild = (next: TS.Node): undefined => {
    if (next !== this.skipped) {
      this.visit(next);
      return undefined;
    }
    // Once the formats differ, a subtree the contract leaves out (a body, a value) has nothing left to compare.
    if (this.comparing && !this.formatSame) return undefined;
    this.outside += 1;
    this.visit(next);
    this.outside -= 1;
    return undefined;
  };

  private readonly visitChildren = (nodes: TS.NodeArray<TS.Node>): undefined => {
    this.emit(OPEN);
    const empty = this.k.EmptyStatement;
    for (const child of nodes) if (child.kind !== empty) this.visit(child);
    this.emit(CLOSE);
    return undefined;
  };

  private visit(input: TS.Node): void {
    const k = this.k;
    let node = input;
    while (node.kind === k.ParenthesizedExpression) node = (node as TS.ParenthesizedExpression).expression;
    if (this.mode === 'markup' && isJsxRoot(this.ts, node)) {
      this.emit('jsx{');
      this.jsx(node);
      this.emit('}jsx');
      return;
    }
    this.emit(node.kind + (node.flags & k.flagMask) * k.flagScale);
    if (node.kind === k.JsxText) this.emit(jsxText((node as TS.JsxText).text));
    else {
      // Every field of the kind, in the table's order: the position says which field a value is.
      const names = k.fields[node.kind];
      if (names) {
        for (const name of names) {
          const value = (node as unknown as Record<string, unknown>)[name];
          this.emit(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : UNSET);
        }
      }
    }
    const saved = this.skipped;
    this.skipped = this.mode === 'format' ? this.outsideContract(node) : undefined;
    node.forEachChild(this.visitChild, this.visitChildren);
    this.skipped = saved;
    this.emit(END);
  }

  /** The child of a node that cannot change what the module exports: a body, or a value that is not a function. */
  private outsideContract(node: TS.Node): TS.Node | undefined {
    const k = this.k;
    if (node.kind === k.VariableDeclaration || node.kind === k.PropertyDeclaration) {
      const declaration = node as TS.VariableDeclaration | TS.PropertyDeclaration;
      const value = declaration.initializer;
      if (!value) return undefined;
      if (node.kind === k.VariableDeclaration && declaration.type) return value;
      return isFunctionValue(this.ts, value) ? undefined : value;
    }
    if (this.ts.isFunctionLike(node)) return 'body' in node ? (node.body as TS.Node | undefined) : undefined;
    return undefined;
  }

  private jsx(node: TS.Node): void {
    const ts = this.ts;
    if (ts.isJsxText(node)) return;
    if (ts.isJsxExpression(node)) {
      this.emit('{');
      if (node.dotDotDotToken) this.emit('...');
      if (node.expression) this.visit(node.expression);
      this.emit('}');
      return;
    }
    if (ts.isJsxElement(node)) {
      const logic = this.tag(node.openingElement.tagName, node.openingElement.attributes, node.openingElement.typeArguments);
      for (const child of node.children) this.jsx(child);
      if (logic) this.emit('</>');
      return;
    }
    if (ts.isJsxSelfClosingElement(node)) {
      if (this.tag(node.tagName, node.attributes, node.typeArguments)) this.emit('</>');
      return;
    }
    if (ts.isJsxFragment(node)) {
      for (const child of node.children) this.jsx(child);
      return;
    }
    this.visit(node);
  }

  /** Emits the logic of an opening tag; false when it is an HTML element with presentation only. */
  private tag(name: TS.JsxTagNameExpression, attributes: TS.JsxAttributes, typeArguments: TS.NodeArray<TS.TypeNode> | undefined): boolean {
    const ts = this.ts;
    const intrinsic = ts.isIdentifier(name) && /^[a-z]/.test(name.text) && !name.text.includes('.');
    const kept = attributes.properties.filter((attribute) => !(intrinsic && isPresentational(ts, attribute)));
    // An HTML element with nothing but presentation is markup; a component is always logic.
    if (intrinsic && kept.length === 0 && !typeArguments) return false;
    this.emit('<');
    this.visit(name);
    for (const type of typeArguments ?? []) this.visit(type);
    for (const attribute of kept) this.visit(attribute);
    return true;
  }
}

function isJsxRoot(ts: Ts, node: TS.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
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
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword)
    return true;
  if (ts.isPrefixUnaryExpression(node)) return ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => isLiteralValue(ts, e));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) &&
        isLiteralValue(ts, p.initializer),
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
