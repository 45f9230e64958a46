import type { ts as TsNamespace } from 'ts-morph';

// What TypeScript's printer writes for the commonest nodes of a declaration (types, names, literals, decorators,
// simple expressions), written from the tree without setting the printer up. Each writer returns undefined for
// any form it does not know, and the caller prints that node instead. The text equals the printer's (comments
// removed) once runs of whitespace are made one space: that is the only form the API reader keeps.
// test/parse/typescript/plain-text.test.ts compares the two on the tool's own code and its dependencies.

type TS = typeof TsNamespace;
type Node = TsNamespace.Node;

/** One space for each run of whitespace, `; }` at the end of a member list, no space at either end. */
export const oneLine = (text: string) =>
  // Most texts are one line already: testing is cheaper than three rewrites.
  /[^\S ]| {2}|^ | $|;}| ; }/.test(text)
    ? text
        .replace(/\s+/g, ' ')
        .replace(/\s*;\s*}/g, '; }')
        .trim()
    : text;

const LINE_BREAK = /[\n\r\u2028\u2029]/;

export interface PlainPrinter {
  /** The printer's text of `node`, or undefined. */
  text(node: Node): string | undefined;
  /** The printer's text of a function-like node printed with an empty body, the body cut off; or undefined. */
  head(node: Node): string | undefined;
}

