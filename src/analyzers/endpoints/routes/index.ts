import type { SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import type { CodeReader } from './code-context.js';
import { Composer } from './compose.js';
import { ImportedConstants } from './constants.js';
import { nestApps, nestEndpoints, nestSignature, routerModulePaths, type NestApp } from './nest.js';
import { nextEndpoints, nextRoutePath, remixEndpoints, remixRoutePath } from './next.js';
import { routerEndpoints, type CodeEndpoints } from './resolve.js';
import { importsModule } from './static.js';
import { trpcFile, trpcHandlers, type TrpcFile, type TrpcHandlers, type TrpcSide } from './trpc.js';

import { mayHaveRouterCalls, mayHaveTrpc } from './detect.js';
export { mayHaveRoutes } from './detect.js';
export { expandRef, procedureEndpoints, type TrpcEntry } from './trpc.js';
export { isCodeFirstSchema, schemaElements } from './graphql.js';
export type { CodeEndpoints, Unresolved } from './resolve.js';

export interface FileEndpoints extends CodeEndpoints {
  trpc?: TrpcFile;
  /** A file with too many routes to compare one by one: how many. */
  tooMany?: number;
}

/** Everything the route readers share at one side of the release. */
export class SideReader implements TrpcSide {
  readonly composer: Composer;
  readonly constants: ImportedConstants;
  private nest?: Promise<{ apps: NestApp[]; modulePaths: Map<string, string> }>;
  private handlers?: Promise<TrpcHandlers>;

  constructor(
    readonly reader: CodeReader,
    readonly side: Side,
  ) {
    this.constants = new ImportedConstants(reader, side);
    this.composer = new Composer(reader, side, this.constants);
  }

  nestConfig(): Promise<{ apps: NestApp[]; modulePaths: Map<string, string> }> {
    this.nest ??= (async () => ({
      apps: await nestApps(this.reader, this.constants, this.side),
      modulePaths: await routerModulePaths(this.reader, this.constants, this.side),
    }))();
    return this.nest;
  }

  async nestSignature(): Promise<string> {
    const { apps, modulePaths } = await this.nestConfig();
    return nestSignature(apps, modulePaths);
  }

  trpcHandlers(): Promise<TrpcHandlers> {
    this.handlers ??= trpcHandlers(this);
    return this.handlers;
  }

  /** Every endpoint one script serves at this side, whatever the framework. */
  async endpoints(file: string, source: SourceFile): Promise<FileEndpoints> {
    const all: FileEndpoints = { endpoints: [], unresolved: [], mounted: [] };
    const add = (part: CodeEndpoints) => {
      all.endpoints.push(...part.endpoints);
      all.unresolved.push(...part.unresolved);
      all.mounted.push(...part.mounted);
    };
    if (nextRoutePath(file)) add(nextEndpoints(file, source));
    if (remixRoutePath(file) !== undefined) add(remixEndpoints(file, source));
    const text = source.getFullText();
    if (importsModule(source, '@nestjs/common')) {
      const { apps, modulePaths } = await this.nestConfig();
      add(await nestEndpoints({ reader: this.reader, side: this.side, constants: this.constants, apps, modulePaths }, file, source));
    } else if (mayHaveRouterCalls(text)) {
      const routes = await routerEndpoints(this, file, source);
      if (routes.tooMany !== undefined) all.tooMany = routes.tooMany;
      add(routes);
    }
    if (mayHaveTrpc(text)) {
      const trpc = await trpcFile(this, file, source);
      if (trpc.entries.length > 0) all.trpc = trpc;
    }
    return all;
  }
}

export function newSideReader(reader: CodeReader, side: Side): SideReader {
  return new SideReader(reader, side);
}
