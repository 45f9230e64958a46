import type { ts as TsNamespace } from 'ts-morph';
import { pathAt, type Release } from '../analyzer.js';
import type { Side } from '../../model/report.js';
import { moduleApiOf, type Declaration, type ExportTarget, type ModuleApi } from '../../parse/typescript/api.js';
import { compareDeclarations, isBreaking, type DeclarationChange } from '../../parse/typescript/compare.js';
import type { ContractChangeFact } from '../../model/facts/contracts.js';
import { reexportSpecifiers } from './scan.js';
import { mayName } from '../../parse/typescript/names.js';
import { isScript } from '../../parse/kinds.js';
import type { PackageInfo } from './workspace.js';
import { append } from '../../util/arrays.js';

// Follows the exported API of entry modules at both sides. A module that did not change (or changed only inside
// bodies and values, so that its contract shape is the same) and re-exports only from such modules is "clean":
// its names are the same at both sides, so it is never parsed; its re-export specifiers are found with the
// scanner alone.

type Resolved =
  | { kind: 'declaration'; module: string; declaration: Declaration }
  | { kind: 'clean'; key: string; module: string; name: string }
  | { kind: 'namespace'; module: string }
  | { kind: 'external'; key: string }
  | { kind: 'unknown'; module: string; name: string }
  /** The module exists and does not export the name. */
  | { kind: 'missing'; module: string; name: string };

interface Exported {
  module: string;
  target: ExportTarget;
}

interface ExportSet {
  names: Map<string, Exported>;
  /** Clean modules whose names are exported with `export *` (the same at both sides). */
  opaque: Set<string>;
}

const SCRIPT_SUFFIXES = [
  '',
  '.ts',
  '.tsx',
  '.d.ts',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '/index.ts',
  '/index.tsx',
  '/index.d.ts',
  '/index.js',
  '/index.mjs',
];

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export interface SurfaceInput {
  release: Release;
  ts: typeof TsNamespace;
  /** Whether a file is in the tree at one side (asked per candidate: no listing of the whole tree). */
  exists: (side: Side, path: string) => Promise<boolean>;
  packages: Record<Side, PackageInfo[]>;
  /** Entry file of a package subpath at one side (for bare specifiers of workspace packages). */
  entryFile: (side: Side, pkg: PackageInfo, subpath: string) => Promise<string | undefined>;
  /** APIs of changed modules already read, by `side\0path`. */
  known?: ReadonlyMap<string, ModuleApi>;
  /** Changed modules whose contract shape is the same at both sides: followed as unchanged ones. */
  sameShape?: ReadonlySet<string>;
}

export class Surface {
  /** `side:path` of every module parsed here (shared parses included). */
  readonly parsed = new Set<string>();
  readonly scanned = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Every path the release changed (`dirty` leaves out those followed as unchanged). */
  private readonly changedPaths = new Set<string>();
  private readonly apis = new Map<string, ModuleApi | undefined>();
  private readonly cleanMemo = new Map<string, boolean>();
  private readonly specifiers = new Map<string, string[] | undefined>();
  private readonly resolved = new Map<string, Promise<string | undefined>>();

  constructor(private readonly input: SurfaceInput) {
    for (const file of input.release.files) {
      this.changedPaths.add(pathAt(file, 'from'));
      this.changedPaths.add(pathAt(file, 'to'));
      if (input.sameShape?.has(file.path)) continue;
      this.dirty.add(pathAt(file, 'from'));
      this.dirty.add(pathAt(file, 'to'));
    }
  }

  isChanged(path: string): boolean {
    return this.dirty.has(path);
  }

  private async text(side: Side, path: string): Promise<string | undefined> {
    return (await this.input.release.readPath(side, path)).text;
  }

  /** A module the release did not change has the same text, so the same API, at both sides: read once. */
  private apiKey(side: Side, path: string): string {
    return this.changedPaths.has(path) ? `${side}\0${path}` : `both\0${path}`;
  }

