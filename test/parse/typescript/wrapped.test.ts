// The identifiers of a script by name, found on TypeScript's tree and wrapped on demand: the same wrappers, in the
// same order, as ts-morph's own walk gives for the code, and none from JSDoc comments (which are not parsed).
import { SyntaxKind, type CallExpression, type ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { descendantsWhere, Identifiers } from '../../../src/parse/typescript/wrapped.js';
import { parseScriptFile } from '../../../src/parse/typescript/parsed.js';

const code = [
  "import express from 'express';",
  '/** Mounted by {@link app}; see also router. @param router the API router */',
  'export const router = express.Router();',
  "router.get('/a', (req, res) => res.json({ router: 1 }));",
  'const app = express();',
  "app.use('/api', router);",
  'function mount(router: unknown) { return router; }',
  '',
].join('\n');

describe('descendantsWhere', () => {
  it("gives ts-morph's own wrappers of the nodes of a kind that pass the test, in the file's order", () => {
    const source = parseScriptFile('src/routes.ts', code).morph()!;
    const test = (node: ts.Node) => node.kind === SyntaxKind.CallExpression && (node as ts.CallExpression).arguments.length > 0;
    const calls = descendantsWhere<CallExpression>(source, test);
    const expected = source.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => test(call.compilerNode));
    expect(calls.map((c) => c.getText())).toEqual([
      "router.get('/a', (req, res) => res.json({ router: 1 }))",
      'res.json({ router: 1 })',
      "app.use('/api', router)",
    ]);
    calls.forEach((call, i) => expect(call).toBe(expected[i]));
    expect(calls).toHaveLength(expected.length);
  });
});

describe('Identifiers', () => {
  it("gives ts-morph's own wrappers of a name's identifiers in the code, in order, and none from JSDoc", () => {
    const source = parseScriptFile('src/routes.ts', code).morph()!;
    const named = new Identifiers(source).named('router');
    const all = source.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id.getText() === 'router');
    // The JSDoc comment on line 2 is not parsed (parseScript), so no walk finds the names in it: they are not code.
    expect(all.some((id) => id.getStartLineNumber() === 2)).toBe(false);
    const inCode = all;
    expect(named.map((id) => id.getStartLineNumber())).toEqual([3, 4, 4, 6, 7, 7]);
    // The very objects ts-morph hands out (wrappers of one context compare equal), so scope lookups match.
    named.forEach((id, i) => expect(id).toBe(inCode[i]));
    expect(named).toHaveLength(inCode.length);
    expect(new Identifiers(source).named('app').map((id) => id.getStartLineNumber())).toEqual([5, 6]);
    expect(new Identifiers(source).named('nothing')).toEqual([]);
  });
});
