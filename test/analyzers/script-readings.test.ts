// What the analyzers read of a changed script (their readers), and the syntax shapes the shortcuts rest on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangedScript } from '../../src/analyzers/analyzer.js';
import { configAnalyzer } from '../../src/analyzers/config/analyzer.js';
import { contractsAnalyzer } from '../../src/analyzers/contracts/analyzer.js';
import { filesAnalyzer } from '../../src/analyzers/files/analyzer.js';
import type { ChangedFile } from '../../src/model/report.js';
import { readModuleApi } from '../../src/parse/typescript/api.js';
import { sameContract } from '../../src/parse/typescript/same.js';
import { compareShapes, syntaxShape } from '../../src/parse/typescript/syntax.js';
import { parseScript, typescript } from '../../src/parse/typescript/compiler.js';
import { parseScriptFile } from '../../src/parse/typescript/parsed.js';

const ts = typescript();
const file = (path: string, status: ChangedFile['status']): ChangedFile => ({
  path,
  status,
  ...(status !== 'deleted' ? { fromBlob: 'a' } : {}),
  ...(status !== 'added' ? { toBlob: 'b' } : {}),
  binary: false,
  insertions: 1,
  deletions: 1,
});
/** A modified script: `before` at the target, `after` running. */
const change = (before: string, after: string, path = 'src/m.ts'): ChangedScript => ({
  file: file(path, 'modified'),
  from: parseScriptFile(path, after),
  to: parseScriptFile(path, before),
});
const contracts = (script: ChangedScript) => contractsAnalyzer.readScript!(script);
const files = (script: ChangedScript) => filesAnalyzer.readScript!(script);
const env = (script: ChangedScript) => configAnalyzer.readScript!(script);

const base = [
  "import { db } from './db';",
  'export interface User { id: number; email: string }',
  'export function find(id: number): User {',
  '  return db.get(id);',
  '}',
  'export const limit = 10;',
  'export const handler = (req: Request) => find(1);',
  'export class Repo { save(user: User): void { db.put(user); } }',
  '',
].join('\n');

