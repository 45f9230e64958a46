import { typescript } from '../../parse/typescript/compiler.js';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { isDoc, isTest } from '../../parse/kinds.js';
import { detectDialect, prismaProvider } from '../../parse/sql/dialect.js';
import { ADDITIVE, DROPS_DATA, describeOp, type SqlDialect } from '../../model/sql.js';
import { loadSqlParser } from '../../parse/sql/parsed.js';
import { suppressionsIn } from '../../parse/sql/split.js';
import type { ChangedFile } from '../../model/report.js';
import type { Config } from '../../config/schema.js';
import { coupledChanges, type SourceText } from './coupling.js';
import { FRAMEWORK_COMMANDS, compareIds, isDbmate, migrationMatcher, scriptFramework, type MigrationPath } from './discover.js';
import type { Framework, MigrationFileFact, MigrationOpFact } from '../../model/facts/migrations.js';
import { applyNetEffect } from './net.js';
import { dbmateSections, readSql, type ReadResult } from './read-sql.js';
import { readScriptMigration } from './read-script.js';

const SOURCE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|cs|php|ex|exs|rs|swift|graphql|gql|prisma|vue|svelte)$/i;

interface Candidate {
  file: ChangedFile;
  id: MigrationPath;
  text: string;
  status: 'added' | 'edited';
}

const matchers = new WeakMap<Config, ReturnType<typeof migrationMatcher>>();

/** The migration matcher of a configuration, made once. */
function matcherFor(config: Config): ReturnType<typeof migrationMatcher> {
  let match = matchers.get(config);
  if (!match) matchers.set(config, (match = migrationMatcher({ discover: config.migrations.discover, paths: config.migrations.paths })));
  return match;
}

/**
 * Finds the migrations the release added or edited, reads what each does (SQL through
 * node-sql-parser and a token fallback, TS/JS migrations through their syntax tree), works
 * out the net effect in run order, and links them to changed source files that use the same names.
 */
