import { Node } from 'ts-morph';

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
