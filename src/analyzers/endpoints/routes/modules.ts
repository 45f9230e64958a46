// Module specifiers resolved the way the app's tooling resolves them: relative paths, `tsconfig` `paths`
// aliases (with `baseUrl` and relative `extends`), package.json `imports` (`#src/*`), and the names of the
// repository's own workspace packages (their `exports`, `main` or `types`, mapped back from build output to
// source). Packages from node_modules are not in the tree: they resolve to nothing.

const SCRIPT_EXTS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
const MAX_EXTENDS = 5;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

export interface ModuleFiles {
  files(): Promise<readonly string[]>;
  exists(path: string): Promise<boolean>;
  text(path: string): Promise<string | undefined>;
}

/** Normalises `a/./b/../c` to `a/c`; undefined when it climbs above the root. */
export function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const join = (dir: string, rel: string) => normalise(dir ? `${dir}/${rel}` : rel);

/** The files a module path may be: as written, with a script extension, or a folder's index. */
export function fileCandidates(base: string): string[] {
  const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
  const out = [base, ...SCRIPT_EXTS.map((e) => `${stem}.${e}`), ...SCRIPT_EXTS.map((e) => `${base}/index.${e}`)];
  // Build output named in package.json (dist/x.js, build/x.d.ts) is compiled from src/x.ts.
  const fromBuild = /^(.*?)(?:^|\/)(?:dist|build|lib|out)\/(.*)$/.exec(stem.replace(/\.d$/, ''));
  if (fromBuild) {
    const src = `${fromBuild[1] ? `${fromBuild[1]}/` : ''}src/${fromBuild[2]}`;
    out.push(...SCRIPT_EXTS.map((e) => `${src}.${e}`), ...SCRIPT_EXTS.map((e) => `${src}/index.${e}`));
  }
  return out.filter((p, i) => out.indexOf(p) === i);
}

/** JSON with comments and trailing commas (tsconfig), or undefined. */
export function parseLooseJson(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = /"(?:[^"\\\n]|\\.)*"/y;
      end.lastIndex = i;
      const m = end.exec(text);
      if (!m) return undefined;
      out += m[0];
      i += m[0].length;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      out += c;
      i++;
    }
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

interface PathAliases {
  base: string;
  paths: [pattern: string, targets: string[]][];
  /** `baseUrl` is set: bare specifiers may name files under it (`routes/users`). */
  baseUrl: boolean;
}

interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Json;
}

/** Target strings of an `exports`/`imports` entry: a string, an array, or conditions (`import`, `types`, …). */
function targetsOf(entry: unknown, depth = 0): string[] {
  if (depth > 4) return [];
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return entry.flatMap((e) => targetsOf(e, depth + 1));
  const o = obj(entry);
  if (!o) return [];
  const order = ['source', 'development', 'types', 'import', 'module', 'node', 'require', 'default'];
  const keys = [...order.filter((k) => k in o), ...Object.keys(o).filter((k) => !order.includes(k))];
  return keys.flatMap((k) => targetsOf(o[k], depth + 1));
}

/** Matches `name` against a `*` pattern (`#src/*`, `@/*`); the part the star stands for, or undefined. */
function starMatch(pattern: string, name: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === name ? '' : undefined;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return name.length >= head.length + tail.length && name.startsWith(head) && name.endsWith(tail)
    ? name.slice(head.length, name.length - tail.length)
    : undefined;
}

export class ModuleResolver {
  private readonly aliases = new Map<string, Promise<PathAliases | undefined>>();
  private readonly manifests = new Map<string, Promise<Json | undefined>>();
  private workspace?: Promise<WorkspacePackage[]>;
  private readonly memo = new Map<string, Promise<string | undefined>>();

  constructor(private readonly tree: ModuleFiles) {}

  resolve(fromFile: string, specifier: string): Promise<string | undefined> {
    const key = `${dirOf(fromFile)}\0${specifier}`;
    let result = this.memo.get(key);
    if (!result) {
      result = this.resolveUncached(fromFile, specifier).catch(() => undefined);
      this.memo.set(key, result);
    }
    return result;
  }

  private async first(bases: (string | undefined)[]): Promise<string | undefined> {
    for (const base of bases) {
      if (base === undefined) continue;
      for (const candidate of fileCandidates(base)) if (await this.tree.exists(candidate)) return candidate;
    }
    return undefined;
  }

  private async resolveUncached(fromFile: string, specifier: string): Promise<string | undefined> {
    if (specifier.startsWith('.')) return this.first([join(dirOf(fromFile), specifier)]);
    if (specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) return undefined;
    const aliases = await this.aliasesFor(dirOf(fromFile));
    if (aliases) {
      for (const [pattern, targets] of aliases.paths) {
        const star = starMatch(pattern, specifier);
        if (star === undefined) continue;
        const found = await this.first(targets.map((t) => join(aliases.base, t.replace('*', star))));
        if (found) return found;
      }
      if (aliases.baseUrl) {
        const found = await this.first([join(aliases.base, specifier)]);
        if (found) return found;
      }
    }
    if (specifier.startsWith('#')) {
      const pkg = await this.packageOf(fromFile);
      const imports = obj(pkg?.manifest.imports);
      if (pkg && imports) {
        for (const [pattern, entry] of Object.entries(imports)) {
          const star = starMatch(pattern, specifier);
          if (star === undefined) continue;
          const found = await this.first(targetsOf(entry).map((t) => join(pkg.dir, t.replace('*', star))));
          if (found) return found;
        }
      }
      return undefined;
    }
    return this.resolveWorkspace(specifier);
  }

