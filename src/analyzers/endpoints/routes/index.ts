import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import type { CodeReader } from './code-context.js';
import type { Dialect } from './dialect.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { hono } from './hono.js';
import { koa } from './koa.js';
import { globalPrefixOf, nestEndpoints } from './nest.js';
import { nextEndpoints, nextRoutePath } from './next.js';
export { mayHaveRoutes } from './detect.js';
import { endpointsOfFile, type CodeEndpoints } from './resolve.js';
import { importedModules } from './static.js';
import { trpcEndpoints } from './trpc.js';

export const DIALECTS: readonly Dialect[] = [express, fastify, koa, hono];

import { NEST_BOOTSTRAP } from './detect.js';
export { NEST_BOOTSTRAP } from './detect.js';


export async function nestPrefix(reader: CodeReader, side: Side): Promise<string> {
  for (const path of NEST_BOOTSTRAP) {
    const found = await reader.firstExisting(side, [path]);
    const prefix = found && globalPrefixOf(found.source);
    if (prefix !== undefined && prefix !== '') return prefix;
  }
  return '';
}

/** Every endpoint one script serves at one side, whatever the framework. */
export async function codeEndpoints(reader: CodeReader, side: Side, file: string, source: SourceFile): Promise<CodeEndpoints> {
  const all: CodeEndpoints = { endpoints: [], unresolved: [] };
  const add = (part: CodeEndpoints) => {
    all.endpoints.push(...part.endpoints);
    all.unresolved.push(...part.unresolved);
  };
  if (nextRoutePath(file)) add(nextEndpoints(file, source));
  const modules = importedModules(source);
  for (const dialect of DIALECTS) {
    const text = source.getFullText();
    const required = new RegExp(`require\\(\\s*['"](${dialect.modules.source.replace(/^\^|\$$/g, '')})['"]`).test(text);
    if ([...modules].some((m) => dialect.modules.test(m)) || required) add(await endpointsOfFile(reader, side, file, source, dialect));
  }
  if (modules.has('@nestjs/common')) add(nestEndpoints(file, source, await nestPrefix(reader, side)));
  if ([...modules].some((m) => m.startsWith('@trpc/')) || /\.(router|createTRPCRouter)\(/.test(source.getFullText())) add(await trpcEndpoints(reader, side, file, source));
  return all;
}
