import { Node, SyntaxKind } from '../../../parse/typescript/morph.js';
import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import { isTest } from '../../../parse/kinds.js';
import { ALL_METHODS, EndpointSet, joinPaths } from '../identity.js';
import type { CodeReader } from './code-context.js';
import { evaluateWithImports, type ImportedConstants } from './constants.js';
import { NEST_BOOTSTRAP, NEST_ROUTER_MODULE } from '../../greps.js';
import { unresolvedKey, type CodeEndpoints } from './resolve.js';
import { excerpt, partialValues, staticValues, type ImportedValues, lineOf } from './static.js';
import { unwrap } from './unwrap.js';

// NestJS: `@Controller('cats')` with `@Get(':id')`, under what the app's bootstrap sets (`app.setGlobalPrefix('api',
// { exclude })`, `app.enableVersioning({ type: VersioningType.URI, defaultVersion })` with `@Controller({ version })`
// and `@Version()`), and the paths `RouterModule.register([{ path, module, children }])` gives a module's controllers.

const DECORATOR_METHODS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: ALL_METHODS,
  Search: 'SEARCH',
};

/** What a Nest bootstrap sets for every controller of its package. */
export interface NestApp {
  file: string;
  prefix: string;
  /** Pieces of the global prefix that are not static, named with where they are. */
  unknown: string[];
  /** Routes left out of the global prefix (`exclude: ['health']`). */
  exclude: string[];
  /** URI versioning: the segment prefix (`v`) and the default version. */
  versioning?: { prefix: string; defaultVersion?: string[] };
  /**
   * How surely the file serves the app: 2 it listens, 1 it only initialises it (a serverless handler, or a script
   * that prints the GraphQL schema), 0 neither (a migration script). A package's apps of the highest rank count.
   */
  rank: number;
}

function prop(object: Node | undefined, name: string): Node | undefined {
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  const p = object.getProperty(name);
  return p && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
}

/** Versions from `version: '1'`, `['1', '2']` or `VERSION_NEUTRAL` (null: neutral, no segment). */
function versionsOf(node: Node | undefined, imported?: ImportedValues): string[] | null | undefined {
  if (!node) return undefined;
  if (/VERSION_NEUTRAL/.test(node.getText())) return null;
  return staticValues(node, imported)?.values;
}

/** Whether `setGlobalPrefix(…, { exclude })` leaves a route out (exclude entries are path patterns: `health/(.*)`). */
function excluded(app: NestApp, path: string): boolean {
  if (app.exclude.length === 0) return false;
  const patterns = new EndpointSet(app.exclude.map((p) => ({ method: ALL_METHODS, path: p, source: 'nest', file: app.file, line: 1 })));
  const request = { method: 'GET', path, source: 'nest' };
  return patterns.serves(request) || patterns.answering(request) !== undefined;
}

