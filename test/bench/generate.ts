// Reproducible benchmark repositories, written with one `git fast-import` stream (fast even at 100,000 files).
// Content is realistic: TypeScript modules with exports and routes, SQL and TS migrations, OpenAPI specs, CSS, docs.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface BenchShape {
  /** Files the release changes (added or modified). */
  changed: number;
  /** Files present at both releases and untouched. */
  unchanged: number;
}

type Tree = Map<string, string>;

function tsModule(i: number, variant: number): string {
  const lines = [
    `import { helper } from '../common/helper';`,
    '',
    `export interface Thing${i} {`,
    '  id: number;',
    `  name${variant > 1 && i % 7 === 0 ? '?' : ''}: string;`,
    '}',
    '',
    `export function make${i}(id: number, name: string${variant > 1 && i % 11 === 0 ? ', tag?: string' : ''}): Thing${i} {`,
    `  return helper({ id, name });`,
    '}',
  ];
  if (i % 10 === 0)
    lines.push(
      '',
      `export function mount${i}(app: any) {`,
      `  app.get('/api/things${i}/:id', (req: any, res: any) => res.json(make${i}(1, 'x')));`,
      variant > 1 ? `  app.post('/api/things${i}', (req: any, res: any) => res.json({}));` : '',
      '}',
    );
  while (lines.length < 40) lines.push(`export const value${i}_${lines.length} = ${variant * 1000 + lines.length};`);
  return `${lines.join('\n')}\n`;
}

function sqlMigration(i: number): string {
  return i % 5 === 0
    ? `ALTER TABLE things${i} DROP COLUMN legacy;\n`
    : `CREATE TABLE things${i} (\n  id SERIAL PRIMARY KEY,\n  name TEXT NOT NULL\n);\nCREATE INDEX things${i}_name ON things${i} (name);\n`;
}

function tsMigration(i: number): string {
  return `import type { Knex } from 'knex';\n\nexport async function up(knex: Knex) {\n  await knex.schema.alterTable('things${i}', (t) => {\n    t.string('note').nullable();\n  });\n}\n\nexport async function down(knex: Knex) {\n  await knex.schema.alterTable('things${i}', (t) => t.dropColumn('note'));\n}\n`;
}

function openapi(paths: number, variant: number): string {
  const out = ['openapi: 3.0.3', 'info:', '  title: Bench API', `  version: ${variant}.0.0`, 'paths:'];
  for (let i = 0; i < paths; i++) {
    if (variant === 1 && i % 9 === 0) continue;
    out.push(
      `  /things${i}/{id}:`,
      '    get:',
      `      operationId: getThing${i}`,
      '      parameters:',
      '        - { name: id, in: path, required: true, schema: { type: integer } }',
      '      responses:',
      "        '200': { description: ok }",
    );
  }
  return `${out.join('\n')}\n`;
}

const css = (variant: number) => `.card {\n  padding: ${variant * 4}px;\n  color: #333;\n}\n`;
const doc = (i: number, variant: number) => `# Page ${i}\n\nRevision ${variant}.\n`;

/** The release's files at one side: a mix in fixed proportions, numbered so both sides line up. */
function releaseFiles(count: number, variant: number): Tree {
  const tree: Tree = new Map();
  for (let i = 0; i < count; i++) {
    const kind = i % 20;
    if (kind < 14) tree.set(`src/area${i % 25}/module${i}.ts`, tsModule(i, variant));
    else if (kind === 14) {
      if (variant > 1) tree.set(`migrations/${String(100000 + i)}_change_${i}.sql`, sqlMigration(i));
    } else if (kind === 15) {
      if (variant > 1) tree.set(`db/migrations/${String(200000 + i)}_note_${i}.ts`, tsMigration(i));
    } else if (kind === 16) tree.set(`public/styles/s${i}.css`, css(variant));
    else if (kind === 17 && i % 100 === 17) tree.set(`api/spec${i}.yaml`, openapi(30, variant));
    else tree.set(`docs/page${i}.md`, doc(i, variant));
  }
  return tree;
}

function unchangedFiles(count: number): Tree {
  const tree: Tree = new Map();
  for (let i = 0; i < count; i++) tree.set(`vendor/lib${i % 100}/file${i}.ts`, tsModule(1_000_000 + i, 1));
  return tree;
}

function commit(lines: string[], tree: Tree, tag: string, time: number, parent?: string): void {
  const message = `release ${tag}`;
  lines.push(
    'commit refs/heads/main',
    `mark :${time}`,
    `author Bench <bench@example.com> ${time} +0000`,
    `committer Bench <bench@example.com> ${time} +0000`,
    `data ${Buffer.byteLength(message)}`,
    message,
  );
  if (parent) lines.push(`from ${parent}`);
  for (const [path, content] of tree) lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(content)}`, content);
  lines.push('', `reset refs/tags/${tag}`, `from :${time}`, '');
}

/** Builds the repository at `dir` with tags v1 (target) and v2 (running release). */
export function generateBenchRepo(dir: string, shape: BenchShape): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const v1 = new Map([...unchangedFiles(shape.unchanged), ...releaseFiles(shape.changed, 1)]);
  const v2 = releaseFiles(shape.changed, 2);
  const lines: string[] = [];
  commit(lines, v1, 'v1', 1_700_000_000);
  commit(lines, v2, 'v2', 1_700_086_400, ':1700000000');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: lines.join('\n'), maxBuffer: 1 << 30 });
}