  private async api(side: Side, path: string): Promise<ModuleApi | undefined> {
    const key = this.apiKey(side, path);
    if (this.apis.has(key)) return this.apis.get(key);
    const known = this.input.known?.get(`${side}\0${path}`);
    if (known) {
      this.parsed.add(`${side}:${path}`);
      this.apis.set(key, known);
      return known;
    }
    const parsed = await this.input.release.tree(side, path);
    let api: ModuleApi | undefined;
    if (parsed) {
      this.parsed.add(`${side}:${path}`);
      if (!parsed.syntax) throw new Error(`${path}: ${parsed.failure}`);
      try {
        api = moduleApiOf(this.input.ts, parsed.syntax);
      } catch (error) {
        throw new Error(`${path}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
      }
    }
    this.apis.set(key, api);
    return api;
  }

  /** The file a module specifier names at one side: the first candidate that exists, as TypeScript would pick. */
  resolve(side: Side, from: string, specifier: string): Promise<string | undefined> {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const key = `${side}\0${specifier.startsWith('.') ? dir : ''}\0${specifier}`;
    let found = this.resolved.get(key);
    if (!found) this.resolved.set(key, (found = this.lookUp(side, dir, specifier)));
    return found;
  }

  private async lookUp(side: Side, dir: string, specifier: string): Promise<string | undefined> {
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const base = normalise(specifier.startsWith('/') ? specifier : `${dir}/${specifier}`);
      const stem = base.replace(/\.(m|c)?jsx?$/, '');
      // Only scripts: `export { default as logo } from './logo.png'` names an asset, the same at both sides
      // whatever its content (a bundler's business), so it is left unresolved like a package import.
      const candidates = [
        ...SCRIPT_SUFFIXES.map((s) => base + s),
        ...(stem !== base ? SCRIPT_SUFFIXES.slice(1).map((s) => stem + s) : []),
      ].filter(isScript);
      // Asked all at once (one batch for git), taken in order.
      const present = await Promise.all(candidates.map((c) => this.input.exists(side, c)));
      return candidates[present.indexOf(true)];
    }
    for (const pkg of this.input.packages[side]) {
      if (specifier === pkg.name) return this.input.entryFile(side, pkg, '.');
      if (specifier.startsWith(`${pkg.name}/`)) return this.input.entryFile(side, pkg, `./${specifier.slice(pkg.name.length + 1)}`);
    }
    return undefined;
  }

  /** True when the module is the same at both sides and so is everything it re-exports. */
  async clean(path: string, visiting = new Set<string>()): Promise<boolean> {
    const memo = this.cleanMemo.get(path);
    if (memo !== undefined) return memo;
    if (this.dirty.has(path)) return this.remember(path, false);
    if (visiting.has(path)) return true;
    visiting.add(path);
    const specifiers = await this.reexports('from', path);
    if (specifiers === undefined) return this.remember(path, false);
    this.scanned.add(path);
    const targets = await Promise.all(
      specifiers.map((specifier) => Promise.all([this.resolve('from', path, specifier), this.resolve('to', path, specifier)])),
    );
    // The modules it re-exports are read in one batch, rather than one round trip to git after another.
    for (const [atFrom] of targets) if (atFrom && !this.dirty.has(atFrom) && !this.cleanMemo.has(atFrom)) void this.text('from', atFrom);
    for (const [atFrom, atTo] of targets) {
      if (atFrom !== atTo) return this.remember(path, false);
      if (atFrom && !(await this.clean(atFrom, visiting))) return this.remember(path, false);
    }
    visiting.delete(path);
    return this.remember(path, true);
  }

  private remember(path: string, value: boolean): boolean {
    this.cleanMemo.set(path, value);
    return value;
  }

  async exportSet(side: Side, path: string, force = false, seen = new Set<string>()): Promise<ExportSet> {
    const set: ExportSet = { names: new Map(), opaque: new Set() };
    if (seen.has(path)) return set;
    seen.add(path);
    if (!force && (await this.clean(path))) {
      set.opaque.add(path);
      return set;
    }
    const api = await this.api(side, path);
    if (!api) return set;
    for (const [name, target] of api.exports) set.names.set(name, { module: path, target });
    // Ask git for every star target at once rather than one round trip after another.
    const targets = await Promise.all(api.stars.map((specifier) => this.resolve(side, path, specifier)));
    await Promise.all(targets.filter((t): t is string => t !== undefined && !seen.has(t)).map((t) => this.clean(t)));
    for (const target of targets) {
      if (!target) continue;
      const sub = await this.exportSet(side, target, false, seen);
      for (const [name, exported] of sub.names) if (name !== 'default' && !set.names.has(name)) set.names.set(name, exported);
      for (const module of sub.opaque) set.opaque.add(module);
    }
    return set;
  }

  /** Expands clean modules star-exported at one side only, so both sides list the names that differ. */
  private async balance(from: ExportSet, to: ExportSet): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const onlyFrom = [...from.opaque].filter((m) => !to.opaque.has(m));
      const onlyTo = [...to.opaque].filter((m) => !from.opaque.has(m));
      if (onlyFrom.length === 0 && onlyTo.length === 0) return;
      for (const [side, set, modules] of [
        ['from', from, onlyFrom],
        ['to', to, onlyTo],
      ] as const) {
        for (const module of modules) {
          set.opaque.delete(module);
          const sub = await this.exportSet(side, module, true);
          for (const [name, exported] of sub.names) if (name !== 'default' && !set.names.has(name)) set.names.set(name, exported);
          for (const m of sub.opaque) set.opaque.add(m);
        }
      }
    }
  }

  async follow(side: Side, exported: Exported, name: string, depth = 0): Promise<Resolved> {
    const { module, target } = exported;
    if (depth > 30) return { kind: 'unknown', module, name };
    if (target.kind === 'declaration' || target.kind === 'local') {
      // Read (and kept) by `api` first, the module's declarations are then followed without waiting.
      if (target.kind === 'local') await this.api(side, module);
      return this.followLocal(side, exported)!;
    }
    const resolved = await this.resolve(side, module, target.specifier);
    if (!resolved) return { kind: 'external', key: `${target.specifier}#${target.kind === 'import' ? target.name : '*'}` };
    if (target.kind === 'namespace-import') return { kind: 'namespace', module: resolved };
    if (await this.clean(resolved)) return { kind: 'clean', key: `${resolved}#${target.name}`, module: resolved, name: target.name };
    return this.followName(side, resolved, target.name, depth + 1);
  }

  /**
   * What `follow` gives for a name declared in its module, without waiting, once that module's API is read
   * (most exported names: no promise per name); undefined otherwise.
   */
  private followLocal(side: Side, { module, target }: Exported): Resolved | undefined {
    if (target.kind === 'declaration') return { kind: 'declaration', module, declaration: target.declaration };
    const key = this.apiKey(side, module);
    if (target.kind !== 'local' || !this.apis.has(key)) return undefined;
    const declaration = this.apis.get(key)?.locals.get(target.local);
    return declaration ? { kind: 'declaration', module, declaration } : { kind: 'unknown', module, name: target.local };
  }

  private async followName(side: Side, module: string, name: string, depth: number): Promise<Resolved> {
    const set = await this.exportSet(side, module, true);
    const exported = set.names.get(name);
    if (exported) return this.follow(side, exported, name, depth);
    // Clean modules star-exported at any depth (`export *` of a folder index of `export *`…), each opened once.
    const queue = [...set.opaque];
    const opened = new Set<string>([module]);
    while (queue.length > 0) {
      const opaque = queue.shift()!;
      if (opened.has(opaque)) continue;
      opened.add(opaque);
      if (!(await this.mayExport(side, opaque, name))) continue;
      const inner = await this.exportSet(side, opaque, true);
      const found = inner.names.get(name);
      if (found) return this.follow(side, found, name, depth + 1);
      append(queue, inner.opaque);
    }
    return { kind: 'missing', module, name };
  }

  /**
   * Whether a module can export `name`: its text holds the name (or a Unicode escape, which may spell it), or it
   * re-exports from other modules. Searching the modules an `export *` names, one that cannot is not parsed.
   */
  private async mayExport(side: Side, path: string, name: string): Promise<boolean> {
    const text = await this.text(side, path);
    if (text === undefined) return false;
    return mayName(this.input.ts, text, name) || ((await this.reexports(side, path)) ?? []).length > 0;
  }

  /** The specifiers a module re-exports from (see `reexportSpecifiers`), scanned once (undefined: no such file). */
  private async reexports(side: Side, path: string): Promise<string[] | undefined> {
    const key = this.apiKey(side, path);
    if (this.specifiers.has(key)) return this.specifiers.get(key);
    const text = await this.text(side, path);
    const specifiers = text === undefined ? undefined : reexportSpecifiers(this.input.ts, text);
    this.specifiers.set(key, specifiers);
    return specifiers;
  }

  /** A declaration for evidence, parsing a clean module when one side needs it. */
  private async declarationOf(side: Side, resolved: Resolved): Promise<Resolved> {
    if (resolved.kind !== 'clean') return resolved;
    return this.followName(side, resolved.module, resolved.name, 1);
  }

  /** Every difference between the exports of a module at `from` and at `to` (`to` undefined: the module is gone). */
  async compareModules(
    entry: { name: string; surface: 'public' | 'internal' },
    fromPath: string,
    toPath: string | undefined,
    prefix = '',
    seen = new Set<string>(),
  ): Promise<ContractChangeFact[]> {
    const loopKey = `${fromPath}\0${toPath}`;
    if (seen.has(loopKey) || (fromPath === toPath && (await this.clean(fromPath)))) return [];
    seen.add(loopKey);
    const from = await this.exportSet('from', fromPath);
    const to = toPath ? await this.exportSet('to', toPath) : { names: new Map<string, Exported>(), opaque: new Set<string>() };
    if (!toPath) for (const module of from.opaque) to.opaque.delete(module);
    await this.balance(from, to);
    const facts: ContractChangeFact[] = [];
    for (const [name, exported] of [...from.names].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const symbol = `${prefix}${name}`;
      const atFrom = this.followLocal('from', exported) ?? (await this.follow('from', exported, name));
      const atTo = to.names.get(name);
      const after = atTo ? (this.followLocal('to', atTo) ?? (await this.follow('to', atTo, name))) : undefined;
      // The same declaration of an unchanged module at both sides: nothing to compare, and nothing to parse.
      if (atFrom.kind === 'clean' && after?.kind === 'clean' && atFrom.key === after.key) continue;
      // A clean module is parsed only now, for the declaration a finding shows or compares.
      const before = await this.declarationOf('from', atFrom);
      if (!after || after.kind === 'missing') {
        facts.push(this.removed(entry, symbol, before, exported.module));
        continue;
      }
      if (before.kind === 'clean' && after.kind === 'clean' && before.key === after.key) continue;
      if (before.kind === 'external' && after.kind === 'external' && before.key === after.key) continue;
      if (before.kind === 'namespace' && after.kind === 'namespace') {
        append(facts, await this.compareModules(entry, before.module, after.module, `${symbol}.`, seen));
        continue;
      }
      const full = after.kind === 'clean' ? await this.declarationOf('to', after) : after;
      if (before.kind === 'declaration' && full.kind === 'declaration') {
        if (before.declaration.shape.kind === 'namespace' && full.declaration.shape.kind === 'namespace') {
          append(
            facts,
            this.compareNamespaces(
              entry,
              symbol,
              before.module,
              before.declaration.shape.module,
              full.module,
              full.declaration.shape.module,
            ),
          );
          continue;
        }
        const changes = compareDeclarations(symbol, before.declaration, full.declaration);
        append(
          facts,
          changes.map((c) => this.changed(entry, symbol, c, before.module, full.module)),
        );
      }
    }
    return facts;
  }

  private compareNamespaces(
    entry: { name: string; surface: 'public' | 'internal' },
    symbol: string,
    fromModule: string,
    before: ModuleApi,
    toModule: string,
    after: ModuleApi,
  ): ContractChangeFact[] {
    const facts: ContractChangeFact[] = [];
    for (const [name, target] of before.exports) {
      if (target.kind !== 'local') continue;
      const b = before.locals.get(target.local);
      if (!b) continue;
      const t = after.exports.get(name);
      const a = t?.kind === 'local' ? after.locals.get(t.local) : undefined;
      const inner = `${symbol}.${name}`;
      if (!a) facts.push(this.removed(entry, inner, { kind: 'declaration', module: fromModule, declaration: b }, fromModule));
      else if (b.shape.kind === 'namespace' && a.shape.kind === 'namespace')
        append(facts, this.compareNamespaces(entry, inner, fromModule, b.shape.module, toModule, a.shape.module));
      else
        append(
          facts,
          compareDeclarations(inner, b, a).map((c) => this.changed(entry, inner, c, fromModule, toModule)),
        );
    }
    return facts;
  }

  private removed(
    entry: { name: string; surface: 'public' | 'internal' },
    symbol: string,
    before: Resolved,
    module: string,
  ): ContractChangeFact {
    const declared = before.kind === 'declaration' ? before : undefined;
    const path = declared?.module ?? module;
    const line = declared?.declaration.line;
    return {
      kind: 'contract.change',
      path,
      ...(line !== undefined ? { line } : {}),
      surface: entry.surface,
      entry: entry.name,
      symbol,
      aspect: 'export',
      change: 'removed',
      detail: 'export removed',
      before: declared
        ? declared.declaration.text
        : before.kind === 'namespace'
          ? `* as ${symbol} from ${before.module}`
          : `export ${symbol}`,
      fromAt: line !== undefined ? `${path}:${line}` : path,
    };
  }

  private changed(
    entry: { name: string; surface: 'public' | 'internal' },
    symbol: string,
    c: DeclarationChange,
    fromModule: string,
    toModule: string,
  ): ContractChangeFact {
    const fact: ContractChangeFact = {
      kind: 'contract.change',
      path: fromModule,
      surface: entry.surface,
      entry: entry.name,
      symbol: `${symbol}${c.member}`,
      aspect: c.aspect,
      change: c.change,
      detail: c.detail,
      before: c.before,
      fromAt: c.fromLine ? `${fromModule}:${c.fromLine}` : fromModule,
    };
    if (c.fromLine) fact.line = c.fromLine;
    if (c.after !== undefined) fact.after = c.after;
    if (c.toLine) fact.toAt = `${toModule}:${c.toLine}`;
    else if (isBreaking(c.change) && c.after !== undefined) fact.toAt = toModule;
    return fact;
  }
}
