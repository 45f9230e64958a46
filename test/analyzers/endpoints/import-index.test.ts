import { afterAll, describe, expect, it } from 'vitest';
import { ImportIndex, type SpecifiersByLine } from '../../../src/analyzers/endpoints/routes/imports.js';
import { IMPORT_LINES } from '../../../src/analyzers/greps.js';
import { BlobStore } from '../../../src/git/blobs.js';
import { releaseGrep } from '../../../src/git/grep.js';
import { resolveCommit } from '../../../src/git/refs.js';
import { openRepo } from '../../../src/git/repo.js';
import { TreeIndexes } from '../../../src/git/tree-index.js';
import { twoReleases } from '../../support/repo.js';

const app = (extra: string) => ({
  'src/app.ts': `import express from 'express';\nimport users from './routes/users';\n${extra}`,
  'src/routes/users.ts': "import { Router } from 'express';\nimport { db } from '../db';\nexport default Router();\n",
  'src/routes/index.ts': "export { default as users } from './users';\n",
  'src/db.ts': "const pg = require('pg');\nexport const db = pg;\n",
});

describe('the import index of both sides', () => {
  const dir = twoReleases(app(''), app("import reports from './routes/reports';\n"));
  const stores: BlobStore[] = [];
  afterAll(() => stores.forEach((s) => s.close()));

  it("reads the target's lines of the scripts the release did not change from the running release's index", async () => {
    const repo = await openRepo(dir);
    const [from, to] = [await resolveCommit(repo, 'v2', '--from'), await resolveCommit(repo, 'v1', '--to')];
    const store = new BlobStore(repo, 1_000_000);
    stores.push(store);
    const grep = releaseGrep(repo, store, new TreeIndexes(repo), (side) => (side === 'from' ? from : to), IMPORT_LINES);
    const [fromHits, toHits] = [await grep('from', IMPORT_LINES), await grep('to', IMPORT_LINES)];
    const lines: SpecifiersByLine = new Map();
    new ImportIndex(fromHits, lines);
    const read = lines.size;
    const target = new ImportIndex(toHits, lines);
    // Only src/app.ts differs: its two import lines at `to` are the lines read for the target.
    expect(read).toBe(fromHits.length);
    expect(lines.size - read).toBe(toHits.filter((h) => h.path === 'src/app.ts').length);
    expect(lines.size - read).toBe(2);
    // The same index as one built on its own.
    const alone = new ImportIndex(toHits);
    for (const file of ['src/routes/users.ts', 'src/db.ts', 'src/routes/reports.ts', 'src/routes/index.ts'])
      expect(target.candidates(file), file).toEqual(alone.candidates(file));
    expect(target.candidates('src/routes/users.ts').map((c) => c.path)).toEqual(['src/app.ts', 'src/routes/index.ts']);
    expect(target.candidates('src/db.ts')).toEqual([{ path: 'src/routes/users.ts', specifier: '../db' }]);
  });
});
