import { describe, expect, it } from 'vitest';
import { reexportSpecifiers } from '../../../src/analyzers/contracts/scan.js';
import { typescript } from '../../../src/parse/typescript/compiler.js';

describe('re-export specifiers of an unchanged module', () => {
  const ts = typescript();
  // Each form an `export` may take before what it re-exports; a module that only declares exports is not scanned,
  // so each form that can re-export must still be found, however it is spaced, commented or escaped.
  const cases: [string, string, string[]][] = [
    ['export *', "export * from './a';", ['./a']],
    ['export * as', "export * as ns from './n';", ['./n']],
    ['a block comment before *', "export/**/* from './a';", ['./a']],
    ['a line comment before *', "export //x\n* from './a';", ['./a']],
    ['a tab before {', "export\t{ a } from './b';", ['./b']],
    ['export type{} with no spaces', "export type{A}from'./c';", ['./c']],
    ['export default of an imported name', "import x from './x';\nexport default x;", ['./x']],
    ['export = with imports', "import y = require('./y');\nimport z from './z';\nexport = z;", ['./y', './z']],
    ['a local export list', "import { a } from './a';\nexport { a };", ['./a']],
    ['export spelled with a Unicode escape', "\\u0065xport * from './d';", ['./d']],
    ['declarations only', "import { a } from './a';\nexport const b = a;\nexport function f() {}", []],
    ['export default function', "import x from './x';\nexport default function f() { return x; }", []],
    ['a re-export inside a string', 'const s = \'export * from "./fake"\';\nexport const x = 1;', []],
    ['an identifier ending in export', "const _export = 1;\nimport q from './q';", []],
  ];
  for (const [name, text, expected] of cases)
    it(`finds ${name}`, () => {
      expect(reexportSpecifiers(ts, text)).toEqual(expected);
    });
});
