import type { ts as TS } from 'ts-morph';
import { mayName } from './names.js';

type Ts = typeof TS;

export interface EnvRead {
  name: string;
  line: number;
  via: string;
}

/**
 * Whether a script's text may read a variable: every read goes through a property named `env`, so a script that
 * cannot name it (`environment` or `envelope` are other names) is not walked (most scripts of a release).
 */
export function mayReadEnv(ts: Ts, text: string): boolean {
  return mayName(ts, text, 'env');
}

/** Environment variables a script reads by a name written in the code. */
export function envReads(ts: Ts, source: TS.SourceFile): EnvRead[] {
  if (!mayReadEnv(ts, source.text)) return [];
  // Read once: `ts` is a namespace of thousands of members, slow to look up on every node.
  const {
    isAsExpression,
    isCallExpression,
    isElementAccessExpression,
    isIdentifier,
    isMetaProperty,
    isNoSubstitutionTemplateLiteral,
    isNonNullExpression,
    isObjectBindingPattern,
    isParenthesizedExpression,
    isPropertyAccessExpression,
    isStringLiteral,
    isVariableDeclaration,
  } = ts;
  const reads: EnvRead[] = [];
  const lineOf = (node: TS.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (node: TS.Node, name: string, via: string) => reads.push({ name, line: lineOf(node), via });
  const staticName = (node: TS.Node | undefined) =>
    node && (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const strip = (node: TS.Expression): TS.Expression => {
    while (isParenthesizedExpression(node) || isNonNullExpression(node) || isAsExpression(node)) node = node.expression;
    return node;
  };
  /** `process.env`, `Bun.env`, `import.meta.env`: the objects whose properties are variables. */
  const envObject = (node: TS.Expression): string | undefined => {
    const e = strip(node);
    if (!isPropertyAccessExpression(e) || e.name.text !== 'env') return undefined;
    const owner = strip(e.expression);
    if (isIdentifier(owner) && (owner.text === 'process' || owner.text === 'Bun')) return `${owner.text}.env`;
    if (isMetaProperty(owner) && owner.keywordToken === ts.SyntaxKind.ImportKeyword && owner.name.text === 'meta') return 'import.meta.env';
    return undefined;
  };

  const stack: TS.Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isPropertyAccessExpression(node)) {
      const via = envObject(node.expression);
      if (via && isIdentifier(node.name)) add(node, node.name.text, `${via}.${node.name.text}`);
    } else if (isElementAccessExpression(node)) {
      const via = envObject(node.expression);
      const name = staticName(node.argumentExpression);
      if (via && name !== undefined) add(node, name, `${via}['${name}']`);
    } else if (isCallExpression(node)) {
      // Deno.env.get('X')
      const callee = strip(node.expression);
      const name = staticName(node.arguments[0]);
      if (name !== undefined && isPropertyAccessExpression(callee) && callee.name.text === 'get') {
        const env = strip(callee.expression);
        if (
          isPropertyAccessExpression(env) &&
          env.name.text === 'env' &&
          isIdentifier(strip(env.expression)) &&
          (strip(env.expression) as TS.Identifier).text === 'Deno'
        ) {
          add(node, name, `Deno.env.get('${name}')`);
        }
      }
    } else if (isVariableDeclaration(node) && isObjectBindingPattern(node.name) && node.initializer) {
      // const { X, Y: y, Z = 'd' } = process.env
      const via = envObject(node.initializer);
      if (via) {
        for (const element of node.name.elements) {
          if (element.dotDotDotToken) continue;
          const key = element.propertyName ?? element.name;
          const name = isIdentifier(key) ? key.text : staticName(key);
          if (name !== undefined) add(element, name, `{ ${name} } = ${via}`);
        }
      }
    }
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return reads.sort((a, b) => a.line - b.line || (a.name < b.name ? -1 : 1));
}
