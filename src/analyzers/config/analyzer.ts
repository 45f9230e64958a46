import { pathAt, type Analyzer, type ChangedScript, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { isDeclarationFile, isForgeOrCi, isScript, isTest } from '../../parse/kinds.js';
import { sameStructuredValue } from '../structured.js';
import type { ChangedFile, Side } from '../../model/report.js';
import { envReads, type EnvRead } from '../../parse/typescript/env-reads.js';
import type { ParsedScript } from '../../parse/typescript/parsed.js';
import { compareKeys, configKeys, configKindOf, dotenvKeys, isEnvExample } from './files.js';
import { changedEnvDeclarations, envDeclarations, isEnvModule } from '../../parse/typescript/env-schema.js';
import { typescript } from '../../parse/typescript/compiler.js';
import { append } from '../../util/arrays.js';

/** Unchanged scripts searched at most for reads of a variable the changed code stopped reading. */
export const MAX_UNCHANGED_SEARCH = 2000;

/**
 * What a rollback may need from the environment that the running release no longer provides:
 * variables the `to` code reads and the `from` code does not, keys of example env files, and
 * feature-flag and app config files.
 */
export const configAnalyzer: Analyzer<ScriptReading> = {
  name: 'config',
  readScript,
  async analyze(release, readings): Promise<Fact[]> {
    const facts: Fact[] = [];
    for (const file of release.files) {
      if (isEnvExample(file.path) || (file.oldPath !== undefined && isEnvExample(file.oldPath))) append(facts, exampleFacts(release, file));
      else if (configKindOf(file.path) ?? (file.oldPath !== undefined ? configKindOf(file.oldPath) : undefined))
        append(facts, configFileFacts(release, file));
    }
    append(facts, await envNeeded(release, readings));
    append(facts, envValidation(release, readings));
    return facts;
  },
};

function textAt(release: Release, file: ChangedFile, side: Side): string | undefined {
  if ((side === 'from' ? file.fromBlob : file.toBlob) === undefined) return '';
  return release.content(file, side).text;
}

function exampleFacts(release: Release, file: ChangedFile): Fact[] {
  const from = textAt(release, file, 'from');
  const to = textAt(release, file, 'to');
  if (from === undefined || to === undefined) return [];
  const fromKeys = dotenvKeys(from);
  const toKeys = dotenvKeys(to);
  const facts: Fact[] = [{ kind: 'file.classified', path: file.path, category: 'config-change', reason: 'example environment file' }];
  const restored = [...toKeys].filter(([name]) => !fromKeys.has(name)).map(([name, { line }]) => ({ name, line }));
  const dropped = [...fromKeys.keys()].filter((name) => !toKeys.has(name)).sort();
  if (restored.length > 0 || dropped.length > 0) facts.push({ kind: 'env.example-changed', path: file.path, restored, dropped });
  return facts;
}

function configFileFacts(release: Release, file: ChangedFile): Fact[] {
  const configKind = configKindOf(file.path) ?? configKindOf(file.oldPath ?? '')!;
  // Same parsed value: the files analyzer calls it style-only.
  if (sameStructuredValue(release, file)) return [];
  const from = textAt(release, file, 'from');
  const to = textAt(release, file, 'to');
  if (from === undefined || to === undefined) return [];
  const status = file.status === 'added' ? 'added' : file.status === 'deleted' ? 'deleted' : 'modified';
  const fromKeys = configKeys(pathAt(file, 'from'), from);
  const toKeys = configKeys(pathAt(file, 'to'), to);
  const label =
    configKind === 'feature-flags' ? 'feature-flag file' : configKind === 'dotenv' ? 'committed environment file' : 'app config file';
  if (fromKeys === undefined || toKeys === undefined) {
    const side = fromKeys === undefined ? 'from' : 'to';
    return [
      { kind: 'file.classified', path: file.path, category: 'config-change', reason: `${label} (not parsed: keys unknown)` },
      { kind: 'config.changed', path: file.path, configKind, status },
      { kind: 'file.unreadable', path: file.path, side, reason: `${label} that does not parse at ${side}: its keys could not be compared` },
    ];
  }
  const keys = compareKeys(fromKeys, toKeys);
  if (status === 'modified' && keys.restored.length + keys.dropped.length + keys.changed.length === 0) {
    return [
      {
        kind: 'file.classified',
        path: file.path,
        category: 'style-only',
        reason: `${label} with the same keys and values: only formatting or comments changed`,
      },
    ];
  }
  return [
    { kind: 'file.classified', path: file.path, category: 'config-change', reason: label },
    { kind: 'config.changed', path: file.path, configKind, status, ...keys },
  ];
}

/** What the config analyzer keeps of a changed script: the variables each side reads, and a changed env module's declarations. */
interface ScriptReading {
  from: EnvRead[];
  to: EnvRead[];
  validation?: ReturnType<typeof changedEnvDeclarations>;
}

function readScript({ file, from, to }: ChangedScript): ScriptReading {
  const reading: ScriptReading = { from: readsOf(from), to: readsOf(to) };
  if (file.status === 'modified' && isEnvModule(file.path) && !isTest(file.path) && from && to) {
    const ts = typescript();
    reading.validation = changedEnvDeclarations(envDeclarations(ts, syntaxOf(from)), envDeclarations(ts, syntaxOf(to)));
  }
  return reading;
}

/** A script's tree; one the parser could not build fails the reading, never passes silently. */
function syntaxOf(parsed: ParsedScript): NonNullable<ParsedScript['syntax']> {
  if (!parsed.syntax) throw new Error(parsed.failure);
  return parsed.syntax;
}

/** The variables a runtime script reads (none for tests and declarations). */
function readsOf(parsed: ParsedScript | undefined): EnvRead[] {
  // envReads skips the walk of a script that cannot name `env`.
  if (!parsed || !isRuntimeScript(parsed.path)) return [];
  return envReads(typescript(), syntaxOf(parsed));
}

/** Variables whose declaration in the environment module changed: the older release checks them its own way. */
function envValidation(release: Release, readings: ReadonlyMap<ChangedFile, ScriptReading>): Fact[] {
  const facts: Fact[] = [];
  for (const file of release.files) {
    const changed = readings.get(file)?.validation ?? [];
    if (changed.length > 0)
      facts.push({ kind: 'env.validation-changed', path: file.path, line: changed[0]!.line, names: changed.map((c) => c.name) });
  }
  return facts;
}

/** A script of the application: not a test, a declaration file, or code a CI service runs (a repository's own actions). */
const isRuntimeScript = (path: string) => isScript(path) && !isTest(path) && !isDeclarationFile(path) && !isForgeOrCi(path);

async function envNeeded(release: Release, readings: ReadonlyMap<ChangedFile, ScriptReading>): Promise<Fact[]> {
  const scripts = release.files.filter((f) => isRuntimeScript(f.path) || (f.oldPath !== undefined && isRuntimeScript(f.oldPath)));
  if (scripts.length === 0) return [];
  const readsAt = (file: ChangedFile, side: Side): EnvRead[] => readings.get(file)?.[side] ?? [];
  const readAtFrom = new Set<string>();
  const readAtTo = new Map<string, { file: ChangedFile; read: EnvRead }[]>();
  for (const file of scripts) {
    for (const read of readsAt(file, 'from')) readAtFrom.add(read.name);
    for (const read of readsAt(file, 'to')) {
      const places = readAtTo.get(read.name);
      if (places) places.push({ file, read });
      else readAtTo.set(read.name, [{ file, read }]);
    }
  }
  const candidates = new Set([...readAtTo.keys()].filter((name) => !readAtFrom.has(name)));
  if (candidates.size === 0) return [];

  // A variable still read by an unchanged file at `from` is still set: the rollback needs nothing new.
  const changedAtFrom = new Set(release.files.filter((f) => f.fromBlob !== undefined).map((f) => f.path));
  const unchanged = (await release.listFiles('from', '')).filter(
    (p) => isRuntimeScript(p) && !changedAtFrom.has(p) && !/(^|\/)node_modules\//.test(p),
  );
  const searched = unchanged.slice(0, MAX_UNCHANGED_SEARCH);
  const contents = await Promise.all(searched.map((p) => release.readPath('from', p)));
  for (const [i, path] of searched.entries()) {
    const text = contents[i]!.text;
    if (text === undefined || ![...candidates].some((name) => text.includes(name))) continue;
    for (const read of readsOf(await release.tree('from', path))) candidates.delete(read.name);
  }
  release.progress('config', scripts.length, scripts.length);

  return [...candidates].sort().map((name) => {
    const [first, ...rest] = readAtTo.get(name)!;
    return {
      kind: 'env.needed',
      path: first!.file.path,
      line: first!.read.line,
      name,
      via: first!.read.via,
      alsoAt: rest.map(({ file, read }) => `${pathAt(file, 'to')}:${read.line}`),
      unsearched: unchanged.length - searched.length,
    };
  });
}