export function plainPrinter(ts: TS, source: TsNamespace.SourceFile): PlainPrinter {
  const K = ts.SyntaxKind;
  const sourceText = source.text;
  // Names and literals are written as the source spells them (the tree has parent links).
  const spelling = (node: Node) => sourceText.slice(node.getStart(source), node.end);
  const token = (kind: TsNamespace.SyntaxKind) => ts.tokenToString(kind);
  const brokenBetween = (from: number, to: number) => LINE_BREAK.test(sourceText.slice(from, to));

  /** Each text of `nodes`, or undefined when one has none. */
  const all = (nodes: readonly Node[]): string[] | undefined => {
    const out: string[] = [];
    for (const node of nodes) {
      const t = text(node);
      if (t === undefined) return undefined;
      out.push(t);
    }
    return out;
  };
  const list = (nodes: readonly Node[] | undefined, open: string, close: string): string | undefined => {
    // An empty `<>` is left out, as the printer leaves out an empty list of type parameters or arguments.
    if (!nodes || (nodes.length === 0 && open === '<')) return '';
    const texts = all(nodes);
    return texts && `${open}${texts.join(', ')}${close}`;
  };

  /**
   * Decorators and keyword modifiers, each followed by a space. The printer writes decorators one a line, the
   * first on a new line too (a space once made one line, cut off by the trim where nothing comes before it).
   */
  const modifiers = (node: Node): string | undefined => {
    const list = (node as { modifiers?: TsNamespace.NodeArray<TsNamespace.ModifierLike> }).modifiers;
    if (!list) return '';
    let out = '';
    let decorators = false;
    for (const m of list) {
      if (m.kind === K.Decorator) {
        const expression = text((m as TsNamespace.Decorator).expression);
        if (expression === undefined) return undefined;
        out += `${decorators ? '' : ' '}@${expression} `;
        decorators = true;
      } else {
        out += `${token(m.kind)} `;
        decorators = false;
      }
    }
    return out;
  };

  const typeAnnotation = (type: TsNamespace.TypeNode | undefined): string | undefined => {
    if (!type) return '';
    const t = text(type);
    return t === undefined ? undefined : `: ${t}`;
  };

  /** `<T extends U = V>(a: T, b?: U): R`, the parameter list of a signature and what surrounds it. */
  const signatureHead = (node: TsNamespace.SignatureDeclarationBase): string | undefined => {
    const typeParameters = list(node.typeParameters, '<', '>');
    const parameters = list(node.parameters, '(', ')');
    const returns = typeAnnotation(node.type);
    if (typeParameters === undefined || parameters === undefined || returns === undefined) return undefined;
    return `${typeParameters}${parameters}${returns}`;
  };

  const arrowHead = (node: TsNamespace.ArrowFunction): string | undefined => {
    const mods = modifiers(node);
    if (mods === undefined || node.typeParameters?.hasTrailingComma) return undefined;
    const p = node.parameters.length === 1 ? node.parameters[0]! : undefined;
    // The printer leaves out the parentheses of `x => …` only where the source has none.
    const simple =
      p !== undefined &&
      p.pos === node.pos &&
      !node.type &&
      !node.modifiers?.length &&
      !node.typeParameters?.length &&
      !p.modifiers?.length &&
      !p.dotDotDotToken &&
      !p.questionToken &&
      !p.type &&
      !p.initializer &&
      ts.isIdentifier(p.name);
    const signature = simple ? spelling(p.name) : signatureHead(node);
    return signature === undefined ? undefined : `${mods}${signature} =>`;
  };

  const members = (nodes: readonly Node[]): string | undefined => {
    // The printer writes a type literal's members one a line.
    if (nodes.length === 0) return '{}';
    const texts = all(nodes);
    return texts && `{ ${texts.join(' ')} }`;
  };

  const text = (node: Node): string | undefined => {
    switch (node.kind) {
      case K.Identifier:
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.PrivateIdentifier:
        return spelling(node);
      case K.NumericLiteral: {
        // Separators and legacy octals are rewritten by the printer; plain decimals are kept as written.
        const written = spelling(node);
        return /^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(written) ? written : undefined;
      }
      case K.AnyKeyword:
      case K.UnknownKeyword:
      case K.NumberKeyword:
      case K.BigIntKeyword:
      case K.ObjectKeyword:
      case K.BooleanKeyword:
      case K.StringKeyword:
      case K.SymbolKeyword:
      case K.VoidKeyword:
      case K.UndefinedKeyword:
      case K.NeverKeyword:
      case K.TrueKeyword:
      case K.FalseKeyword:
      case K.NullKeyword:
      case K.ThisKeyword:
      case K.ThisType:
        return token(node.kind === K.ThisType ? K.ThisKeyword : node.kind);
      case K.QualifiedName: {
        const n = node as TsNamespace.QualifiedName;
        const left = text(n.left);
        return left === undefined ? undefined : `${left}.${spelling(n.right)}`;
      }
      case K.TypeReference:
      case K.ExpressionWithTypeArguments: {
        const n = node as TsNamespace.TypeReferenceNode | TsNamespace.ExpressionWithTypeArguments;
        const name = text(ts.isTypeReferenceNode(n) ? n.typeName : n.expression);
        const args = list(n.typeArguments, '<', '>');
        return name === undefined || args === undefined ? undefined : `${name}${args}`;
      }
      case K.ArrayType: {
        const element = text((node as TsNamespace.ArrayTypeNode).elementType);
        return element === undefined ? undefined : `${element}[]`;
      }
      case K.LiteralType:
        return text((node as TsNamespace.LiteralTypeNode).literal);
      case K.ParenthesizedType: {
        const inner = text((node as TsNamespace.ParenthesizedTypeNode).type);
        return inner === undefined ? undefined : `(${inner})`;
      }
      case K.ParenthesizedExpression: {
        const inner = text((node as TsNamespace.ParenthesizedExpression).expression);
        return inner === undefined ? undefined : `(${inner})`;
      }
      case K.UnionType:
      case K.IntersectionType: {
        const texts = all((node as TsNamespace.UnionOrIntersectionTypeNode).types);
        return texts?.join(node.kind === K.UnionType ? ' | ' : ' & ');
      }
      case K.TypeQuery: {
        const n = node as TsNamespace.TypeQueryNode;
        const name = text(n.exprName);
        const args = list(n.typeArguments, '<', '>');
        return name === undefined || args === undefined ? undefined : `typeof ${name}${args}`;
      }
      case K.TypeOperator: {
        const n = node as TsNamespace.TypeOperatorNode;
        const operand = text(n.type);
        return operand === undefined ? undefined : `${token(n.operator)} ${operand}`;
      }
      case K.IndexedAccessType: {
        const n = node as TsNamespace.IndexedAccessTypeNode;
        const object = text(n.objectType);
        const index = text(n.indexType);
        return object === undefined || index === undefined ? undefined : `${object}[${index}]`;
      }
      case K.TypeLiteral:
        return members((node as TsNamespace.TypeLiteralNode).members);
      case K.TupleType: {
        // One element a line, brackets on lines of their own.
        const texts = all((node as TsNamespace.TupleTypeNode).elements);
        return texts && (texts.length === 0 ? '[ ]' : `[ ${texts.join(', ')} ]`);
      }
      case K.NamedTupleMember: {
        const n = node as TsNamespace.NamedTupleMember;
        const type = text(n.type);
        return type === undefined ? undefined : `${n.dotDotDotToken ? '...' : ''}${spelling(n.name)}${n.questionToken ? '?' : ''}: ${type}`;
      }
      case K.RestType: {
        const type = text((node as TsNamespace.RestTypeNode).type);
        return type === undefined ? undefined : `...${type}`;
      }
      case K.OptionalType: {
        const type = text((node as TsNamespace.OptionalTypeNode).type);
        return type === undefined ? undefined : `${type}?`;
      }
      case K.TypePredicate: {
        const n = node as TsNamespace.TypePredicateNode;
        const name = text(n.parameterName);
        const type = n.type ? text(n.type) : '';
        if (name === undefined || type === undefined) return undefined;
        return `${n.assertsModifier ? 'asserts ' : ''}${name}${type && ` is ${type}`}`;
      }
      case K.ConditionalType: {
        const n = node as TsNamespace.ConditionalTypeNode;
        const texts = all([n.checkType, n.extendsType, n.trueType, n.falseType]);
        return texts && `${texts[0]} extends ${texts[1]} ? ${texts[2]} : ${texts[3]}`;
      }
      case K.InferType: {
        const parameter = text((node as TsNamespace.InferTypeNode).typeParameter);
        return parameter === undefined ? undefined : `infer ${parameter}`;
      }
      case K.ObjectBindingPattern:
      case K.ArrayBindingPattern: {
        const n = node as TsNamespace.BindingPattern;
        if (n.elements.length === 0) return n.kind === K.ObjectBindingPattern ? '{}' : '[]';
        const texts = all(n.elements);
        if (!texts) return undefined;
        // Both keep a trailing comma; only the object pattern has spaces inside its braces.
        const inner = `${texts.join(', ')}${n.elements.hasTrailingComma ? ',' : ''}`;
        return n.kind === K.ObjectBindingPattern ? `{ ${inner} }` : `[${inner}]`;
      }
      case K.BindingElement: {
        const n = node as TsNamespace.BindingElement;
        const property = n.propertyName ? text(n.propertyName) : '';
        const name = text(n.name);
        const initializer = n.initializer ? text(n.initializer) : '';
        if (property === undefined || name === undefined || initializer === undefined) return undefined;
        return `${n.dotDotDotToken ? '...' : ''}${property && `${property}: `}${name}${initializer && ` = ${initializer}`}`;
      }
      case K.Constructor:
      case K.GetAccessor:
      case K.SetAccessor: {
        if ((node as TsNamespace.FunctionLikeDeclaration).body) return undefined;
        const h = head(node);
        return h === undefined ? undefined : `${h};`;
      }
      case K.FunctionType:
      case K.ConstructorType: {
        const n = node as TsNamespace.FunctionTypeNode | TsNamespace.ConstructorTypeNode;
        const mods = modifiers(n);
        const typeParameters = list(n.typeParameters, '<', '>');
        const parameters = list(n.parameters, '(', ')');
        const returns = text(n.type);
        if (mods === undefined || typeParameters === undefined || parameters === undefined || returns === undefined) return undefined;
        return `${mods}${n.kind === K.ConstructorType ? 'new ' : ''}${typeParameters}${parameters} => ${returns}`;
      }
      case K.MappedType: {
        // `{`, the one member and `}` on lines of their own.
        const n = node as TsNamespace.MappedTypeNode;
        if (!n.type || n.members?.length) return undefined;
        const name = text(n.typeParameter.name);
        const constraint = n.typeParameter.constraint && text(n.typeParameter.constraint);
        const as = n.nameType ? text(n.nameType) : '';
        const type = text(n.type);
        if (name === undefined || constraint === undefined || as === undefined || type === undefined) return undefined;
        const readonly = n.readonlyToken ? `${n.readonlyToken.kind === K.ReadonlyKeyword ? '' : token(n.readonlyToken.kind)}readonly ` : '';
        const optional = n.questionToken ? `${n.questionToken.kind === K.QuestionToken ? '' : token(n.questionToken.kind)}?` : '';
        return `{ ${readonly}[${name} in ${constraint}${as && ` as ${as}`}]${optional}: ${type}; }`;
      }
      case K.TemplateLiteralType: {
        // The literal parts as the source spells them, `${` and `}` included.
        const n = node as TsNamespace.TemplateLiteralTypeNode;
        let out = spelling(n.head);
        for (const span of n.templateSpans) {
          const type = text(span.type);
          if (type === undefined) return undefined;
          out += `${type}${spelling(span.literal)}`;
        }
        return out;
      }
      case K.NonNullExpression: {
        const expression = text((node as TsNamespace.NonNullExpression).expression);
        return expression === undefined ? undefined : `${expression}!`;
      }
      case K.TypeParameter: {
        const n = node as TsNamespace.TypeParameterDeclaration;
        const mods = modifiers(n);
        const constraint = n.constraint ? text(n.constraint) : '';
        const fallback = n.default ? text(n.default) : '';
        if (mods === undefined || constraint === undefined || fallback === undefined) return undefined;
        return `${mods}${spelling(n.name)}${constraint && ` extends ${constraint}`}${fallback && ` = ${fallback}`}`;
      }
      case K.Parameter: {
        const n = node as TsNamespace.ParameterDeclaration;
        const mods = modifiers(n);
        const name = text(n.name);
        const type = typeAnnotation(n.type);
        const initializer = n.initializer ? text(n.initializer) : '';
        if (mods === undefined || name === undefined || type === undefined || initializer === undefined) return undefined;
        return `${mods}${n.dotDotDotToken ? '...' : ''}${name}${n.questionToken ? '?' : ''}${type}${initializer && ` = ${initializer}`}`;
      }
      case K.PropertySignature:
      case K.PropertyDeclaration: {
        const n = node as TsNamespace.PropertySignature | TsNamespace.PropertyDeclaration;
        const mods = modifiers(n);
        const name = text(n.name);
        const type = typeAnnotation(n.type);
        const initializer = ts.isPropertyDeclaration(n) && n.initializer ? text(n.initializer) : '';
        if (mods === undefined || name === undefined || type === undefined || initializer === undefined) return undefined;
        const marks = `${n.questionToken ? '?' : ''}${ts.isPropertyDeclaration(n) && n.exclamationToken ? '!' : ''}`;
        return `${mods}${name}${marks}${type}${initializer && ` = ${initializer}`};`;
      }
      case K.MethodSignature:
      case K.MethodDeclaration: {
        const n = node as TsNamespace.MethodSignature | TsNamespace.MethodDeclaration;
        if (ts.isMethodDeclaration(n) && n.body) return undefined;
        const mods = modifiers(n);
        const name = text(n.name);
        const head = signatureHead(n);
        if (mods === undefined || name === undefined || head === undefined) return undefined;
        return `${mods}${ts.isMethodDeclaration(n) && n.asteriskToken ? '*' : ''}${name}${n.questionToken ? '?' : ''}${head};`;
      }
      case K.CallSignature:
      case K.ConstructSignature: {
        const n = node as TsNamespace.CallSignatureDeclaration | TsNamespace.ConstructSignatureDeclaration;
        const head = signatureHead(n);
        return head === undefined ? undefined : `${n.kind === K.ConstructSignature ? 'new ' : ''}${head};`;
      }
      case K.IndexSignature: {
        const n = node as TsNamespace.IndexSignatureDeclaration;
        const mods = modifiers(n);
        const parameters = list(n.parameters, '[', ']');
        const type = typeAnnotation(n.type);
        if (mods === undefined || parameters === undefined || type === undefined || n.modifiers?.some(ts.isDecorator)) return undefined;
        return `${mods}${parameters}${type};`;
      }
      case K.ComputedPropertyName: {
        const expression = text((node as TsNamespace.ComputedPropertyName).expression);
        return expression === undefined ? undefined : `[${expression}]`;
      }
      case K.PropertyAccessExpression: {
        const n = node as TsNamespace.PropertyAccessExpression;
        // A line break around the dot is kept by the printer; `1..toFixed` needs its second dot.
        if (n.questionDotToken || brokenBetween(n.expression.end, n.name.end) || n.expression.kind === K.NumericLiteral) return undefined;
        const object = text(n.expression);
        return object === undefined ? undefined : `${object}.${spelling(n.name)}`;
      }
      case K.CallExpression:
      case K.NewExpression: {
        const n = node as TsNamespace.CallExpression | TsNamespace.NewExpression;
        if (ts.isCallExpression(n) && n.questionDotToken) return undefined;
        const callee = text(n.expression);
        const args = list(n.typeArguments, '<', '>');
        const params = list(n.arguments, '(', ')');
        if (callee === undefined || args === undefined || params === undefined) return undefined;
        return `${ts.isNewExpression(n) ? 'new ' : ''}${callee}${args}${params}`;
      }
      case K.ObjectLiteralExpression: {
        const n = node as TsNamespace.ObjectLiteralExpression;
        if (n.properties.length === 0) return '{}';
        const texts = all(n.properties);
        return texts && `{ ${texts.join(', ')}${n.properties.hasTrailingComma ? ',' : ''} }`;
      }
      case K.PropertyAssignment: {
        const n = node as TsNamespace.PropertyAssignment;
        const name = text(n.name);
        const value = text(n.initializer);
        return name === undefined || value === undefined ? undefined : `${name}: ${value}`;
      }
      case K.ShorthandPropertyAssignment: {
        const n = node as TsNamespace.ShorthandPropertyAssignment;
        return n.objectAssignmentInitializer ? undefined : spelling(n.name);
      }
      case K.SpreadAssignment:
      case K.SpreadElement: {
        const inner = text((node as TsNamespace.SpreadAssignment | TsNamespace.SpreadElement).expression);
        return inner === undefined ? undefined : `...${inner}`;
      }
      case K.ArrayLiteralExpression: {
        const n = node as TsNamespace.ArrayLiteralExpression;
        if (n.elements.length === 0) return '[]';
        const texts = all(n.elements);
        if (!texts) return undefined;
        const comma = n.elements.hasTrailingComma ? ',' : '';
        // The printer keeps a line break after `[` (and then one before `]`), or else one before `]` where the
        // source has it; a line break between elements becomes a space.
        const open = brokenBetween(n.getStart(source) + 1, n.elements[0]!.getStart(source));
        const close = open || brokenBetween(n.elements[n.elements.length - 1]!.end, n.end);
        return `[${open ? ' ' : ''}${texts.join(', ')}${comma}${close ? ' ' : ''}]`;
      }
      case K.PrefixUnaryExpression: {
        const n = node as TsNamespace.PrefixUnaryExpression;
        // `- -x` and `+ +x` keep a space; other operands follow their operator.
        if (n.operand.kind === K.PrefixUnaryExpression || n.operand.kind === K.PostfixUnaryExpression) return undefined;
        if (n.operator !== K.MinusToken && n.operator !== K.PlusToken && n.operator !== K.ExclamationToken && n.operator !== K.TildeToken)
          return undefined;
        const operand = text(n.operand);
        return operand === undefined ? undefined : `${token(n.operator)}${operand}`;
      }
      case K.AsExpression: {
        const n = node as TsNamespace.AsExpression;
        const expression = text(n.expression);
        const type = text(n.type);
        return expression === undefined || type === undefined ? undefined : `${expression} as ${type}`;
      }
      case K.ArrowFunction: {
        const n = node as TsNamespace.ArrowFunction;
        if (ts.isBlock(n.body)) return undefined;
        const head = arrowHead(n);
        const body = text(n.body);
        return head === undefined || body === undefined ? undefined : `${head} ${body}`;
      }
      case K.FunctionDeclaration: {
        const n = node as TsNamespace.FunctionDeclaration;
        if (n.body) return undefined;
        const h = functionHead(n);
        return h === undefined ? undefined : `${h};`;
      }
      default:
        return undefined;
    }
  };

  const functionHead = (node: TsNamespace.FunctionDeclaration | TsNamespace.FunctionExpression) => {
    const mods = modifiers(node);
    const signature = signatureHead(node);
    if (mods === undefined || signature === undefined) return undefined;
    return `${mods}function${node.asteriskToken ? '*' : ''} ${node.name ? spelling(node.name) : ''}${signature}`;
  };

  const head = (node: Node): string | undefined => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) return functionHead(node);
    if (ts.isArrowFunction(node)) return arrowHead(node);
    if (ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
      // A constructor's decorators are not printed at all.
      if (ts.isConstructorDeclaration(node) && node.modifiers?.some(ts.isDecorator)) return undefined;
      const mods = modifiers(node);
      const name = ts.isConstructorDeclaration(node) ? 'constructor' : text(node.name);
      const signature = signatureHead(node);
      if (mods === undefined || name === undefined || signature === undefined) return undefined;
      const keyword = ts.isConstructorDeclaration(node) ? '' : ts.isGetAccessorDeclaration(node) ? 'get ' : 'set ';
      return `${mods}${keyword}${name}${signature}`;
    }
    if (ts.isMethodDeclaration(node)) {
      const mods = modifiers(node);
      const name = text(node.name);
      const signature = signatureHead(node);
      if (mods === undefined || name === undefined || signature === undefined) return undefined;
      return `${mods}${node.asteriskToken ? '*' : ''}${name}${node.questionToken ? '?' : ''}${signature}`;
    }
    return undefined;
  };

  return { text, head };
}
