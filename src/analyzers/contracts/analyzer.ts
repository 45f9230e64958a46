import picomatch from 'picomatch';
import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../facts.js';
import { baseName, extension, isScript, isTest } from '../files/kinds.js';
import type { ChangedFile, Side } from '../../model.js';
import type { ContractChangeFact } from './facts.js';
import { graphqlChanges } from './graphql.js';
import { manifestChanges } from './manifest.js';
import { typescript } from '../typescript.js';
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
  const [fromFiles, toFiles] = await Promise.all([release.listFiles('from', ''), release.listFiles('to', '')]);
  const files = { from: new Set(fromFiles), to: new Set(toFiles) };
  const packages = { from: await packagesAt(release, 'from', fromFiles), to: await packagesAt(release, 'to', toFiles) };
  const entryFile = (side: Side, pkg: PackageInfo, subpath: string): string | undefined => {
    const entry = entryPoints(pkg.manifest).find((e) => e.subpath === subpath);
    if (!entry) return undefined;
    for (const target of entry.targets) {
      const found = sourceCandidates(pkg.dir, target).find((c) => files[side].has(c));
      if (found) return found;
    }
    return undefined;
  };
  const surface = new Surface({ release, ts, files, packages, entryFile });
  const facts: ContractChangeFact[] = [];
  const globs = release.config.contracts.entries;
  const configured = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
  const packageOf = (side: Side, path: string) =>
    packages[side].filter((p) => p.dir === '' || path.startsWith(`${p.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];

  const withEntries = new Set<string>();
  // Configured entry globs replace the entry points package.json names.
  for (const pkg of configured ? [] : packages.from) {
    const toPkg = packages.to.find((p) => p.dir === pkg.dir);
    const entries = entryPoints(pkg.manifest);
    for (const entry of entries) {
      const fromPath = entryFile('from', pkg, entry.subpath);
      if (!fromPath) continue;
      withEntries.add(pkg.dir);
      const toPath = toPkg ? (entryFile('to', toPkg, entry.subpath) ?? (files.to.has(fromPath) ? fromPath : undefined)) : undefined;
      facts.push(...(await surface.compareModules({ name: displayEntry(pkg, entry.subpath), surface: 'public' }, fromPath, toPath)));
    }
  }
  if (configured) {
    // Configured entry files are the public surface; other modules are implementation.
    for (const path of fromFiles.filter((f) => isSource(f) && configured(f))) {
      const toPath = files.to.has(path) ? path : undefined;
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
