import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { twoReleases, type FileMap } from '../../support/repo.js';

/** Categories and reasons the release's changed files get, by path. */
async function classify(to: FileMap, from: FileMap): Promise<Record<string, string[]>> {
  const repo = twoReleases(to, from);
  const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
  return Object.fromEntries(report.changes.map((c) => [c.path, c.categories]));
}

describe('style-only scripts: same syntax tree without layout and comments', () => {
  const before = [
    "import { a } from './a';",
    '',
    '// adds one',
    'export function add(x: number, y = 1) {',
    '  return (x + y) * a;',
    '}',
    'export const list = [1, 2, 3];',
    "export const name = 'shop';",
    '',
  ].join('\n');

  it.each([
    [
      'reformatted with double quotes, no semicolons and trailing commas',
      'import { a } from "./a"\nexport function add(\n  x: number,\n  y = 1,\n) {\n  return (x + y) * a\n}\nexport const list = [\n  1,\n  2,\n  3,\n]\nexport const name = "shop"\n',
    ],
    [
      'comments edited',
      "import { a } from './a';\n\n/** Adds y to x, then scales. */\nexport function add(x: number, y = 1) {\n  // scale\n  return (x + y) * a; // done\n}\nexport const list = [1, 2, 3];\nexport const name = 'shop';\n",
    ],
    [
      'redundant parentheses and stray semicolons',
      "import { a } from './a';;\nexport function add(x: number, y = (1)) {\n  return ((x + y)) * (a);\n};\nexport const list = [1, 2, 3];\nexport const name = ('shop');\n",
    ],
  ])('%s → style-only', async (_name, after) => {
    expect(await classify({ 'src/m.ts': before }, { 'src/m.ts': after })).toEqual({ 'src/m.ts': ['style-only'] });
  });

  it.each([
    ['a changed literal', before.replace("'shop'", "'store'")],
    ['const to let', before.replace('export const list', 'export let list')],
    ['a changed operator', before.replace('(x + y) * a', '(x - y) * a')],
    ['moved parentheses', before.replace('(x + y) * a', 'x + y * a')],
    ['reordered imports', before.replace("import { a } from './a';", "import { a, b } from './a';")],
    ['an optional chain', before.replace('* a;', '* a?.b;')],
  ])('%s → code-change', async (_name, after) => {
    expect(await classify({ 'src/m.ts': before }, { 'src/m.ts': after })).toEqual({ 'src/m.ts': ['code-change'] });
  });

  it('keeps an added or renamed script a code change even when its text is unchanged', async () => {
    const got = await classify({ 'src/old.ts': before }, { 'src/new.ts': before, 'src/extra.mjs': 'export default 1;\n' });
    expect(got).toEqual({ 'src/new.ts': ['code-change'], 'src/extra.mjs': ['code-change'] });
  });

  it('compares CommonJS and plain JavaScript the same way', async () => {
    const got = await classify(
      { 'lib/a.cjs': "module.exports = { x: 1, y: 'a' };\n", 'lib/b.js': 'const f = (a) => a + 1;\n' },
      { 'lib/a.cjs': 'module.exports = {\n  x: 1,\n  y: "a",\n}\n', 'lib/b.js': 'const f = (a) => a + 2;\n' },
    );
    expect(got).toEqual({ 'lib/a.cjs': ['style-only'], 'lib/b.js': ['code-change'] });
  });
});

describe('JSX markup only', () => {
  const card = [
    "import { useState } from 'react';",
    'export function Card({ user, onSave }: Props) {',
    '  const [open, setOpen] = useState(false);',
    '  return (',
    '    <div className="card">',
    '      <h2>Profile</h2>',
    '      <p style={{ color: "gray" }}>{user.name}</p>',
    '      <Button variant="primary" onClick={() => onSave(user)}>Save</Button>',
    '    </div>',
    '  );',
    '}',
    '',
  ].join('\n');

  it.each([
    ['changed static text', card.replace('<h2>Profile</h2>', '<h2>Your profile</h2>').replace('>Save<', '>Save changes<')],
    ['changed className and style values', card.replace('"card"', '"card card--wide"').replace('"gray"', '"#666", fontSize: 12')],
    ['a wrapper element around the content', card.replace('<h2>Profile</h2>', '<header className="head"><h2>Profile</h2></header>')],
    ['section instead of div', card.replace('<div className="card">', '<section className="card">').replace('</div>', '</section>')],
  ])('%s → style-only', async (_name, after) => {
    expect(await classify({ 'src/Card.tsx': card }, { 'src/Card.tsx': after })).toEqual({ 'src/Card.tsx': ['style-only'] });
  });

  it.each([
    ['a changed handler', card.replace('onSave(user)', 'onSave({ ...user })')],
    ['a changed component prop', card.replace('variant="primary"', 'variant="secondary"')],
    ['a changed hook', card.replace('useState(false)', 'useState(true)')],
    ['a changed expression', card.replace('{user.name}', '{user.fullName}')],
    ['a computed className', card.replace('className="card"', 'className={open ? "card open" : "card"}')],
    ['an added HTML handler', card.replace('<h2>Profile</h2>', '<h2 onClick={() => setOpen(true)}>Profile</h2>')],
  ])('%s → code-change', async (_name, after) => {
    expect(await classify({ 'src/Card.tsx': card }, { 'src/Card.tsx': after })).toEqual({ 'src/Card.tsx': ['code-change'] });
  });
});