  private async resolveWorkspace(specifier: string): Promise<string | undefined> {
    for (const pkg of await this.packages()) {
      if (specifier !== pkg.name && !specifier.startsWith(`${pkg.name}/`)) continue;
      const sub = specifier === pkg.name ? '.' : `./${specifier.slice(pkg.name.length + 1)}`;
      const exports = pkg.manifest.exports;
      const entries = typeof exports === 'string' || Array.isArray(exports) ? { '.': exports } : obj(exports);
      const bases: (string | undefined)[] = [];
      if (entries && Object.keys(entries).some((k) => k.startsWith('.'))) {
        for (const [pattern, entry] of Object.entries(entries)) {
          const star = starMatch(pattern, sub);
          if (star !== undefined) bases.push(...targetsOf(entry).map((t) => join(pkg.dir, t.replace('*', star))));
        }
      }
      if (sub === '.') {
        for (const field of ['source', 'types', 'typings', 'module', 'main']) {
          const value = pkg.manifest[field];
          if (typeof value === 'string') bases.push(join(pkg.dir, value));
        }
        bases.push(join(pkg.dir, 'src/index'), join(pkg.dir, 'index'));
      } else {
        bases.push(join(pkg.dir, sub), join(pkg.dir, `src/${sub.slice(2)}`));
      }
      return this.first(bases);
    }
    return undefined;
  }

  /** Names under which the workspace imports `file` as a package entry (`@acme/db` for packages/db/src/index.ts). */
  async packageNamesOf(file: string): Promise<string[]> {
    const names: string[] = [];
    for (const pkg of await this.packages()) {
      if (pkg.dir && !file.startsWith(`${pkg.dir}/`)) continue;
      if ((await this.resolveWorkspace(pkg.name)) === file) names.push(pkg.name);
    }
    return names;
  }

  private manifest(path: string): Promise<Json | undefined> {
    let result = this.manifests.get(path);
    if (!result) {
      result = this.tree.text(path).then((text) => (text === undefined ? undefined : obj(parseLooseJson(text))));
      this.manifests.set(path, result);
    }
    return result;
  }

  /** The repository's own packages (package.json files outside node_modules that have a name). */
  private packages(): Promise<WorkspacePackage[]> {
    this.workspace ??= (async () => {
      const out: WorkspacePackage[] = [];
      const manifests = (await this.tree.files()).filter((p) => /(^|\/)package\.json$/.test(p) && !/(^|\/)node_modules\//.test(p));
      if (manifests.length > 500) return out;
      for (const path of manifests) {
        const manifest = await this.manifest(path);
        if (manifest && typeof manifest.name === 'string' && manifest.name) out.push({ name: manifest.name, dir: dirOf(path), manifest });
      }
      // The longest name first: `@a/b-c` before `@a/b`.
      return out.sort((a, b) => b.name.length - a.name.length);
    })();
    return this.workspace;
  }

  /** The nearest package.json above a file. */
  private async packageOf(file: string): Promise<WorkspacePackage | undefined> {
    let dir = dirOf(file);
    for (let i = 0; i < 30; i++) {
      const path = dir ? `${dir}/package.json` : 'package.json';
      if (await this.tree.exists(path)) {
        const manifest = await this.manifest(path);
        return manifest ? { name: typeof manifest.name === 'string' ? manifest.name : '', dir, manifest } : undefined;
      }
      if (!dir) return undefined;
      dir = dirOf(dir);
    }
    return undefined;
  }

  /** `paths` of the nearest tsconfig.json (or jsconfig.json) above `dir`, following relative `extends`. */
  private aliasesFor(dir: string): Promise<PathAliases | undefined> {
    let result = this.aliases.get(dir);
    if (!result) {
      result = (async () => {
        for (const name of ['tsconfig.json', 'jsconfig.json']) {
          const path = dir ? `${dir}/${name}` : name;
          if (await this.tree.exists(path)) return this.readAliases(path, 0);
        }
        return dir ? this.aliasesFor(dirOf(dir)) : undefined;
      })();
      this.aliases.set(dir, result);
    }
    return result;
  }

  private async readAliases(path: string, depth: number): Promise<PathAliases | undefined> {
    const config = await this.manifest(path);
    if (!config) return undefined;
    const options = obj(config.compilerOptions);
    const paths = obj(options?.paths);
    const here = dirOf(path);
    if (paths || typeof options?.baseUrl === 'string') {
      const base = typeof options?.baseUrl === 'string' ? (join(here, options.baseUrl) ?? here) : here;
      const entries = Object.entries(paths ?? {}).map(([pattern, targets]): [string, string[]] => [
        pattern,
        Array.isArray(targets) ? targets.filter((t): t is string => typeof t === 'string') : [],
      ]);
      // The most specific pattern first, as TypeScript does.
      entries.sort((a, b) => b[0].indexOf('*') - a[0].indexOf('*') || b[0].length - a[0].length);
      return { base, paths: entries, baseUrl: typeof options?.baseUrl === 'string' };
    }
    const parents =
      typeof config.extends === 'string'
        ? [config.extends]
        : Array.isArray(config.extends)
          ? config.extends.filter((e): e is string => typeof e === 'string')
          : [];
    for (const parent of parents.reverse()) {
      if (!parent.startsWith('.') || depth >= MAX_EXTENDS) continue;
      const target = join(here, parent.endsWith('.json') ? parent : `${parent}.json`);
      if (target && (await this.tree.exists(target))) {
        const found = await this.readAliases(target, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
}
