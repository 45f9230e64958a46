import { typescript } from '../../parse/typescript/compiler.js';
import { excerpt } from '../../util/sanitize.js';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { isDoc, isTest } from '../../parse/kinds.js';
import { detectDialect, prismaProvider } from '../../parse/sql/dialect.js';
import { classOf, describeOp, dropsData, type SqlDialect } from '../../model/sql.js';
import { loadSqlParser, type SqlParser } from '../../parse/sql/parsed.js';
import { splitStatements } from '../../parse/sql/split.js';
import type { BlobContent, ChangedFile } from '../../model/report.js';
import type { Config } from '../../config/schema.js';
import { coupledChanges, type SourceText } from './coupling.js';
import { FRAMEWORK_COMMANDS, compareIds, migrationMatcher, type MigrationPath } from './discover.js';
import type { Framework, MigrationEditedFact, MigrationFileFact, MigrationOpFact } from '../../model/facts/migrations.js';
import { againstDown, applyNetEffect } from './net.js';
import { readSql, type ReadResult } from './read-sql.js';
import { readerFor } from './readers/index.js';
import type { MigrationRead, MigrationReader } from './readers/reader.js';
import { append } from '../../util/arrays.js';

const SOURCE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|cs|php|ex|exs|rs|swift|graphql|gql|prisma|vue|svelte)$/i;

interface Candidate {
  file: ChangedFile;
  id: MigrationPath;
  /** The released version as read (`text` is its text). */
  content: BlobContent;
  text: string;
  reader: MigrationReader;
  status: 'added' | 'edited';
  /** The released version, for an edit. */
  before?: string;
}

const matchers = new WeakMap<Config, ReturnType<typeof migrationMatcher>>();

/** The migration matcher of a configuration, made once. */
function matcherFor(config: Config): ReturnType<typeof migrationMatcher> {
  let match = matchers.get(config);
  if (!match) matchers.set(config, (match = migrationMatcher({ discover: config.migrations.discover, paths: config.migrations.paths })));
  return match;
}

