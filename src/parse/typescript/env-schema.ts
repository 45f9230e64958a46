import type { ts as TS } from 'ts-morph';
import type { Ts } from './compiler.js';

// The module that declares and validates an app's environment (`env.ts`, `env.server.ts`: t3-env, envalid, zod,
// class-validator): each variable is a declaration named after it, in capitals, with its parser, default and checks.

const ENV_MODULE = /(^|\/)(env|environment)(\.(server|client|config|schema))?\.(ts|mts|cts|js|mjs|cjs)$|(^|\/)env\/index\.(ts|js|mjs)$/i;
const VARIABLE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{3,}$/;

export function isEnvModule(path: string): boolean {
  return ENV_MODULE.test(path) && !/\.d\.[mc]?ts$/.test(path);
}

/**
 * Declarations named like environment variables (`SMTP_FROM_EMAIL: z.string().email()`, `@IsEmail() public
 * SMTP_FROM_EMAIL = …`, `const PORT = …`), by name, with their text (decorators included, layout squeezed) and line.
 */
export function envDeclarations(ts: Ts, source: TS.SourceFile): Map<string, { text: string; line: number }> {
  const out = new Map<string, { text: string; line: number }>();
  const visit = (node: TS.Node): void => {
    if (
      (ts.isPropertyDeclaration(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isVariableDeclaration(node) ||
        ts.isShorthandPropertyAssignment(node)) &&
      node.name
    ) {
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
      if (name && VARIABLE.test(name)) {
        const text = node.getText(source).replace(/\s+/g, ' ');
        const known = out.get(name);
        // A name declared twice (schema and runtime map) is compared as all its declarations together.
        out.set(name, {
          text: known ? `${known.text} | ${text}` : text,
          line: known?.line ?? source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Variables declared at both sides whose declaration differs (validator, default, parser), with their line at `from`. */
export function changedEnvDeclarations(
  from: Map<string, { text: string; line: number }>,
  to: Map<string, { text: string; line: number }>,
): { name: string; line: number }[] {
  return [...from]
    .filter(([name, decl]) => to.has(name) && to.get(name)!.text !== decl.text)
    .map(([name, decl]) => ({ name, line: decl.line }))
    .sort((a, b) => a.line - b.line);
}