describe('readings of a changed script', () => {
  it('finds the same contract when only bodies and plain values changed, and calls it code', () => {
    const after = base
      .replace('return db.get(id);', 'const user = db.get(id);\n  return user;')
      .replace('limit = 10', 'limit = 20')
      .replace('db.put(user);', 'db.upsert(user);');
    expect(contracts(change(base, after))).toEqual({ sameContract: true, sameShape: true });
    expect(files(change(base, after))).toEqual({});
  });

  it.each([
    ['a parameter made optional', base, base.replace('find(id: number)', 'find(id?: number)')],
    ['a property added', base, base.replace('; email: string', '; email: string; name: string')],
    ['an arrow function parameter typed differently', base, base.replace('(req: Request)', '(req: string)')],
    ['an export the rollback removes', base.replace('export const limit', 'const limit'), base],
    ['a class method signature changed', base, base.replace('save(user: User)', 'save(user: User, force: boolean)')],
    ['a re-export', base, `${base}export * from './more';\n`],
  ])("leaves the module to compare for %s, with both sides' APIs to follow", (_name, before, after) => {
    const script = change(before, after);
    const ts = typescript();
    expect(contracts(script)).toEqual({
      sameContract: false,
      apis: { from: readModuleApi(ts, script.from!.syntax!), to: readModuleApi(ts, script.to!.syntax!) },
    });
  });

  it('finds the same contract when the APIs compare equal though the contract shape differs', () => {
    // A type annotation's spelling changes the shape, not the normalised API.
    const script = change(
      base,
      base.replace('export const limit = 10;', 'export const limit = 10 as const;').replace('(req: Request)', '(req: (Request))'),
    );
    expect(compareShapes(ts, script.from!.syntax!, script.to!.syntax!).contract).toBe(false);
    expect(contracts(script)).toEqual({ sameContract: true });
  });

  it('calls a reformatted script style-only, and a JSX class change markup-only', () => {
    expect(files(change(base, base.replace(/;\n/g, '\n').replace(/'/g, '"')))).toEqual({ style: 'format' });
    const card = "export const Card = () => <div className='a'>{name}</div>;\n";
    expect(files(change(card, card.replace("'a'", "'b'"), 'src/card.tsx'))).toEqual({ style: 'markup' });
    expect(files(change(card, card.replace('{name}', '{title}'), 'src/card.tsx'))).toEqual({});
  });

  it('records the first syntax error with its line, and never calls a broken script style-only', () => {
    const script = change(base, base.replace('export const limit = 10;', 'export const limit = ;'));
    expect(script.from?.syntaxError).toMatchObject({ line: 6 });
    expect(script.to?.syntaxError).toBeUndefined();
    expect(files(script)).toEqual({ broken: { side: 'from', line: 6, message: expect.any(String) } });
  });

  it('lists environment reads at each side', () => {
    const reading = env(change('export const url = process.env.DB_URL;\n', "export const url = process.env['DATABASE_URL'];\n"));
    expect(reading?.from.map((r) => r.name)).toEqual(['DATABASE_URL']);
    expect(reading?.to.map((r) => r.name)).toEqual(['DB_URL']);
  });

  it('keeps nothing of the contract of a script present at one side only (read again if an entry reaches it)', () => {
    expect(contracts({ file: file('src/new.ts', 'added'), from: parseScriptFile('src/new.ts', base) })).toBeUndefined();
  });
});

// Soundness of the shortcut: when the contract shapes match, the exported APIs must compare equal.
const typeName = fc.constantFrom('number', 'string', 'User', 'string | null', 'Promise<void>');
const param = fc.record({ name: fc.constantFrom('a', 'b', 'id'), type: typeName, optional: fc.boolean() });
const declaration = fc.oneof(
  fc.record({
    kind: fc.constant('function'),
    name: fc.constantFrom('f', 'g'),
    params: fc.array(param, { maxLength: 3 }),
    returns: typeName,
    body: fc.constantFrom('return 1;', 'return a;', ''),
  }),
  fc.record({
    kind: fc.constant('const'),
    name: fc.constantFrom('x', 'y'),
    type: fc.option(typeName),
    value: fc.constantFrom('1', "'a'", '(a: number) => a', 'function (b?: string) { return b; }', '{ k: 1 }'),
  }),
  fc.record({ kind: fc.constant('interface'), name: fc.constantFrom('I', 'J'), fields: fc.array(param, { maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('class'),
    name: fc.constantFrom('C', 'D'),
    field: param,
    value: fc.constantFrom('1', '() => 2', '(n: number) => n'),
  }),
  fc.record({
    kind: fc.constant('enum'),
    name: fc.constantFrom('E'),
    members: fc.array(fc.constantFrom('A', 'B = 2', "C = 'c'"), { maxLength: 3 }),
  }),
);
type Decl = typeof declaration extends fc.Arbitrary<infer T> ? T : never;

function render(d: Decl, exported: boolean): string {
  const head = exported ? 'export ' : '';
  const params = (ps: { name: string; type: string; optional: boolean }[]) =>
    ps.map((p, i) => `${p.name}${i}${p.optional ? '?' : ''}: ${p.type}`).join(', ');
  switch (d.kind) {
    case 'function':
      return `${head}function ${d.name}(${params(d.params)}): ${d.returns} { ${d.body} }`;
    case 'const':
      return `${head}const ${d.name}${d.type ? `: ${d.type}` : ''} = ${d.value};`;
    case 'interface':
      return `${head}interface ${d.name} { ${params(d.fields).replace(/, /g, '; ')} }`;
    case 'class':
      return `${head}class ${d.name} { ${d.field.name}${d.field.optional ? '?' : ''}: ${d.field.type}; m = ${d.value}; }`;
    case 'enum':
      return `${head}enum ${d.name} { ${d.members.join(', ')} }`;
  }
}

const moduleText = fc.array(fc.tuple(declaration, fc.boolean()), { maxLength: 5 }).map((ds) => ds.map(([d, e]) => render(d, e)).join('\n'));

describe('contract shape', () => {
  it('implies equal APIs (property: never skips a module whose exports differ)', () => {
    fc.assert(
      fc.property(moduleText, moduleText, (a, b) => {
        const ta = parseScript(ts, 'a.ts', a);
        const tb = parseScript(ts, 'a.ts', b);
        if (compareShapes(ts, ta, tb).contract) expect(sameContract(readModuleApi(ts, ta), readModuleApi(ts, tb))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('matches for the same module with other bodies and values, so the shortcut is taken', () => {
    fc.assert(
      fc.property(moduleText, (a) => {
        const b = a.replace(/return [^;]*;/g, 'return 0;').replace(/= 1;/g, '= 2;');
        expect(compareShapes(ts, parseScript(ts, 'a.ts', a), parseScript(ts, 'a.ts', b)).contract).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is the format shape without bodies and plain values', () => {
    const tree = parseScript(ts, 'a.ts', 'export function f(a: number) { return a + 1; }\nexport const x = 5;\n');
    const format = syntaxShape(ts, tree, 'format');
    const contract = syntaxShape(ts, tree, 'contract');
    expect(contract.length).toBeGreaterThan(0);
    expect(contract.length).toBeLessThan(format.length);
    expect(contract).not.toContain('5');
  });
});

describe('format shape (style-only scripts)', () => {
  const printer = ts.createPrinter({ removeComments: true });
  /** The same module written out again by TypeScript's printer: other layout, other quotes' spacing, no comments. */
  const reprinted = (text: string) => printer.printFile(parseScript(ts, 'a.ts', `// header\n${text}`));

  it('is the same after any reformatting (property)', () => {
    fc.assert(
      fc.property(moduleText, (a) => {
        expect(compareShapes(ts, parseScript(ts, 'a.ts', a), parseScript(ts, 'a.ts', reprinted(a))).format).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('differs when any literal, name or operator differs (property)', () => {
    fc.assert(
      fc.property(
        moduleText.filter((t) => /= 1;|return a;|\?:/.test(t)),
        (a) => {
          const b = a.includes('= 1;')
            ? a.replace('= 1;', '= 2;')
            : a.includes('return a;')
              ? a.replace('return a;', 'return -a;')
              : a.replace('?:', ':');
          const same = compareShapes(ts, parseScript(ts, 'a.ts', a), parseScript(ts, 'a.ts', b));
          expect(same.format).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