/** A script in a migrations folder that defines no up or down function is a helper, not a migration. */
const looksLikeMigration = (text: string) =>
  /\b(?:up|down)\b\s*[:=(]|function\s+(?:up|down)\b|exports\.(?:up|down)\b|\basync\s+(?:up|down)\s*\(/.test(text);

/**
 * Finds the migrations the release added or edited, reads each with the reader of its format (SQL through
 * node-sql-parser and a token reader; TS/JS through their syntax tree; Liquibase XML), works out the net
 * effect in run order, and links them to changed source files that use the same names.
 */
export const migrationsAnalyzer: Analyzer = {
  name: 'migrations',
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
        facts.push({
          kind: 'file.classified',
          path: file.path,
          category: 'migration',
          reason: 'Prisma migration lock (the database provider)',
        });
        continue;
      }
      const id = file.fromBlob ? match(file.path) : file.toBlob ? match(pathAt(file, 'to')) : undefined;
      if (!id) continue;
      const from = release.content(file, 'from');
      const to = release.content(file, 'to');
      const text = from.text ?? to.text;
      if (text === undefined && !from.unreadable) continue;
      const reader = text === undefined ? undefined : readerFor(id.language, file.path, text, id.framework);
      if (!reader && (id.language === 'xml' || !looksLikeMigration(text ?? ''))) continue; // not a migration: a helper, an unrelated XML file
      migrationPaths.add(file.path);
      if (from.unreadable && file.fromBlob) continue; // the files analyzer reports what cannot be read
      if (!reader) {
        // A migration no reader knows is reported, never skipped.
        facts.push({
          kind: 'migration.unread',
          path: file.path,
          line: 1,
          migration: id.id,
          reason: 'a migration script whose tool is not recognised: what it changes was not read',
        });
        continue;
      }
      facts.push({
        kind: 'file.classified',
        path: file.path,
        category: 'migration',
        reason: `${reader.framework} ${id.role === 'down' ? 'down migration' : 'migration'} ${id.id}`,
      });
      if (!file.fromBlob || from.text === undefined || id.role === 'down') continue;
      let status: Candidate['status'] | undefined;
      let before: string | undefined;
      if (file.status === 'added' || file.status === 'copied') {
        const moved = deletedById.get(id.id);
        before = moved?.text;
        status = moved ? (normalise(moved.text) === normalise(from.text) ? undefined : 'edited') : 'added';
      } else if (to.text !== undefined && normalise(to.text) !== normalise(from.text)) {
        status = 'edited';
        before = to.text;
      }
      if (status) candidates.push({ file, id, content: from, text: from.text, reader, status, before });
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
    let builder = 0;
    let order = 0;
    for (const candidate of candidates) {
      const { file, id, content, text, reader } = candidate;
      const framework = reader.framework;
      const dialect: SqlDialect = settings.dialect ?? (framework === 'prisma' ? prismaDialect : undefined) ?? detectDialect(text);
      const unread = (u: { line: number; statement: string; reason: string }, path = file.path) =>
        facts.push({ kind: 'migration.unread', path, line: u.line, migration: id.id, reason: u.reason, evidence: u.statement });

      const read = await readOnce(content, `${reader.framework}\0${dialect}\0${parser ? 'parser' : ''}\0${file.path}`, () =>
        readWith(reader, release, file, 'from', text, dialect, parser),
      );
      facts.push({ kind: 'stat', path: file.path, name: `migrationsReadAs.${framework}`, value: 1 });
      if (read.loader) {
        files.push({
          kind: 'migration.file',
          path: file.path,
          migration: id.id,
          framework,
          dialect,
          status: 'added',
          order: order++,
          risky: false,
          noDown: 'it runs the SQL files of sqls/ beside it, which are read as migrations of their own',
        });
        continue;
      }

      if (candidate.status === 'edited') {
        const earlier = await readWith(reader, release, file, 'to', candidate.before ?? '', dialect, parser);
        facts.push(editOf(file.path, id.id, framework, candidate.before ?? '', text, earlier, read, id.language));
        continue;
      }

      let down: (ReadResult & { path: string; line: number }) | undefined;
      let emptyDown = false;
      let refusal: string | undefined;
      if (read.down) {
        refusal = read.down.refuses;
        if (!read.down.empty && refusal === undefined) down = { ...read.down, path: file.path };
        emptyDown = read.down.empty;
      } else {
        const downPath = await downScriptOf(file.path, id, framework, list);
        if (downPath) {
          const content = await release.readPath('from', downPath);
          if (content.text !== undefined && content.text.trim() !== '')
            down = { ...readSql(content.text, 1, dialect, parser), path: downPath, line: 1 };
        }
      }
      const up = { ...read.up, ops: againstDown(read.up.ops, down?.ops) };
      builder += up.ops.filter((r) => r.via === 'builder').length;
      parsed += up.parsed + (down?.parsed ?? 0);
      fallback += up.fallback + (down?.fallback ?? 0);
      for (const u of up.unreadable) unread(u);
      // What the down part cannot read matters only to whoever runs it: reported where it is, in the same file only.
      if (down?.path === file.path) for (const u of down.unreadable) unread({ ...u, reason: `${u.reason} (in the down migration)` });
      for (const r of up.ops) {
        ops.push({
          kind: 'migration.op',
          path: file.path,
          line: r.line,
          migration: id.id,
          framework,
          op: r.op,
          statement: r.statement,
          via: r.via,
          newObject: false,
        });
      }
      const commands = FRAMEWORK_COMMANDS[framework];
      const fileFact: MigrationFileFact = {
        kind: 'migration.file',
        path: file.path,
        migration: id.id,
        framework,
        dialect,
        status: 'added',
        order: order++,
        risky: false,
      };
      if (down) {
        fileFact.down = {
          path: down.path,
          line: down.line,
          drops: down.ops.filter((r) => dropsData(r.op)).map((r) => ({ what: describeOp(r.op), line: r.line })),
        };
        if (commands.command) fileFact.command = framework === 'sql' ? `run ${down.path} by hand` : commands.command;
      } else
        fileFact.noDown =
          refusal !== undefined
            ? `its down part throws before it undoes anything ("${excerpt(refusal, 100)}"): ${commands.command ?? 'the migration tool'} stops there`
            : emptyDown
              ? `its down part does nothing`
              : commands.noDown;
      files.push(fileFact);
    }

    applyNetEffect(ops);
    // A file is risky when one of its operations, after the net effect, is more than additive.
    const riskyPaths = new Set<string>();
    for (const o of ops) {
      if (o.newObject) continue;
      // An index or constraint dropped and put back under its name is no change for the older code.
      if (o.recreated && (o.op.action === 'drop-index' || o.op.action === 'drop-constraint')) continue;
      const kind = classOf(o.op);
      if (kind === 'destructive' || kind === 'may-trip') riskyPaths.add(o.path);
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

    append(facts, files);
    append(facts, ops);
    append(facts, coupledChanges(ops, sources));
    facts.push({ kind: 'stat', path: '.', name: 'migrations', value: candidates.length });
    facts.push({ kind: 'stat', path: '.', name: 'sqlParsed', value: parsed });
    facts.push({ kind: 'stat', path: '.', name: 'sqlFallback', value: fallback });
    facts.push({ kind: 'stat', path: '.', name: 'builderOps', value: builder });
    return facts;
  },
};

/**
 * What the readers read of each migration, by the content read and how it was read (reader, dialect, path). The
 * analyses of several targets against one running release share one content per blob (`sharedParses`), so a
 * migration they all see is read once; a content let go takes its reads with it.
 */
const readsOf = new WeakMap<BlobContent, Map<string, Promise<MigrationRead>>>();

function readOnce(content: BlobContent, how: string, read: () => Promise<MigrationRead>): Promise<MigrationRead> {
  let reads = readsOf.get(content);
  if (!reads) readsOf.set(content, (reads = new Map<string, Promise<MigrationRead>>()));
  let result = reads.get(how);
  if (!result) reads.set(how, (result = read()));
  return result;
}

/** Reads one version of a migration with its reader (a script through the release's shared syntax tree). */
async function readWith(
  reader: MigrationReader,
  release: Release,
  file: ChangedFile,
  side: 'from' | 'to',
  text: string,
  dialect: SqlDialect,
  parser: SqlParser | undefined,
): Promise<MigrationRead> {
  const sql = (t: string, line: number) => readSql(t, line, dialect, parser);
  if (reader.language !== 'script') return reader.read({ path: file.path, text, dialect, sql });
  const parsed = await release.tree(side, pathAt(file, side));
  return reader.read({
    path: file.path,
    text,
    dialect,
    sql,
    ts: typescript(),
    tree: () => {
      if (!parsed?.syntax) throw new Error(parsed?.failure ?? `${file.path}: no script to read at ${side}`);
      return parsed.syntax;
    },
  });
}

const SCHEMA_WRITES = /^(?:insert|update|delete|with|merge|replace|upsert|copy)\b/;
const CHECKSUMMED: ReadonlySet<Framework> = new Set(['flyway', 'liquibase']);

/** What an edit to a released migration changes, read from both versions. */
function editOf(
  path: string,
  migration: string,
  framework: Framework,
  before: string,
  after: string,
  earlier: MigrationRead,
  now: MigrationRead,
  language: MigrationPath['language'],
): MigrationEditedFact {
  const change = firstDifference(before, after);
  const base = {
    kind: 'migration.edited' as const,
    path,
    line: change.line,
    migration,
    framework,
    change: change.text,
    checksummed: CHECKSUMMED.has(framework),
  };
  const code = (t: string) =>
    language === 'sql'
      ? splitStatements(t).map((s) => s.code.replace(/\s+/g, ' ').toLowerCase())
      : [t.replace(/\/\*[^]*?\*\/|\/\/[^\n]*/g, '').replace(/\s+/g, '')];
  const [a, b] = [code(before), code(after)];
  if (a.length === b.length && a.every((s, k) => s === b[k])) return { ...base, effect: 'comments' };
  if (earlier.up.unreadable.length > 0 || now.up.unreadable.length > 0) return { ...base, effect: 'unread' };
  const words = (r: MigrationRead) => r.up.ops.map((o) => describeOp(o.op));
  const [was, is] = [words(earlier), words(now)];
  const added = is.filter((w) => !was.includes(w));
  const removed = was.filter((w) => !is.includes(w));
  if (added.length > 0 || removed.length > 0 || was.length !== is.length)
    return { ...base, effect: 'schema', added: [...new Set(added)], removed: [...new Set(removed)] };
  const changed = [...a.filter((s) => !b.includes(s)), ...b.filter((s) => !a.includes(s))];
  const writesRows =
    language === 'sql'
      ? changed.some((s) => SCHEMA_WRITES.test(s.trim()))
      : now.up.ops.some((o) => ['insert', 'update', 'delete'].includes(o.op.action));
  return { ...base, effect: writesRows ? 'data' : 'same' };
}

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
async function downScriptOf(
  path: string,
  id: MigrationPath,
  framework: Framework,
  list: (dir: string) => Promise<string[]>,
): Promise<string | undefined> {
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
  } else if (framework === 'sql' && /^(up|migration)\.sql$/i.test(base))
    wanted = (p) => p.toLowerCase() === `${dir ? `${dir}/` : ''}down.sql`;
  else if (framework === 'db-migrate') {
    // migrations/<id>.js runs migrations/sqls/<id>-up.sql; its down is <id>-down.sql in the same folder.
    if (/-up\.sql$/i.test(base)) wanted = (p) => p === `${dir ? `${dir}/` : ''}${base.replace(/-up\.sql$/i, '-down.sql')}`;
    else return undefined;
  } else return undefined;
  const listed = await list(dir);
  return listed.find(wanted);
}
