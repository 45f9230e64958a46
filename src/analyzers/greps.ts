// The fixed strings the analyzers grep for on every release, in one place: each side's first question greps for
// all of them at once (src/git/grep.ts), and every later one of them is answered from those hits.

/** Lines that import a module: which files import which (endpoints/routes/imports.ts, contracts' deep imports). */
export const IMPORT_LINES = ["from '", 'from "', 'require(', 'import(', "import '", 'import "'];

/** The calls that serve tRPC routers (and their OpenAPI wrappers) over HTTP (endpoints/routes/trpc.ts). */
export const TRPC_ADAPTERS = [
  'fetchRequestHandler',
  'createNextApiHandler',
  'createExpressMiddleware',
  'createHTTPHandler',
  'createHTTPServer',
  'fastifyTRPCPlugin',
  'trpcServer',
  'nodeHTTPRequestHandler',
  'createOpenApiFetchHandler',
  'createOpenApiExpressMiddleware',
  'createOpenApiNextHandler',
  'createOpenApiHttpHandler',
  'createOpenApiFastifyPlugin',
];

/** A Nest application's bootstrap (endpoints/routes/nest.ts). */
export const NEST_BOOTSTRAP = 'NestFactory';

/** Nest's module-to-path registry (endpoints/routes/nest.ts). */
export const NEST_ROUTER_MODULE = 'RouterModule';

/** Every string above: what one `git grep` per side looks for. */
export const RELEASE_GREP_PATTERNS: readonly string[] = [...IMPORT_LINES, ...TRPC_ADAPTERS, NEST_BOOTSTRAP, NEST_ROUTER_MODULE];