export const migrationsAnalyzer: Analyzer = {
  name: 'migrations',
  // The TS/JS migrations the release adds or edits: their trees are read below (syntaxTree).
  readsTreeOf: (file, config) => file.fromBlob !== undefined && matcherFor(config)(file.path)?.language === 'script',
  async analyze(release: Release): Promise<Fact[]> {
    const settings = release.config.migrations;
    const match = matcherFor(release.config);
    const facts: Fact[] = [];
    const migrationPaths = new Set<string>();
    const candidates: Candidate[] = [];
    const deletedById = new Map<string, { file: ChangedFile; text: string }>();

    for (const file of release.files) {
      if (file.toBlob && !file.fromBlob) {
        const id = match(file.path);
        const text = release.content(file, 'to').text;
        if (id && text !== undefined) deletedById.set(id.id, { file, text });
      }
    }
    for (const file of release.files) {
      if (/(?:^|\/)migration_lock\.toml$/.test(file.path) && settings.discover) {
        facts.push({ kind: 'file.classified', path: file.path, category: 'migration', reason: 'Prisma migration lock (the database provider)' });
        continue;
      }
      const id = file.fromBlob ? match(file.path) : file.toBlob ? match(pathAt(file, 'to')) : undefined;
      if (!id) continue;
      const from = release.content(file, 'from');
      const to = release.content(file, 'to');
      if (id.language === 'script' && from.text !== undefined && !scriptFramework(from.text)) continue;
      migrationPaths.add(file.path);
      if (from.unreadable && file.fromBlob) continue; // the files analyzer reports what cannot be read
      facts.push({ kind: 'file.classified', path: file.path, category: 'migration', reason: `${id.framework ?? 'migration'} ${id.role === 'down' ? 'down migration' : 'migration'} ${id.id}` });
      if (!file.fromBlob || from.text === undefined || id.role === 'down') continue;
      let status: Candidate['status'] | undefined;
      if (file.status === 'added' || file.status === 'copied') {
        const moved = deletedById.get(id.id);
        status = moved ? (normalise(moved.text) === normalise(from.text) ? undefined : 'edited') : 'added';
      } else if (to.text !== undefined && normalise(to.text) !== normalise(from.text)) status = 'edited';
      if (status) candidates.push({ file, id, text: from.text, status });
    }
    if (candidates.length === 0) return facts;

    const parser = await loadSqlParser().catch(() => undefined);
    const prismaDialect = await prismaLock(release, candidates);
    const listings = new Map<string, Promise<string[]>>();
    const list = (dir: string) => {
      let found = listings.get(dir);
      if (!found) listings.set(dir, (found = release.listFiles('from', dir)));
      return found;
    };

    candidates.sort((a, b) => compareIds(a.id.id, b.id.id) || (a.file.path < b.file.path ? -1 : 1));
    const ops: MigrationOpFact[] = [];
    const files: MigrationFileFact[] = [];
    let parsed = 0;
    let fallback = 0;
    let order = 0;
    for (const candidate of candidates) {
      const { file, id, text } = candidate;
      const framework: Framework = id.language === 'script' ? scriptFramework(text)! : isDbmate(text) ? 'dbmate' : id.framework ?? 'sql';
      const dialect: SqlDialect = settings.dialect ?? (framework === 'prisma' ? prismaDialect : undefined) ?? detectDialect(text);
      for (const s of suppressionsIn(text, id.language === 'script' ? '//' : '--')) facts.push({ kind: 'suppression', path: file.path, ...s });

      if (candidate.status === 'edited') {
        const before = release.content(file, 'to').text ?? deletedById.get(id.id)?.text ?? '';
        const change = firstDifference(before, text);
        facts.push({ kind: 'migration.edited', path: file.path, line: change.line, migration: id.id, framework, change: change.text });
        continue;
      }

      let up: ReadResult;
      let down: (ReadResult & { path: string; line: number }) | undefined;
      let emptyDown = false;
      if (id.language === 'script') {
        // A raw syntax tree (ts-morph would cost more), which the digest of this script then reuses.
        const read = readScriptMigration(typescript(), release.syntaxTree(file, 'from')!, dialect, parser);
        up = read.up;
        if (read.upUnknown) up.unreadable.push({ line: 1, statement: file.path, reason: `no ${framework} schema operation recognised in up()` });
        if (read.down && !read.down.empty) down = { ...read.down, path: file.path };
        emptyDown = read.down?.empty ?? false;
      } else if (framework === 'dbmate') {
        const sections = dbmateSections(text);
        up = readSql(sections.up.text, sections.up.line, dialect, parser);
        if (sections.down && sections.down.text.trim() !== '') down = { ...readSql(sections.down.text, sections.down.line, dialect, parser), path: file.path, line: sections.down.line };
      } else {
        up = readSql(text, 1, dialect, parser);
        const downPath = await downScriptOf(file.path, id, framework, list);
        if (downPath) {
          const content = await release.readPath('from', downPath);
          if (content.text !== undefined && content.text.trim() !== '') down = { ...readSql(content.text, 1, dialect, parser), path: downPath, line: 1 };
        }
      }
      parsed += up.parsed + (down?.parsed ?? 0);
      fallback += up.fallback + (down?.fallback ?? 0);
      for (const u of [...up.unreadable, ...(down?.path === file.path ? down.unreadable : [])]) {
        facts.push({ kind: 'file.unreadable', path: file.path, line: u.line, side: 'from', reason: `${u.reason} in migration ${id.id}`, evidence: u.statement });
      }
      for (const r of up.ops) {
        ops.push({ kind: 'migration.op', path: file.path, line: r.line, migration: id.id, framework, op: r.op, statement: r.statement, via: r.via, newObject: false });
      }
      const commands = FRAMEWORK_COMMANDS[framework];
      const fileFact: MigrationFileFact = { kind: 'migration.file', path: file.path, migration: id.id, framework, dialect, status: 'added', order: order++, risky: false };
      if (down) {
        fileFact.down = {
          path: down.path,
          line: down.line,
          drops: down.ops.filter((r) => DROPS_DATA.has(r.op.action) && !(r.op.action === 'delete' && r.op.where)).map((r) => ({ what: describeOp(r.op), line: r.line })),
        };
        if (commands.command) fileFact.command = framework === 'sql' ? `run ${down.path} by hand` : commands.command;
      } else fileFact.noDown = emptyDown ? `its down function does nothing` : commands.noDown;
      files.push(fileFact);
    }

    applyNetEffect(ops);
    // A file is risky when one of its operations, after the net effect, is: each file's operations looked up once.
    const riskyPaths = new Set<string>();
    for (const o of ops) {
      if (o.newObject) continue;
      const guarded = (o.op.action === 'delete' || o.op.action === 'update') && o.op.where;
      const requiredColumn = o.op.action === 'add-column' && o.op.notNull && !o.op.hasDefault;
      if ((!ADDITIVE.has(o.op.action) && !guarded) || requiredColumn) riskyPaths.add(o.path);
    }
    for (const f of files) f.risky = riskyPaths.has(f.path);

    const sources: SourceText[] = [];
    for (const file of release.files) {
      if (migrationPaths.has(file.path) || !file.toBlob || isTest(file.path) || isDoc(file.path)) continue;
      const path = pathAt(file, 'to');
      if (!SOURCE.test(path)) continue;
      const text = release.content(file, 'to').text;
      if (text !== undefined) sources.push({ path, text });
    }

    facts.push(...files, ...ops, ...coupledChanges(ops, sources));
    facts.push({ kind: 'stat', path: '.', name: 'migrations', value: candidates.length });
    facts.push({ kind: 'stat', path: '.', name: 'sqlParsed', value: parsed });
    facts.push({ kind: 'stat', path: '.', name: 'sqlFallback', value: fallback });
    return facts;
  },
};

