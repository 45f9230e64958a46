// The names a route file imports, exports and declares, read on TypeScript's own tree.
import { describe, expect, it } from 'vitest';
import type { SourceFile } from 'ts-morph';
import { exportsOf, importsOf } from '../../../src/analyzers/endpoints/routes/static.js';
import { Scopes } from '../../../src/analyzers/endpoints/routes/scope.js';
import { parseScriptFile } from '../../../src/parse/typescript/parsed.js';
import { Node } from '../../../src/parse/typescript/morph.js';

const source = (text: string, path = 'src/routes.ts'): SourceFile => parseScriptFile(path, text).morph()!;

describe('imports and exports of a route file', () => {
  it('reads every form of import binding, ES and CommonJS', () => {
    const file = source(
      [
        "import express, * as ns from 'express';",
        "import { Router, json as parseJson, 'quoted-name' as quoted } from 'express';",
        "import type { Request } from 'express';",
        "import './side-effect';",
        "const BASE = './users';",
        'const users = require(BASE);',
        "const { a, b: renamed, ...rest } = require('./pieces');",
        "const notRequired = load('./x');",
        'function inner() { const hidden = require("./hidden"); }',
      ].join('\n'),
    );
    expect([...importsOf(file)]).toEqual([
      ['express', { module: 'express', name: 'default' }],
      ['ns', { module: 'express', name: '*' }],
      ['Router', { module: 'express', name: 'Router' }],
      ['parseJson', { module: 'express', name: 'json' }],
      ['quoted', { module: 'express', name: 'quoted-name' }],
      ['Request', { module: 'express', name: 'Request' }],
      ['users', { module: './users', name: 'default' }],
      ['a', { module: './pieces', name: 'a' }],
      ['renamed', { module: './pieces', name: 'b' }],
      ['rest', { module: './pieces', name: 'rest' }],
    ]);
  });

  it('reads every form of export, ES and CommonJS, with the local name each exports', () => {
    const file = source(
      [
        'export const users = 1, [first] = [2];',
        'export function handler() {}',
        'export class Controller {}',
        'export enum Kind { A }',
        'const local = 3, other = 4;',
        'export { local as renamed, other };',
        "export { fromElsewhere } from './elsewhere';",
        "export * as all from './all';",
        'export default (router as unknown);',
        'exports.mounted = local;',
        'module.exports.alsoMounted = other;',
      ].join('\n'),
    );
    expect([...exportsOf(file)]).toEqual([
      ['users', 'users'],
      ['[first]', '[first]'],
      ['handler', 'handler'],
      ['Controller', 'Controller'],
      ['Kind', 'Kind'],
      ['renamed', 'local'],
      ['other', 'other'],
      ['default', 'router'],
      ['mounted', 'local'],
      ['alsoMounted', 'other'],
    ]);
    expect(exportsOf(source('export default function () {}\nmodule.exports = makeRouter();'))).toEqual(new Map([['default', 'default']]));
    expect(exportsOf(source('export default class Api {}'))).toEqual(new Map([['default', 'Api']]));
  });
});

describe('scopes of a route file', () => {
  const file = source(
    [
      "import { Router } from 'express';",
      'const router = Router();',
      'export function mount(...[app, prefix]: [unknown, string]) {',
      '  for (const path of ["/a", "/b"]) router.get(path, handler);',
      '  try { app.use(prefix, router); } catch (error) { log(error); }',
      '  const named = function again() { return again; };',
      '}',
      'function handler() {}',
    ].join('\n'),
  );
  const scopes = new Scopes(file);
  const ids = (name: string) => file.getDescendants().filter((n) => Node.isIdentifier(n) && n.getText() === name);
  const declared = (name: string, use = 1) => scopes.declarationOf(ids(name)[use]!);

  it('finds what each name refers to: variables, rest-tuple parameters, loop and catch variables, functions, imports', () => {
    expect(declared('router')).toMatchObject({ kind: 'variable', name: 'router' });
    expect(Node.isCallExpression((declared('router') as { init: Node }).init)).toBe(true);
    expect(declared('app')).toMatchObject({ kind: 'param', index: 0 });
    expect(declared('prefix')).toMatchObject({ kind: 'param', index: 1 });
    expect(declared('path')).toMatchObject({ kind: 'loop' });
    expect(declared('error')).toMatchObject({ kind: 'variable', name: 'error' });
    expect(declared('again')).toMatchObject({ kind: 'function', name: 'again' });
    expect(declared('handler', 0)).toMatchObject({ kind: 'function', name: 'handler' });
    expect(declared('Router')).toMatchObject({ kind: 'import', module: 'express', imported: 'Router' });
    expect(declared('log', 0)).toBeUndefined();
  });

  it('hands out the same wrappers each time, so that the uses of a declaration are found by identity', () => {
    const router = declared('router');
    expect(declared('router', 2)!.node).toBe(router!.node);
    expect(scopes.references(router!).map((id) => id.getParent()!.getText())).toEqual(['router.get', 'app.use(prefix, router)']);
  });
});
