import { globMatcher } from '../../util/glob.js';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import { baseName, extension, isScript, isTest } from '../../parse/kinds.js';
import type { ChangedFile, Side } from '../../model/report.js';
import type { ContractChangeFact } from '../../model/facts/contracts.js';
import { graphqlChanges } from './graphql.js';
import { manifestChanges } from './manifest.js';
import { typescript } from '../../parse/typescript/compiler.js';
import { Surface } from './surface.js';
import { displayEntry, entryPoints, packagesAt, sourceCandidates, type PackageInfo } from './workspace.js';

const isSchema = (path: string) => ['graphql', 'gql', 'graphqls'].includes(extension(path));
const isSource = (path: string | undefined) => path !== undefined && isScript(path) && !isTest(path);

/**
 * What consumers of the running release lose: exported APIs of package entry points (following re-exports),
 * package.json contracts and GraphQL schemas that the rollback removes or narrows.
 */
export const contractsAnalyzer: Analyzer = {
  name: 'contracts',
  readsScripts: true,
  async analyze(release: Release): Promise<Fact[]> {
    const facts: Fact[] = [];
    const schemas = release.files.filter((f) => isSchema(f.path) || isSchema(f.oldPath ?? ''));
    if (schemas.length > 0) facts.push(...(await graphqlChanges(release, schemas)));
    const manifests = release.files.filter((f) => baseName(f.path) === 'package.json' || baseName(f.oldPath ?? '') === 'package.json');
    if (manifests.length > 0) facts.push(...manifestChanges(release, manifests));
    const scripts = release.files.filter((f) => isSource(f.path) || isSource(f.oldPath));
    if (scripts.length > 0) facts.push(...(await apiChanges(release, scripts)));
    for (const path of new Set(facts.filter((f) => f.kind === 'contract.change').map((f) => f.path))) {
      facts.push({ kind: 'file.classified', path, category: 'contract-change', reason: 'exported contract differs between the releases' });
    }
    return facts;
  },
};

async function apiChanges(release: Release, scripts: ChangedFile[]): Promise<Fact[]> {
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
  const listing: Partial<Record<Side, Promise<string[]>>> = {};
  const listed = (side: Side) => (listing[side] ??= release.listFiles(side, ''));
  const packages = { from: await packagesAt(release, 'from', () => listed('from')), to: await packagesAt(release, 'to', () => listed('to')) };
  const entryFile = async (side: Side, pkg: PackageInfo, subpath: string): Promise<string | undefined> => {
    const entry = entryPoints(pkg.manifest).find((e) => e.subpath === subpath);
    if (!entry) return undefined;
    for (const target of entry.targets) {
      for (const candidate of sourceCandidates(pkg.dir, target)) if (await exists(side, candidate)) return candidate;
    }
    return undefined;
  };
  const surface = new Surface({ release, ts, exists, packages, entryFile });
  const facts: ContractChangeFact[] = [];
  const globs = release.config.contracts.entries;
  const configured = globs.length > 0 ? globMatcher(globs, { dot: true }) : undefined;
  const packageOf = (side: Side, path: string) =>
    packages[side].filter((p) => p.dir === '' || path.startsWith(`${p.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];

  const withEntries = new Set<string>();
  // Configured entry globs replace the entry points package.json names.
  for (const pkg of configured ? [] : packages.from) {
    const toPkg = packages.to.find((p) => p.dir === pkg.dir);
    const entries = entryPoints(pkg.manifest);
    for (const entry of entries) {
      const fromPath = await entryFile('from', pkg, entry.subpath);
      if (!fromPath) continue;
      withEntries.add(pkg.dir);
      const toPath = toPkg ? ((await entryFile('to', toPkg, entry.subpath)) ?? ((await exists('to', fromPath)) ? fromPath : undefined)) : undefined;
      facts.push(...(await surface.compareModules({ name: displayEntry(pkg, entry.subpath), surface: 'public' }, fromPath, toPath)));
    }
  }
  if (configured) {
    // Configured entry files are the public surface; other modules are implementation.
    for (const path of (await listed('from')).filter((f) => isSource(f) && configured(f))) {
      const toPath = (await exists('to', path)) ? path : undefined;
      facts.push(...(await surface.compareModules({ name: path, surface: 'public' }, path, toPath)));
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
    if (release.scriptChange(file)?.sameContract) continue;
    const pkg = packageOf('from', fromPath);
    if (pkg && withEntries.has(pkg.dir)) continue;
    facts.push(...(await surface.compareModules({ name: fromPath, surface: 'internal' }, fromPath, toPath)));
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
    { kind: 'stat', path: '.', name: 'contractModulesParsed', value: new Set([...surface.parsed].map((k) => k.slice(k.indexOf(':') + 1))).size },
    { kind: 'stat', path: '.', name: 'contractModulesScanned', value: surface.scanned.size },
  ];
}
