import { Node, SyntaxKind, type Expression, type SourceFile } from 'ts-morph';

/** The string an expression always evaluates to, when that is knowable from this file alone. */
export function staticString(expr: Node | undefined, depth = 0): string | undefined {
  if (!expr || depth > 6) return undefined;
  if (Node.isStringLiteral(expr) || Node.isNoSubstitutionTemplateLiteral(expr)) return expr.getLiteralValue();
  if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr)) return staticString(expr.getExpression(), depth + 1);
  if (Node.isTemplateExpression(expr)) {
    let text = expr.getHead().getLiteralText();
    for (const span of expr.getTemplateSpans()) {
      const part = staticString(span.getExpression(), depth + 1);
      if (part === undefined) return undefined;
      text += part + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isBinaryExpression(expr) && expr.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = staticString(expr.getLeft(), depth + 1);
    const right = staticString(expr.getRight(), depth + 1);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  if (Node.isIdentifier(expr)) {
    const decl = constInitializer(expr.getSourceFile(), expr.getText());
    return decl ? staticString(decl, depth + 1) : undefined;
  }
  return undefined;
}

/** The initializer of a top-level or local `const name = …` in the file (first one wins). */
export function constInitializer(source: SourceFile, name: string): Expression | undefined {
  for (const decl of source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    if (decl.getName() !== name) continue;
    const list = decl.getParent();
    if (Node.isVariableDeclarationList(list) && list.getDeclarationKind() !== 'const') continue;
    return decl.getInitializer();
  }
  return undefined;
}

export function lineOf(node: Node): number {
  return node.getStartLineNumber();
}

/** Import bindings of a file: local name → module specifier and imported name (`default` for default imports). */
export function importsOf(source: SourceFile): Map<string, { module: string; name: string }> {
  const map = new Map<string, { module: string; name: string }>();
  for (const imp of source.getImportDeclarations()) {
    const module = imp.getModuleSpecifierValue();
    const def = imp.getDefaultImport();
    if (def) map.set(def.getText(), { module, name: 'default' });
    const ns = imp.getNamespaceImport();
    if (ns) map.set(ns.getText(), { module, name: '*' });
    for (const named of imp.getNamedImports()) map.set(named.getAliasNode()?.getText() ?? named.getName(), { module, name: named.getName() });
  }
  // CommonJS: const x = require('./x')
  for (const decl of source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = decl.getInitializer();
    if (init && Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
      const module = staticString(init.getArguments()[0]);
      if (module !== undefined && Node.isIdentifier(decl.getNameNode())) map.set(decl.getName(), { module, name: 'default' });
    }
  }
  return map;
}

/** Which frameworks a file imports. */
export function importedModules(source: SourceFile): Set<string> {
  return new Set([...importsOf(source).values()].map((i) => i.module));
}

/** Names a file exports, mapped to the local name they export (`default` for the default export). */
export function exportsOf(source: SourceFile): Map<string, string> {
  const map = new Map<string, string>();
  for (const statement of source.getStatements()) {
    if (Node.isExportAssignment(statement)) {
      const e = statement.getExpression();
      map.set('default', Node.isIdentifier(e) ? e.getText() : 'default');
    } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const spec of statement.getNamedExports()) map.set(spec.getAliasNode()?.getText() ?? spec.getName(), spec.getName());
    } else if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const d of statement.getDeclarations()) map.set(d.getName(), d.getName());
    } else if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.isExported()) {
      const name = statement.getName();
      if (statement.isDefaultExport()) map.set('default', name ?? 'default');
      else if (name) map.set(name, name);
    }
  }
  // CommonJS: module.exports = router
  for (const bin of source.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (bin.getLeft().getText() === 'module.exports' && Node.isIdentifier(bin.getRight())) map.set('default', bin.getRight().getText());
  }
  return map;
}

/** Resolves a relative import to the candidate paths of the module in the tree. */
export function moduleCandidates(fromFile: string, specifier: string): string[] {
  if (!specifier.startsWith('.')) return [];
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const parts = `${dir}/${specifier}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const base = out.join('/');
  const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
  const exts = ['ts', 'tsx', 'js', 'mts', 'mjs', 'cjs', 'jsx'];
  return [base, ...exts.map((e) => `${stem}.${e}`), ...exts.map((e) => `${base}/index.${e}`)].filter((p, i, all) => all.indexOf(p) === i);
}
