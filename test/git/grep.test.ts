import { afterAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/git/blobs.js';
import { gitGrep, releaseGrep, scanTree } from '../../src/git/grep.js';
import { resolveCommit } from '../../src/git/refs.js';
import { openRepo } from '../../src/git/repo.js';
import { TreeIndexes } from '../../src/git/tree-index.js';
import { countGitProcesses } from '../../src/testing/git-count.js';
import { twoReleases } from '../support/repo.js';

// Scripts with what a grep must get right: line numbers, a last line without a line break, CRLF, a byte-order
// mark, bytes that are not UTF-8, a line over the length limit, a NUL byte (binary), a symlink, nested folders,
// a folder whose name is a prefix of another's, and files that are not scripts.
const long = `const route = '/api/items'; // ${'x'.repeat(2100)}\n`;
const release = (tag: string) => ({
  'src/a.ts': `import { x } from './b';\nexport const route = '/api/items';\nrouter.get('/api/items', h); // ${tag}\n`,
  'src/b.tsx': "const y = require('./c');\nconst z = import('./d')",
  'src/crlf.js': "import a from 'a';\r\nconst p = '/api/items';\r\n",
  'src/bom.mjs': "\uFEFFimport b from 'b';\n",
  'src/latin.cjs': Buffer.concat([Buffer.from("const s = '/api/items \u00e9"), Buffer.from([0xe9, 0xff]), Buffer.from("';\n")]),
  'src/long.ts': long + "import c from 'c';\n",
  'src/nul.ts': Buffer.concat([Buffer.from("import d from 'd';\n"), Buffer.from([0]), Buffer.from('\n')]),
  'src/link.ts': { symlink: 'a.ts' },
  'src/api/routes.ts': `export const r = ['/api/items', "/api/items/:id"];\n`,
  'src/apiary/z.ts': "import z from 'z';\n",
  'src/deep/er/m.mts': "import m from 'm';\n",
  'c.cts': "const c = require('c');\n",
  'src/view.jsx': "import v from 'v';\n",
  'docs/api.md': "import x from '/api/items';\n",
  'package.json': '{ "name": "from \'pkg\'" }\n',
});

describe('grep of a release', () => {
  const dir = twoReleases(
    { ...release('v1'), 'src/old.ts': "import o from 'o';\n" },
    { ...release('v2'), 'src/new.ts': "import n from 'n';\n" },
  );
  const blobs: BlobStore[] = [];
  afterAll(() => blobs.forEach((b) => b.close()));

  async function open() {
    const repo = await openRepo(dir);
    const from = await resolveCommit(repo, 'v2', '--from');
    const to = await resolveCommit(repo, 'v1', '--to');
    const store = new BlobStore(repo, 1000);
    blobs.push(store);
    return { repo, from, to, store, trees: new TreeIndexes(repo) };
  }

  const questions: [patterns: string[], paths: string[]][] = [
    [["from '", 'from "', 'require(', 'import(', "import '", 'import "'], []],
    [["'/api/items", '"/api/items', '/items'], []],
    [['/api/items'], ['src/api/']],
    [['import'], ['src/api', 'src/b.tsx']],
    [['€ nowhere'], []],
    [['\u00e9'], []],
    [['x\ny'], []],
    // Several needles on one line, a needle twice on a line, at the start of a file, on a last line with no break.
    [["'", 'import', 'const'], []],
    [['i'], ['src/b.tsx', 'src/a.ts']],
    // Strings that mean something in a regular expression are plain strings here.
    [["('./", '[', '$', '.*', '\\'], []],
  ];

  it('finds in memory exactly what git grep finds: paths, line numbers and texts', async () => {
    const { repo, from, trees, store } = await open();
    const tree = await trees.of(from);
    for (const [patterns, paths] of questions) {
      const byGit = await gitGrep(repo, from, patterns, paths);
      const inMemory = await scanTree(tree, (id) => store.readBytes(id), patterns, paths);
      expect(inMemory, JSON.stringify(patterns)).toEqual(byGit);
    }
    // The cases above are not vacuous: lines are found, long, binary and non-script files are not.
    const imports = await scanTree(tree, (id) => store.readBytes(id), questions[0]![0], []);
    expect(imports.map((h) => `${h.path}:${h.line}`)).toEqual([
      'c.cts:1',
      'src/a.ts:1',
      'src/apiary/z.ts:1',
      'src/b.tsx:1',
      'src/b.tsx:2',
      'src/bom.mjs:1',
      'src/crlf.js:1',
      'src/deep/er/m.mts:1',
      'src/long.ts:2',
      'src/new.ts:1',
      'src/view.jsx:1',
    ]);
    expect(imports.find((h) => h.path === 'src/crlf.js')!.text).toBe("import a from 'a';\r");
  });

  it("answers every question of both sides with one git grep, the target's from the running release's", async () => {
    await counting(async (counter) => {
      const { repo, from, to, store, trees } = await open();
      const shaOf = (side: 'from' | 'to') => (side === 'from' ? from : to);
      const known = [...questions[0]![0], 'router.get'];
      counter.reset();
      const grep = releaseGrep(repo, store, trees, shaOf, known);
      const routes = await grep('from', ['router.get']);
      const importsTo = await grep('to', ["from '", 'import(']);
      const importsUnder = await grep('from', ["from '"], ['src/a.ts']);
      const asked = await grep('to', ["'/api/items"], ['src/']);
      // The known strings grepped in the running release's tree; the target's hits follow from them and from its
      // changed scripts, read in memory as the question of other strings was.
      expect(counter.count().byCommand).toEqual({ 'cat-file': 1, grep: 1, 'ls-tree': 2 });
      expect(routes).toEqual(await gitGrep(repo, from, ['router.get']));
      expect(importsTo).toEqual(await gitGrep(repo, to, ["from '", 'import(']));
      expect(importsUnder).toEqual(await gitGrep(repo, from, ["from '"], ['src/a.ts']));
      expect(asked).toEqual(await gitGrep(repo, to, ["'/api/items"], ['src/']));
      expect(routes.map((h) => h.text)).toEqual(["router.get('/api/items', h); // v2"]);
      expect(importsUnder.map((h) => h.path)).toEqual(['src/a.ts']);
      expect(importsTo.some((h) => h.path === 'src/new.ts')).toBe(false);
      expect(importsTo.some((h) => h.path === 'src/old.ts')).toBe(true);
      expect(asked.length).toBeGreaterThan(2);
    });
  });

  it('sends one question of other strings in a tree of very many scripts to git grep, and no more than one', async () => {
    await counting(async (counter) => {
      const { repo, from, to, store, trees } = await open();
      const shaOf = (side: 'from' | 'to') => (side === 'from' ? from : to);
      const read = readsOf(store);
      // Every tree counts as very large here: one script is enough.
      const grep = releaseGrep(repo, store, trees, shaOf, questions[0]![0], { largeTree: 1 });
      counter.reset();
      const [first, second] = [questions[1]!, questions[2]!];
      const firstTo = await grep('to', ...first);
      expect(counter.count().byCommand.grep).toBe(1);
      expect(read).toEqual([]);
      // The next question is answered in memory, reading the scripts: a second grep would grow with the questions.
      counter.reset();
      const secondTo = await grep('to', ...second);
      expect(read.length).toBeGreaterThan(0);
      // The other side of the first question follows from it and the scripts that differ.
      const firstFrom = await grep('from', ...first);
      expect(counter.count().byCommand.grep ?? 0).toBe(0);
      expect(firstTo).toEqual(await gitGrep(repo, to, ...first));
      expect(secondTo).toEqual(await gitGrep(repo, to, ...second));
      expect(firstFrom).toEqual(await gitGrep(repo, from, ...first));
      expect(firstTo.length).toBeGreaterThan(0);
    });
  });

  it('answers a question of other strings at the second side from the first side and the scripts that differ', async () => {
    const { repo, from, to, store, trees } = await open();
    const shaOf = (side: 'from' | 'to') => (side === 'from' ? from : to);
    const read = readsOf(store);
    const grep = releaseGrep(repo, store, trees, shaOf, questions[0]![0]);
    const [fromTree, toTree] = [await trees.of(from), await trees.of(to)];
    for (const [patterns, paths] of questions.slice(1)) {
      read.length = 0;
      expect(await grep('from', patterns, paths), JSON.stringify(patterns)).toEqual(await gitGrep(repo, from, patterns, paths));
      const scripts = read.length;
      read.length = 0;
      expect(await grep('to', patterns, paths), JSON.stringify(patterns)).toEqual(await gitGrep(repo, to, patterns, paths));
      // Read at `to`: the scripts whose blob differs from the one at `from` (src/a.ts, src/old.ts), under `paths`.
      const differ = read.map((id) => toTree.under('').find((p) => toTree.entry(p)!.id === id)!);
      expect(differ.every((p) => fromTree.entry(p)?.id !== toTree.entry(p)!.id)).toBe(true);
      if (paths.length === 0) expect(differ.sort(), JSON.stringify(patterns)).toEqual(['src/a.ts', 'src/old.ts']);
      expect(scripts).toBeGreaterThan(read.length);
    }
  });
});

/** Runs `body` with the git processes it starts counted (a `git` first on the PATH). */
async function counting(body: (counter: ReturnType<typeof countGitProcesses>) => Promise<void>): Promise<void> {
  const counter = countGitProcesses();
  const path = process.env.PATH;
  process.env.PATH = counter.env.PATH;
  try {
    await body(counter);
  } finally {
    process.env.PATH = path;
    counter.close();
  }
}

/** The blob ids `store` is asked for the bytes of, from now on, in order. */
function readsOf(store: BlobStore): string[] {
  const read: string[] = [];
  const readBytes = store.readBytes.bind(store);
  store.readBytes = (id) => {
    read.push(id);
    return readBytes(id);
  };
  return read;
}
