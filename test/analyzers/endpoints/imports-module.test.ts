// Whether a file imports a module, read on TypeScript's own tree, agrees with the import bindings ts-morph reads.
import { describe, expect, it } from 'vitest';
import { parseScriptFile } from '../../../src/parse/typescript/parsed.js';
import { importedModules, importsModule } from '../../../src/analyzers/endpoints/routes/static.js';

const NEST = '@nestjs/common';

const files: Record<string, string> = {
  named: "import { Controller, Get } from '@nestjs/common';\n",
  typeOnly: "import type { Type } from '@nestjs/common';\n",
  defaultImport: "import nest from '@nestjs/common';\n",
  namespace: "import * as nest from '@nestjs/common';\n",
  defaultAndNamed: "import nest, { Get } from '@nestjs/common';\n",
  sideEffectOnly: "import '@nestjs/common';\n",
  emptyBraces: "import {} from '@nestjs/common';\n",
  escaped: "import { Get } from '\\u0040nestjs/common';\n",
  otherModule: "import { Controller } from '@nestjs/core';\nimport express from 'express';\n",
  requireWhole: "const nest = require('@nestjs/common');\n",
  requireBinding: "const { Controller } = require('@nestjs/common');\n",
  requireConstant: "const NAME = '@nestjs/common';\nconst { Get } = require(NAME);\n",
  requireOther: "const express = require('express');\n",
  inFunction: "export function load() {\n  const { Get } = require('@nestjs/common');\n  return Get;\n}\n",
  nothing: 'export const price = (cents: number) => cents / 100;\n',
};

describe('importsModule', () => {
  it.each(Object.entries(files))('agrees with the import bindings of the file (%s)', (_, text) => {
    const source = parseScriptFile('src/app.controller.ts', text).morph()!;
    expect(importsModule(source, NEST)).toBe(importedModules(source).has(NEST));
  });

  it('finds the module however a binding is imported, and only then', () => {
    const imports = (text: string) => importsModule(parseScriptFile('src/app.controller.ts', text).morph()!, NEST);
    for (const name of [
      'named',
      'typeOnly',
      'defaultImport',
      'namespace',
      'defaultAndNamed',
      'escaped',
      'requireWhole',
      'requireBinding',
      'requireConstant',
    ])
      expect([name, imports(files[name]!)]).toEqual([name, true]);
    for (const name of ['sideEffectOnly', 'emptyBraces', 'otherModule', 'requireOther', 'inFunction', 'nothing'])
      expect([name, imports(files[name]!)]).toEqual([name, false]);
  });
});