/** The bootstraps (`NestFactory.create`) of one side, and what each sets. */
export async function nestApps(reader: CodeReader, constants: ImportedConstants, side: Side): Promise<NestApp[]> {
  const hits = await reader.grep(side, [NEST_BOOTSTRAP]);
  const apps: NestApp[] = [];
  for (const path of [...new Set(hits.map((h) => h.path))].sort()) {
    if (isTest(path)) continue;
    const source = await reader.source(side, path);
    if (!source) continue;
    const text = source.getFullText();
    if (!/NestFactory\s*\.\s*create\s*[<(]/.test(text)) continue;
    const app = await evaluateWithImports(constants, (imported) => bootstrapOf(path, source, imported));
    app.rank = /\.listen\s*\(/.test(text) ? 2 : /\.init\s*\(\s*\)/.test(text) ? 1 : 0;
    apps.push(app);
  }
  return apps;
}

function bootstrapOf(file: string, source: SourceFile, imported: ImportedValues): NestApp {
  const app: NestApp = { file, prefix: '', unknown: [], exclude: [], rank: 0 };
  for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const [first, second] = call.getArguments();
    if (callee.getName() === 'setGlobalPrefix' && first) {
      const value = partialValues(first, imported);
      app.prefix = value.values[0] ?? '';
      app.unknown = [
        ...value.unknown.map((piece) => `global prefix set at ${file}:${lineOf(call)} by a computed value \`${piece}\``),
        ...value.fromEnv.map((env) => `global prefix at ${file}:${lineOf(call)} reads environment variable ${env} (its default is shown)`),
      ];
      const exclude = prop(second ? unwrap(second) : undefined, 'exclude');
      if (exclude && Node.isArrayLiteralExpression(exclude)) {
        for (const el of exclude.getElements()) {
          const path = Node.isObjectLiteralExpression(el) ? prop(el, 'path') : el;
          const value = staticValues(path, imported)?.values[0];
          if (value !== undefined) app.exclude.push(joinPaths(value));
        }
      }
    }
    if (callee.getName() === 'enableVersioning') {
      const options = first ? unwrap(first) : undefined;
      const type = prop(options, 'type')?.getText() ?? '';
      if (!/URI/.test(type)) continue;
      const prefixNode = prop(options, 'prefix');
      const prefix = prefixNode?.getText() === 'false' ? '' : (staticValues(prefixNode, imported)?.values[0] ?? 'v');
      const defaults = versionsOf(prop(options, 'defaultVersion'), imported);
      app.versioning = { prefix, ...(defaults ? { defaultVersion: defaults } : {}) };
    }
  }
  return app;
}

/** The directory of the nearest package.json above a file. */
export async function packageDirOf(reader: CodeReader, side: Side, file: string): Promise<string> {
  let dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  for (;;) {
    if (await reader.exists(side, dir ? `${dir}/package.json` : 'package.json')) return dir;
    if (!dir) return '';
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

/** The bootstraps that serve a controller: those of its package, else those above it. */
export async function appsFor(reader: CodeReader, side: Side, apps: NestApp[], file: string): Promise<NestApp[]> {
  if (apps.length <= 1) return apps;
  const dir = await packageDirOf(reader, side, file);
  const inPackage = apps.filter((a) => (dir ? a.file.startsWith(`${dir}/`) : true));
  const candidates = inPackage.length > 0 ? inPackage : apps;
  const best = Math.max(...candidates.map((a) => a.rank));
  return candidates.filter((a) => a.rank === best);
}

/** Module class name → path, from every `RouterModule.register([...])` of one side (children joined). */
export async function routerModulePaths(reader: CodeReader, constants: ImportedConstants, side: Side): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  const hits = await reader.grep(side, [NEST_ROUTER_MODULE]);
  for (const path of [...new Set(hits.map((h) => h.path))].sort()) {
    const source = await reader.source(side, path);
    if (!source) continue;
    await evaluateWithImports(constants, (imported) => {
      const walk = (routes: Node | undefined, base: string) => {
        if (!routes || !Node.isArrayLiteralExpression(routes)) return;
        for (const route of routes.getElements()) {
          const here = joinPaths(base, staticValues(prop(route, 'path'), imported)?.values[0] ?? '');
          const module = prop(route, 'module');
          if (module && Node.isIdentifier(module)) paths.set(module.getText(), here);
          walk(prop(route, 'children'), here);
        }
      };
      for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        if (/RouterModule\.(register|forRoutes)$/.test(call.getExpression().getText())) walk(unwrap(call.getArguments()[0] ?? call), '');
      }
      return undefined;
    });
  }
  return paths;
}

/** The module that lists a controller class, among the importers of its file. */
async function moduleOf(reader: CodeReader, side: Side, file: string, controller: string): Promise<string | undefined> {
  for (const importer of await reader.importers(side, file)) {
    const source = await reader.source(side, importer.path);
    if (!source) continue;
    for (const cls of source.getClasses()) {
      const module = cls.getDecorator('Module');
      const controllers = prop(module?.getArguments()[0], 'controllers');
      if (controllers && Node.isArrayLiteralExpression(controllers) && controllers.getElements().some((e) => e.getText() === controller))
        return cls.getName();
    }
  }
  return undefined;
}

export interface NestContext {
  reader: CodeReader;
  side: Side;
  constants: ImportedConstants;
  apps: NestApp[];
  modulePaths: Map<string, string>;
}

/** Paths a decorator argument gives: a string, an array of strings, or `{ path }`; [''] for none. */
function decoratorPaths(arg: Node | undefined, imported: ImportedValues): string[] | undefined {
  if (!arg) return [''];
  const n = unwrap(arg);
  if (Node.isObjectLiteralExpression(n)) {
    const path = prop(n, 'path');
    return path ? decoratorPaths(path, imported) : [''];
  }
  return staticValues(n, imported)?.values;
}

/** NestJS controllers of one file at one side. */
export async function nestEndpoints(ctx: NestContext, file: string, source: SourceFile): Promise<CodeEndpoints> {
  const out: CodeEndpoints = { endpoints: [], unresolved: [], mounted: [] };
  const apps = await appsFor(ctx.reader, ctx.side, ctx.apps, file);
  const seen = new Map<string, number>();
  for (const cls of source.getClasses()) {
    const controller = cls.getDecorator('Controller');
    if (!controller) continue;
    const name = cls.getName() ?? 'default';
    const modulePath =
      ctx.modulePaths.size > 0 ? (ctx.modulePaths.get((await moduleOf(ctx.reader, ctx.side, file, name)) ?? '') ?? '') : '';
    const found = await evaluateWithImports(ctx.constants, (imported) => {
      const found: CodeEndpoints = { endpoints: [], unresolved: [], mounted: [] };
      const keys = new Map(seen);
      const options = controller.getArguments()[0];
      const bases = decoratorPaths(options, imported);
      const controllerVersions = versionsOf(prop(options ? unwrap(options) : undefined, 'version'), imported);
      if (!bases) {
        found.unresolved.push({
          file,
          line: lineOf(controller),
          source: 'nest',
          reason: 'the controller path is not static',
          code: excerpt(controller.getText(), 120),
          key: unresolvedKey(file, [name, controller.getText()], keys),
        });
        return { found, keys };
      }
      for (const member of cls.getMethods()) {
        const versionDecorator = member.getDecorator('Version');
        const methodVersions = versionDecorator ? versionsOf(versionDecorator.getArguments()[0], imported) : undefined;
        for (const decorator of member.getDecorators()) {
          const method = DECORATOR_METHODS[decorator.getName()];
          if (!method) continue;
          const paths = decoratorPaths(decorator.getArguments()[0], imported);
          if (!paths) {
            found.unresolved.push({
              file,
              line: lineOf(decorator),
              source: 'nest',
              reason: 'the route path is not static',
              code: excerpt(decorator.getText(), 120),
              method,
              key: unresolvedKey(file, [name, member.getName(), decorator.getText()], keys),
            });
            continue;
          }
          for (const app of apps.length > 0 ? apps : [undefined]) {
            const versions =
              methodVersions !== undefined
                ? methodVersions
                : controllerVersions !== undefined
                  ? controllerVersions
                  : (app?.versioning?.defaultVersion ?? null);
            const segments = app?.versioning && versions ? versions.map((v) => `${app.versioning!.prefix}${v}`) : [''];
            for (const base of bases) {
              for (const path of paths) {
                const local = joinPaths(modulePath, base, path);
                const global = app && !excluded(app, joinPaths(base, path)) ? app.prefix : '';
                for (const version of segments) {
                  found.endpoints.push({
                    method,
                    path: joinPaths(global, version, local),
                    source: 'nest',
                    file,
                    line: lineOf(decorator),
                    literal: path,
                    ...(global && app!.unknown.length > 0 ? { prefixUnknown: app!.unknown } : {}),
                  });
                }
              }
            }
          }
        }
      }
      return { found, keys };
    });
    out.endpoints.push(...found.found.endpoints);
    out.unresolved.push(...found.found.unresolved);
    for (const [k, v] of found.keys) seen.set(k, v);
  }
  return out;
}

/** What the bootstraps of a side set, to tell whether the release moved every controller. */
export function nestSignature(apps: NestApp[], modulePaths: Map<string, string>): string {
  return JSON.stringify([apps.map((a) => [a.file, a.prefix, a.exclude, a.versioning ?? null]), [...modulePaths].sort()]);
}
