import { globMatcher } from '../../util/glob.js';
import { pathAt, type Analyzer, type ChangedScript, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { baseName, extension, isScript, isTest } from '../../parse/kinds.js';
import type { ChangedFile, Side } from '../../model/report.js';
import type { ContractChangeFact } from '../../model/facts/contracts.js';
import { graphqlChanges } from './graphql.js';
import { manifestChanges } from './manifest.js';
import { typescript } from '../../parse/typescript/compiler.js';
import { moduleApiOf, type ModuleApi } from '../../parse/typescript/api.js';
import { sameContract } from '../../parse/typescript/same.js';
import { shapesOf } from '../../parse/typescript/syntax.js';
import { Surface } from './surface.js';
import { displayEntry, entryPoints, exportSubpaths, packagesAt, parseManifest, sourceCandidates, type PackageInfo } from './workspace.js';
import { audiences, dependencyNames, isPublished, type Audience } from './audience.js';
import { append } from '../../util/arrays.js';
import { IMPORT_LINES } from '../greps.js';

const isSchema = (path: string) => ['graphql', 'gql', 'graphqls'].includes(extension(path));
const isSource = (path: string | undefined) => path !== undefined && isScript(path) && !isTest(path);

/**
 * What the contracts analyzer keeps of a changed script: whether comparing its exports across the releases finds
 * nothing, and otherwise both sides' APIs (plain data), so that following them later parses the script no more.
 */
interface ScriptReading {
  sameContract: boolean;
  /** Its contract shape is the same at both sides: what it exports and re-exports reads as if it had not changed. */
  sameShape?: true;
  apis?: Record<Side, ModuleApi>;
}

/**
 * A module whose exports are declared in it at both sides and compare equal (or whose contract shape did not
 * change at all) has nothing to follow: its APIs need not be kept or compared again.
 */
function readScript({ from, to }: ChangedScript): ScriptReading | undefined {
  if (!from?.syntax || !to?.syntax || !isSource(from.path)) return undefined;
  const ts = typescript();
  if (shapesOf(ts, from.syntax, to.syntax).contract) return { sameContract: true, sameShape: true };
  try {
    const apis = { from: moduleApiOf(ts, from.syntax), to: moduleApiOf(ts, to.syntax) };
    return sameContract(apis.from, apis.to) ? { sameContract: true } : { sameContract: false, apis };
  } catch {
    return { sameContract: false }; // compared (and reported) where the module is read again
  }
}

/**
 * What consumers of the running release lose: exported APIs of package entry points (following re-exports),
 * package.json contracts and GraphQL schemas that the rollback removes or narrows.
 */
export const contractsAnalyzer: Analyzer<ScriptReading> = {
  name: 'contracts',
  readScript,
  async analyze(release, readings): Promise<Fact[]> {
    const facts: Fact[] = [];
    const schemas = release.files.filter((f) => isSchema(f.path) || isSchema(f.oldPath ?? ''));
    if (schemas.length > 0) append(facts, await graphqlChanges(release, schemas));
    const listing: Partial<Record<Side, Promise<string[]>>> = {};
    const listed = (side: Side) => (listing[side] ??= release.listFiles(side, ''));
    let loading: Promise<Record<Side, PackageInfo[]>> | undefined;
    const packages = () =>
      (loading ??= Promise.all([packagesAt(release, 'from', () => listed('from')), packagesAt(release, 'to', () => listed('to'))]).then(
        ([from, to]) => ({ from, to }),
      ));
    const manifests = release.files.filter((f) => baseName(f.path) === 'package.json' || baseName(f.oldPath ?? '') === 'package.json');
    if (manifests.length > 0) append(facts, await manifestChanges(release, manifests, (dir) => manifestAudience(release, dir, packages)));
    const scripts = release.files.filter((f) => isSource(f.path) || isSource(f.oldPath));
    if (scripts.length > 0) append(facts, await apiChanges(release, scripts, await packages(), readings));
    for (const path of new Set(facts.filter((f) => f.kind === 'contract.change').map((f) => f.path))) {
      facts.push({ kind: 'file.classified', path, category: 'contract-change', reason: 'exported contract differs between the releases' });
    }
    return facts;
  },
};

/** The audience of the package in `dir` (at `from`): published, or used outside the scope, reads its package.json as a contract. */
async function manifestAudience(release: Release, dir: string, packages: () => Promise<Record<Side, PackageInfo[]>>): Promise<Audience> {
  const manifest = parseManifest((await release.readPath('from', dir ? `${dir}/package.json` : 'package.json')).text);
  if (manifest && isPublished(manifest)) return { kind: 'published', reason: '' };
  // Without a scope every consumer rolls back with the release: no need to list the workspace.
  if (!release.scope) return { kind: 'internal', reason: '' };
  return audiences((await packages()).from, release.scope).get(dir) ?? { kind: 'internal', reason: '' };
}

async function apiChanges(
  release: Release,
  scripts: ChangedFile[],
  packages: Record<Side, PackageInfo[]>,
  readings: ReadonlyMap<ChangedFile, ScriptReading>,
): Promise<Fact[]> {
  const ts = typescript();
  // Whether a path is a file at one side: the changed files are known; for others the folder is read
  // (once), so the cost follows the folders the analysis follows, not the size of the tree.
  const changedAt: Record<Side, Set<string>> = { from: new Set(), to: new Set() };
  for (const file of release.files) {
    if (file.fromBlob) changedAt.from.add(pathAt(file, 'from'));
    if (file.toBlob) changedAt.to.add(pathAt(file, 'to'));
  }
  const changedPaths = new Set(release.files.flatMap((f) => [f.path, f.oldPath ?? f.path]));
  const exists = async (side: Side, path: string): Promise<boolean> => {
    if (changedAt[side].has(path)) return true;
    if (changedPaths.has(path)) return false;
    const slash = path.lastIndexOf('/');
    return (await release.listFolder(side, slash < 0 ? '' : path.slice(0, slash))).has(path.slice(slash + 1));
  };
  const entryFile = async (side: Side, pkg: PackageInfo, subpath: string): Promise<string | undefined> => {
    const entry = entryPoints(pkg.manifest).find((e) => e.subpath === subpath);
    if (!entry) return undefined;
    for (const target of entry.targets) {
      for (const candidate of sourceCandidates(pkg.dir, target)) if (await exists(side, candidate)) return candidate;
    }
    return undefined;
  };
  /** The file a deep import (`lib/utils/x`, `lib/dist/utils/x`) names in a package folder at one side. */
  const moduleFile = async (side: Side, dir: string, subpath: string): Promise<string | undefined> => {
    for (const candidate of sourceCandidates(dir, subpath)) if (isScript(candidate) && (await exists(side, candidate))) return candidate;
    return undefined;
  };
  // The APIs the reader already built, by side and path: a module whose contract changed is not parsed again.
  const known = new Map<string, ModuleApi>();
  for (const [file, reading] of readings)
    if (reading.apis) for (const side of ['from', 'to'] as const) known.set(`${side}\0${pathAt(file, side)}`, reading.apis[side]);
  // A module changed only inside bodies and values exports the same names, declarations and re-exports at both
  // sides: the surface follows it as an unchanged one (never parsed again; clean when what it re-exports is).
  const sameShape = new Set<string>();
  for (const [file, reading] of readings) if (reading.sameShape && file.status === 'modified') sameShape.add(file.path);
  const surface = new Surface({ release, ts, exists, packages, entryFile, known, sameShape });
  const facts: ContractChangeFact[] = [];
  const globs = release.config.contracts.entries;
  const configured = globs.length > 0 ? globMatcher(globs, { dot: true }) : undefined;
  const packageOf = (side: Side, path: string) =>
    packages[side].filter((p) => p.dir === '' || path.startsWith(`${p.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];

  const withEntries = new Set<string>();
  const audience = audiences(packages.from, release.scope);
  const deepImports = await deepImportsOf(release, packages.from, audience);
  // Configured entry globs replace the entry points package.json names.
  for (const pkg of configured ? [] : packages.from) {
    const heard = audience.get(pkg.dir)!;
    // Consumers of a package no one outside the rollback uses roll back with it: its modules are internal.
    if (heard.kind === 'internal') continue;
    const toPkg = packages.to.find((p) => p.dir === pkg.dir);
    const shown = (name: string) =>
      heard.kind === 'outside-scope' ? `${name} (used by ${heard.consumers.join(', ')}, outside the scope)` : name;
    for (const entry of entryPoints(pkg.manifest)) {
      const fromPath = await entryFile('from', pkg, entry.subpath);
      if (!fromPath) continue;
      withEntries.add(pkg.dir);
      const toPath = toPkg
        ? ((await entryFile('to', toPkg, entry.subpath)) ?? ((await exists('to', fromPath)) ? fromPath : undefined))
        : undefined;
      append(facts, await surface.compareModules({ name: shown(displayEntry(pkg, entry.subpath)), surface: 'public' }, fromPath, toPath));
    }
    // Without an `exports` map every module can be imported by its path: the ones consumers do are entries too.
    for (const subpath of deepImports.get(pkg.dir) ?? []) {
      const fromPath = await moduleFile('from', pkg.dir, subpath);
      if (!fromPath) continue;
      withEntries.add(pkg.dir);
      const toPath = await moduleFile('to', pkg.dir, subpath);
      append(facts, await surface.compareModules({ name: shown(`${pkg.name}/${subpath}`), surface: 'public' }, fromPath, toPath));
    }
  }
  if (configured) {
    // Configured entry files are the public surface; other modules are implementation.
    for (const path of (await release.listFiles('from', '')).filter((f) => isSource(f) && configured(f))) {
      const toPath = (await exists('to', path)) ? path : undefined;
      append(facts, await surface.compareModules({ name: path, surface: 'public' }, path, toPath));
    }
  }
  let done = 0;
  for (const file of scripts) {
    if (++done % 200 === 0) release.progress('contracts', done, scripts.length);
    const fromPath = file.fromBlob ? pathAt(file, 'from') : undefined;
    if (!fromPath || !isSource(fromPath) || configured) continue;
    const toPath = file.toBlob ? pathAt(file, 'to') : undefined;
    // Internal modules the release added have no consumer built against the target, and migrations
    // and tests export only to their runners: none is a contract the rollback can break.
    if (!toPath || isTest(fromPath) || /(^|\/)(migrations?|migrate)\//i.test(fromPath)) continue;
    // Its exports compared equal when it was parsed: nothing to follow, nothing to report.
    if (readings.get(file)?.sameContract) continue;
    const pkg = packageOf('from', fromPath);
    if (pkg && withEntries.has(pkg.dir)) continue;
    append(facts, await surface.compareModules({ name: fromPath, surface: 'internal' }, fromPath, toPath));
  }

  const unique = new Map<string, ContractChangeFact>();
  for (const fact of facts) {
    const key = `${fact.path}\0${fact.line}\0${fact.symbol}\0${fact.detail}`;
    const known = unique.get(key);
    if (!known) unique.set(key, fact);
    else if (!known.entry.split(', ').includes(fact.entry)) known.entry = `${known.entry}, ${fact.entry}`;
  }
  return [
    ...unique.values(),
    {
      kind: 'stat',
      path: '.',
      name: 'contractModulesParsed',
      value: new Set([...surface.parsed].map((k) => k.slice(k.indexOf(':') + 1))).size,
    },
    { kind: 'stat', path: '.', name: 'contractModulesScanned', value: surface.scanned.size },
  ];
}

/**
 * Subpaths that consumers import from packages with no `exports` map (`@acme/lib/utils/x` → `utils/x`), found
 * by searching the scripts of the workspace packages that depend on each: only those can import them by path.
 * Found in the import lines of those scripts (the search every release makes), sorted out by package and consumer.
 */
async function deepImportsOf(
  release: Release,
  packages: readonly PackageInfo[],
  audience: ReadonlyMap<string, Audience>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!release.grep) return out;
  const open = packages
    .filter((p) => audience.get(p.dir)?.kind !== 'internal' && exportSubpaths(p.manifest).size === 0 && p.dir !== '')
    .map((pkg) => ({
      pkg,
      prefix: `${pkg.name}/`,
      consumers: packages
        .filter((other) => other.dir !== '' && other.dir !== pkg.dir && dependencyNames(other.manifest).has(pkg.name))
        .map((other) => `${other.dir}/`),
    }))
    .filter((o) => o.consumers.length > 0);
  if (open.length === 0) return out;
  // The import lines of the consumers, from the one search of import lines every release makes: asking for the
  // packages' names instead would read every script of the consumers once more.
  const hits = await release.grep('from', IMPORT_LINES, [...new Set(open.flatMap((o) => o.consumers))]);
  for (const { pkg, prefix, consumers } of open) {
    const specifier = new RegExp(`['"]${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([^'"\\s]+)['"]`, 'g');
    const found = new Set<string>();
    for (const hit of hits) {
      if (!hit.text.includes(prefix) || !consumers.some((dir) => hit.path.startsWith(dir))) continue;
      for (const m of hit.text.matchAll(specifier)) if (!m[1]!.endsWith('package.json')) found.add(m[1]!);
    }
    if (found.size > 0) out.set(pkg.dir, [...found].sort());
  }
  return out;
}
