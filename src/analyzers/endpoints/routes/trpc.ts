import { Node, type SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import type { CodeReader } from './code-context.js';
import type { CodeEndpoints } from './resolve.js';
import { constInitializer, exportsOf, importsOf, moduleCandidates } from './static.js';

const PROCEDURE_KINDS: Record<string, string> = { query: 'QUERY', mutation: 'MUTATION', subscription: 'SUBSCRIPTION' };
const MAX_DEPTH = 8;

/** `router({...})`, `t.router({...})`, `createTRPCRouter({...})`: the object literal of procedures. */
function routerObject(node: Node | undefined): Node | undefined {
  if (!node || !Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression().getText();
  if (!/(^|\.)(router|createTRPCRouter|createRouter)$/.test(callee)) return undefined;
  const arg = node.getArguments()[0];
  return arg && Node.isObjectLiteralExpression(arg) ? arg : undefined;
}

/** The procedure kind at the end of a builder chain: `publicProcedure.input(x).query(fn)`. */
function procedureKind(node: Node): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  return Node.isPropertyAccessExpression(callee) ? PROCEDURE_KINDS[callee.getName()] : undefined;
}

/** tRPC procedures by router key path (`users.byId`), following sub-routers declared in the file or imported. */
export async function trpcEndpoints(reader: CodeReader, side: Side, file: string, source: SourceFile, upward = true): Promise<CodeEndpoints> {
  const out: CodeEndpoints = { endpoints: [], unresolved: [] };
  const nested = new Set<Node>();

  /** A sub-router named by an identifier: a const of its file, or an export of an imported module. */
  const resolveRouter = async (name: string, where: SourceFile, whereFile: string): Promise<{ obj: Node; file: string; source: SourceFile } | undefined> => {
    const local = routerObject(constInitializer(where, name));
    if (local) return { obj: local, file: whereFile, source: where };
    const imported = importsOf(where).get(name);
    if (!imported) return undefined;
    const found = await reader.firstExisting(side, moduleCandidates(whereFile, imported.module));
    const exported = found && exportsOf(found.source).get(imported.name);
    const obj = found && exported ? routerObject(constInitializer(found.source, exported)) : undefined;
    return obj && found ? { obj, file: found.path, source: found.source } : undefined;
  };

  const walk = async (obj: Node, prefix: string, depth: number, at: SourceFile, atFile: string, emit: boolean): Promise<void> => {
    if (depth > MAX_DEPTH || !Node.isObjectLiteralExpression(obj)) return;
    for (const prop of obj.getProperties()) {
      if (!Node.isPropertyAssignment(prop) && !Node.isShorthandPropertyAssignment(prop)) continue;
      const key = prop.getName().replace(/^['"]|['"]$/g, '');
      const path = prefix ? `${prefix}.${key}` : key;
      const value: Node | undefined = Node.isPropertyAssignment(prop) ? prop.getInitializer() : prop.getNameNode();
      if (!value) continue;
      const kind = procedureKind(value);
      if (kind) {
        if (emit) out.endpoints.push({ method: kind, path: `/${path}`, source: 'trpc', file: atFile, line: prop.getStartLineNumber(), literal: key });
        continue;
      }
      const inline = routerObject(value);
      if (inline) {
        nested.add(inline);
        await walk(inline, path, depth + 1, at, atFile, emit);
        continue;
      }
      if (Node.isIdentifier(value)) {
        const sub = await resolveRouter(value.getText(), at, atFile);
        if (sub) {
          nested.add(sub.obj);
          await walk(sub.obj, path, depth + 1, sub.source, sub.file, emit);
          continue;
        }
      }
      if (emit) out.unresolved.push({ file: atFile, line: prop.getStartLineNumber(), source: 'trpc', reason: `procedure or router "${path}" not found statically`, code: prop.getText().split('\n')[0]!.slice(0, 160) });
    }
  };

  const roots: Node[] = [];
  source.forEachDescendant((node) => {
    const obj = routerObject(node);
    if (obj) roots.push(obj);
  });
  // A first pass finds which routers are nested in others; only the outermost ones are walked for endpoints.
  for (const root of roots) await walk(root, '', 0, source, file, false);
  const exported = new Set(exportsOf(source).values());
  for (const root of roots) {
    if (nested.has(root)) continue;
    const name = root.getParentOrThrow().getParent();
    const declared = name && Node.isVariableDeclaration(name) ? name.getName() : undefined;
    // An exported router is usually mounted under a key by another module: take its key path from there.
    const mounted = upward && declared && exported.has(declared) ? await mountedElsewhere(reader, side, file) : [];
    if (mounted.length > 0) out.endpoints.push(...mounted);
    else await walk(root, '', 0, source, file, true);
  }
  return out;
}

/** Endpoints of `file` as the modules beside it (or in its parent folder) that import it see them. */
async function mountedElsewhere(reader: CodeReader, side: Side, file: string): Promise<CodeEndpoints['endpoints']> {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  const found: CodeEndpoints['endpoints'] = [];
  for (const d of dir ? [dir, parent] : [dir]) {
    for (const candidate of await reader.list(side, d)) {
      if (candidate === file) continue;
      const source = await reader.source(side, candidate);
      if (!source || ![...importsOf(source).values()].some((i) => moduleCandidates(candidate, i.module).includes(file))) continue;
      found.push(...(await trpcEndpoints(reader, side, candidate, source, false)).endpoints.filter((e) => e.file === file));
    }
  }
  return found;
}
