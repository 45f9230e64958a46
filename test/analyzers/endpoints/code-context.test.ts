import { describe, expect, it } from 'vitest';
import { CodeReader } from '../../../src/analyzers/endpoints/routes/code-context.js';
import { memoryRelease } from '../../support/endpoints.js';

describe('the route reader', () => {
  const app = "import express from 'express';\nexport const app = express();\n";

  it('gives both sides of a file asked for at once, the same tree where the text is the same', async () => {
    const reader = new CodeReader(
      memoryRelease({ 'src/app.ts': app, 'src/b.ts': 'export const b = 1;\n' }, { 'src/app.ts': app, 'src/b.ts': 'export const b = 2;\n' }),
    );
    const [from, to] = await Promise.all([reader.source('from', 'src/app.ts'), reader.source('to', 'src/app.ts')]);
    expect(from?.getFullText()).toBe(app);
    expect(to).toBe(from);
    const [b1, b2] = await Promise.all([reader.source('to', 'src/b.ts'), reader.source('from', 'src/b.ts')]);
    expect([b1?.getFullText(), b2?.getFullText()]).toEqual(['export const b = 2;\n', 'export const b = 1;\n']);
  });
});
