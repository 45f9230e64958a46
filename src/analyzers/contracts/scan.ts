import type { ts as TsNamespace } from 'ts-morph';

/** Where a module may re-export, or export names from a local list: an `export` the scanner must look at. */
const MAY_REEXPORT = /\bexport\s*(?:[*{=/]|type\b|default\b)/;

/**
 * The modules an unchanged file re-exports from, found with the TypeScript scanner (tokens, no syntax tree):
 * `export * from`, `export { … } from`, `export * as ns from`, and, when the file exports names from a local
 * list (`export { a }`, `export default a`), its imports too, since such names may be imported bindings.
 */
export function reexportSpecifiers(ts: typeof TsNamespace, text: string): string[] {
  // Most modules export declarations only (`export const`, `export function`): without an `export` followed by
  // `*`, `{`, `=`, `type`, `default` or a comment, and without a Unicode escape (which can spell `export`), there
  // is nothing to find, and the text is not scanned.
  if (!text.includes('\\u') && !MAY_REEXPORT.test(text)) return [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const K = ts.SyntaxKind;
  const reexports: string[] = [];
  const imports: string[] = [];
  let exportsLocalList = false;
  let token: TsNamespace.SyntaxKind = scanner.scan();
  // A function, not the variable, so that narrowing does not outlive a call to next().
  const at = (kind: TsNamespace.SyntaxKind): boolean => token === kind;
  const next = (): void => {
    token = scanner.scan();
  };
  while (!at(K.EndOfFileToken)) {
    if (at(K.ExportKeyword)) {
      next();
      if (at(K.TypeKeyword)) next();
      if (at(K.AsteriskToken) || at(K.OpenBraceToken)) {
        if (at(K.OpenBraceToken)) while (!at(K.CloseBraceToken) && !at(K.EndOfFileToken)) next();
        next();
        if (at(K.AsKeyword)) {
          next();
          next();
        }
        if (at(K.FromKeyword)) {
          next();
          if (at(K.StringLiteral)) reexports.push(scanner.getTokenValue());
        } else exportsLocalList = true;
        continue;
      }
      if (at(K.DefaultKeyword)) {
        next();
        if (at(K.Identifier)) exportsLocalList = true;
      }
      if (at(K.EqualsToken)) exportsLocalList = true;
      continue;
    }
    if (at(K.ImportKeyword)) {
      next();
      if (at(K.OpenParenToken) || at(K.DotToken)) continue;
      let guard = 0;
      while (!at(K.StringLiteral) && !at(K.EndOfFileToken) && !at(K.SemicolonToken) && guard++ < 200) next();
      if (at(K.StringLiteral)) imports.push(scanner.getTokenValue());
      continue;
    }
    next();
  }
  return [...new Set(exportsLocalList ? [...reexports, ...imports] : reexports)];
}
