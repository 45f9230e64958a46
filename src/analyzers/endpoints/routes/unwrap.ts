import { Node } from '../../../parse/typescript/morph.js';
import type { ts } from 'ts-morph';
import { typescript } from '../../../parse/typescript/compiler.js';

/** The expression inside the wrappers that only change its type: `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrapTypes(node: Node): Node {
  let n = node;
  while (
    Node.isParenthesizedExpression(n) ||
    Node.isAsExpression(n) ||
    Node.isSatisfiesExpression(n) ||
    Node.isNonNullExpression(n) ||
    Node.isTypeAssertion(n)
  )
    n = n.getExpression();
  return n;
}

/** The expression a router or app value is made by: inside type-only wrappers and `await` (`await createApp()`). */
export function unwrap(node: Node): Node {
  let n = unwrapTypes(node);
  while (Node.isAwaitExpression(n)) n = unwrapTypes(n.getExpression());
  return n;
}

/** `unwrapTypes` on TypeScript's own nodes. */
export function unwrapSyntaxTypes(node: ts.Node): ts.Node {
  const t = typescript();
  let n = node;
  while (
    t.isParenthesizedExpression(n) ||
    t.isAsExpression(n) ||
    t.isSatisfiesExpression(n) ||
    t.isNonNullExpression(n) ||
    t.isTypeAssertionExpression(n)
  )
    n = n.expression;
  return n;
}

/** `unwrap` on TypeScript's own nodes (a test made before any ts-morph wrapper is). */
export function unwrapSyntax(node: ts.Node): ts.Node {
  const t = typescript();
  let n = unwrapSyntaxTypes(node);
  while (t.isAwaitExpression(n)) n = unwrapSyntaxTypes(n.expression);
  return n;
}