describe('markup, templates, JSON and YAML', () => {
  it('tells markup from logic in HTML and templates', async () => {
    const got = await classify(
      {
        'web/a.html': '<main><h1>Shop</h1><button onclick="buy()">Buy</button></main>\n',
        'web/b.html': '<main><h1>Shop</h1><script>init();</script></main>\n',
        'views/c.hbs': '<ul>{{#each items}}<li>{{ name }}</li>{{/each}}</ul>\n',
        'views/d.njk': '{% if user %}<p>Hi {{ user.name }}</p>{% endif %}\n',
      },
      {
        'web/a.html': '<main class="wide">\n  <h1>Our shop</h1>\n  <!-- buy -->\n  <button onclick="buy()">Buy now</button>\n</main>\n',
        'web/b.html': '<main><h1>Shop</h1><script>init({ fast: true });</script></main>\n',
        'views/c.hbs': '<ol class="items">{{!-- list --}}{{#each items}}<li><b>{{name}}</b></li>{{/each}}</ol>\n',
        'views/d.njk': '{% if user and user.active %}<p>Hi {{ user.name }}</p>{% endif %}\n',
      },
    );
    expect(got).toEqual({
      'views/c.hbs': ['style-only'],
      'views/d.njk': ['code-change'],
      'web/a.html': ['style-only'],
      'web/b.html': ['code-change'],
    });
  });

  it('calls JSON and YAML style-only when the parsed value is the same, and data that parses code-change when no analyzer claims it', async () => {
    const got = await classify(
      { 'data/a.json': '{"b": 1, "a": [1, 2]}', 'data/b.yaml': 'a: 1\nb: [x, y]\n', 'data/c.json': '{"a": 1}' },
      { 'data/a.json': '{\n  "a": [1, 2],\n  "b": 1\n}\n', 'data/b.yaml': '# list\na: 1\nb:\n  - x\n  - "y"\n', 'data/c.json': '{"a": 2}' },
    );
    expect(got).toEqual({ 'data/a.json': ['style-only'], 'data/b.yaml': ['style-only'], 'data/c.json': ['code-change'] });
  });

  it('classifies editor and linter settings, docs, tests and assets as harmless', async () => {
    const got = await classify(
      {
        '.prettierrc': '{}',
        '.gitignore': 'dist\n',
        'docs/guide.txt': 'a',
        'test/a.test.ts': 'it("a", () => {});\n',
        'img/logo.png': Buffer.from([1]),
      },
      {
        '.prettierrc': '{"semi": false}',
        '.gitignore': 'dist\ncoverage\n',
        'docs/guide.txt': 'b',
        'test/a.test.ts': 'it("b", () => {});\n',
        'img/logo.png': Buffer.from([2]),
      },
    );
    expect(got).toEqual({
      '.gitignore': ['style-only'],
      '.prettierrc': ['style-only'],
      'docs/guide.txt': ['docs'],
      'img/logo.png': ['assets'],
      'test/a.test.ts': ['tests'],
    });
  });
});

describe('test suites in a package or folder of their own', () => {
  // logto keeps its API tests in packages/integration-tests: a client's `api.put('api/my-account/identities')` there
  // was read as a route the rollback stops serving.
  const client = (route: string) =>
    `import type { KyInstance } from 'ky';\n\nexport const replaceIdentity = async (api: KyInstance, target: string) =>\n  api.put('${route}', { json: { target } });\n`;

  it('are tests, and their HTTP clients are not endpoints', async () => {
    const repo = twoReleases(
      { 'package.json': '{"name":"app","private":true}\n', 'packages/integration-tests/src/api/account.ts': 'export {};\n' },
      {
        'package.json': '{"name":"app","private":true}\n',
        'packages/integration-tests/src/api/account.ts': client('api/my-account/identities'),
        'e2e-tests/api/account.ts': client('api/my-account/email'),
        'functional_tests/account.ts': client('api/my-account/phone'),
      },
    );
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
    expect(Object.fromEntries(report.changes.map((c) => [c.path, c.categories]))).toEqual({
      'e2e-tests/api/account.ts': ['tests'],
      'functional_tests/account.ts': ['tests'],
      'packages/integration-tests/src/api/account.ts': ['tests'],
    });
    expect(report.findings.filter((f) => f.category === 'endpoint-removal')).toEqual([]);
  });
});
