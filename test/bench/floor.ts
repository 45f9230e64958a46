// The floor: the least any analysis that understands TypeScript must do. In one process: the blob ids of the
// changed files, one `git cat-file --batch` for all of them, then TypeScript's createSourceFile on every TS/JS
// blob and the SQL parser on every .sql blob. Prints the elapsed milliseconds as JSON.
// With --code-cache, both parsers are compiled from V8's code cache as the CLI compiles them (src/util/code-cache.ts,
// in the folder ROLLBACK_READY_CACHE names): the floor of a run after the first, for a fair comparison.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

// Both parsers are loaded with require, the fastest way (as the tool loads them): importing a CommonJS bundle
// as ESM first lexes all of it for named exports, which would inflate the floor.
const require = createRequire(import.meta.url);

const codeCache = process.argv.includes('--code-cache');
const [repo = '.', from = 'v2', to = 'v1'] = process.argv.slice(2).filter((a) => a !== '--code-cache');
// Imported only then: the plain floor loads nothing it does not need.
const cached = codeCache ? await import('../../src/util/code-cache.js') : undefined;
cached?.enableCodeCache();
const load = (name: string): unknown => (cached ? cached.requireCached(require.resolve(name)).exports : require(name));
const start = performance.now();

const raw = execFileSync('git', ['-C', repo, 'diff', '--raw', '-z', '--no-abbrev', '--find-renames', to, from], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const tokens = raw.split('\0');
const wanted: { id: string; path: string }[] = [];
for (let i = 0; i < tokens.length; i++) {
  const t = tokens[i]!;
  if (!t.startsWith(':')) continue;
  const [, , a, b, status] = t.slice(1).split(' ');
  const two = status!.startsWith('R') || status!.startsWith('C');
  const path = tokens[two ? i + 2 : i + 1]!;
  i += two ? 2 : 1;
  for (const id of [a!, b!]) if (!/^0+$/.test(id)) wanted.push({ id, path });
}

const blobs: Buffer[] = await new Promise((resolve, reject) => {
  const proc = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (c: Buffer) => chunks.push(c));
  proc.on('error', reject);
  proc.on('close', () => {
    const all = Buffer.concat(chunks);
    const out: Buffer[] = [];
    let at = 0;
    while (at < all.length) {
      const eol = all.indexOf(10, at);
      const size = Number(all.subarray(at, eol).toString().split(' ')[2]);
      out.push(all.subarray(eol + 1, eol + 1 + size));
      at = eol + 1 + size + 1;
    }
    resolve(out);
  });
  proc.stdin.end(wanted.map((w) => w.id).join('\n') + '\n');
});

const scripts = wanted.map((w, i) => ({ ...w, data: blobs[i]! })).filter((w) => /\.[cm]?[jt]sx?$/.test(w.path));
const sql = wanted.map((w, i) => ({ ...w, data: blobs[i]! })).filter((w) => w.path.endsWith('.sql'));
const ts = load('typescript') as typeof import('typescript');
for (const s of scripts) ts.createSourceFile(s.path, s.data.toString('utf8'), ts.ScriptTarget.Latest, true);
if (sql.length > 0) {
  const { Parser } = load('node-sql-parser') as { Parser: new () => { astify(sql: string, opt: object): unknown } };
  const parser = new Parser();
  for (const s of sql) {
    try {
      parser.astify(s.data.toString('utf8'), { database: 'postgresql' });
    } catch {
      // the floor only pays for the attempt
    }
  }
}
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(performance.now() - start), blobs: blobs.length, parsedScripts: scripts.length, parsedSql: sql.length })}\n`,
);