const normalise = (text: string) => text.replace(/\r\n/g, '\n').trimEnd();

function firstDifference(before: string, after: string): { line: number; text: string } {
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== b[i]) return { line: i + 1, text: b[i]!.trim().slice(0, 160) };
  }
  return { line: Math.max(1, b.length), text: '(lines removed at the end)' };
}

async function prismaLock(release: Release, candidates: Candidate[]): Promise<SqlDialect | undefined> {
  const prisma = candidates.find((c) => c.id.framework === 'prisma');
  if (!prisma) return undefined;
  const root = prisma.file.path.replace(/\/[^/]+\/migration\.sql$/i, '');
  const lock = await release.readPath('from', `${root}/migration_lock.toml`);
  return lock.text !== undefined ? prismaProvider(lock.text) : undefined;
}

/** The file holding the down migration of a SQL migration, when its framework has one. */
async function downScriptOf(path: string, id: MigrationPath, framework: Framework, list: (dir: string) => Promise<string[]>): Promise<string | undefined> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const base = path.slice(dir ? dir.length + 1 : 0);
  let wanted: (p: string) => boolean;
  if (framework === 'golang-migrate') wanted = (p) => p === `${dir ? `${dir}/` : ''}${base.replace(/\.up\.sql$/i, '.down.sql')}`;
  else if (framework === 'flyway') {
    const version = id.id.slice(1);
    wanted = (p) => {
      const m = /(?:^|\/)U(\d+(?:[._]\d+)*)__[^/]+\.sql$/i.exec(p);
      return m !== null && m[1]!.replace(/_/g, '.') === version;
    };
  } else if (framework === 'sql' && /^(up|migration)\.sql$/i.test(base)) wanted = (p) => p.toLowerCase() === `${dir ? `${dir}/` : ''}down.sql`;
  else return undefined;
  const listed = await list(dir);
  return listed.find(wanted);
}
