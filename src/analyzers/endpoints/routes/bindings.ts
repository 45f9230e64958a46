import type { ts } from 'ts-morph';
import { typescript } from '../../../parse/typescript/compiler.js';

/**
 * Whether a top-level import declaration binds a name from `module` (`import x from`, `import { a }`, `import * as
 * ns`), read on TypeScript's own tree: no ts-morph wrapper, so the engine's readers can ask it while they hold the tree.
 */
export function bindsImport(file: ts.SourceFile, module: string): boolean {
  const t = typescript();
  for (const statement of file.statements) {
    if (!t.isImportDeclaration(statement)) continue;
    const clause = statement.importClause;
    const binds =
      clause !== undefined &&
      (clause.name !== undefined ||
        (clause.namedBindings !== undefined && (t.isNamespaceImport(clause.namedBindings) || clause.namedBindings.elements.length > 0)));
    if (binds && t.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === module) return true;
  }
  return false;
}
