// Cheap tests on names and text, before anything is parsed (no TypeScript loaded here).

const APP_ROUTE = /^(?:.*\/)?(?:src\/)?app\/(.*\/)?route\.(?:ts|js|tsx|jsx|mjs)$/;
const PAGES_API = /^(?:.*\/)?(?:src\/)?pages\/api\/(.*)\.(?:ts|js|tsx|jsx|mjs)$/;
const REMIX_ROUTE = /^(?:.*\/)?app\/routes\/([^/]+?)(?:\/route)?\.(?:ts|js|tsx|jsx|mjs)$/;

/** The URL path a Next.js file serves, or undefined when it is not a route file. */
export function nextRoutePath(file: string): { router: 'app' | 'pages'; path: string } | undefined {
  const app = APP_ROUTE.exec(file);
  if (app) {
    const segments = (app[1] ?? '').split('/').filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
    if (segments.some((s) => s.startsWith('_'))) return undefined; // private folders are not routed
    return { router: 'app', path: '/' + segments.join('/') };
  }
  const pages = PAGES_API.exec(file);
  if (pages && !/(^|\/)_/.test(pages[1]!)) {
    const path = `/api/${pages[1]}`.replace(/\/index$/, '');
    return { router: 'pages', path };
  }
  return undefined;
}

/**
 * The URL path of a Remix / React Router file route (`app/routes/api.v1.orgs.$orgId.ts` or
 * `app/routes/api.v1.orgs.$orgId/route.ts` → `/api/v1/orgs/:orgId`), or undefined when it is not one.
 */
export function remixRoutePath(file: string): string | undefined {
  const match = REMIX_ROUTE.exec(file);
  if (!match) return undefined;
  const segments: string[] = [];
  // `[.]` escapes a dot; `.` separates segments.
  for (const raw of match[1]!.replace(/\[\.\]/g, '\u0000').split('.')) {
    const segment = raw.replace(/\u0000/g, '.').replace(/\[([^\]]*)\]/g, '$1');
    if (segment === '_index' || segment === 'index' || segment === 'route' || segment.startsWith('_')) continue; // index and pathless layout routes
    const name = segment.endsWith('_') ? segment.slice(0, -1) : segment;
    if (name === '$') segments.push('*');
    else if (/^\(\$[^)]+\)$/.test(name)) segments.push(`:${name.slice(2, -1)}?`);
    else if (name.startsWith('$')) segments.push(`:${name.slice(1)}`);
    else if (/^\(.+\)$/.test(name)) segments.push(`${name.slice(1, -1)}`);
    else segments.push(name);
  }
  return '/' + segments.join('/');
}

/** Router-style routes or mounts (Express, Koa, Fastify, Hono), a Nest controller: by imports or call shapes. */
export function mayHaveRouterCalls(text: string): boolean {
  return (
    /from\s+['"](express|fastify|@koa\/router|koa-router|koa|hono(\/[^'"]*)?|@nestjs\/common)['"]|require\(\s*['"](express|fastify|@koa\/router|koa-router|koa)['"]\s*\)/.test(
      text,
    ) ||
    // Routes on a router handed in as a parameter: `router.get('/x', …)`
    hasRouterCall(text)
  );
}

const ROUTER_CALL = /\.(?:get|post|put|patch|delete|del|all|head|options|route|register|use)\(\s*['"`/\w]/g;
const RECEIVER = /^(?:router|app|api|server|fastify|instance|\w+Router)$/;

/**
 * A call such as `router.get('/x'` or `usersRouter.use(`: each `.get(`-like call is found once and the whole word
 * before it is checked, rather than a pattern that tries `\w+Router` at every word of the file.
 */
function hasRouterCall(text: string): boolean {
  for (const call of text.matchAll(ROUTER_CALL)) {
    let start = call.index;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    if (RECEIVER.test(text.slice(start, call.index))) return true;
  }
  return false;
}

/** `\w`: ASCII letters, digits and the underscore. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** tRPC routers (`router({ … })`, `createTRPCRouter({ … })`) or a procedure in a module of its own. */
export function mayHaveTrpc(text: string): boolean {
  return (
    /from\s+['"]@trpc\/server(\/[^'"]*)?['"]/.test(text) ||
    // Each of those names holds `outer`: a plain search first spares most files the pattern, slow to try everywhere.
    (text.includes('outer') &&
      /\b(router|createTRPCRouter|createRouter|mergeRouters)\(\s*[{\w]/.test(text) &&
      /\.(query|mutation|subscription)\(|Router\b/.test(text)) ||
    (/Procedure\b/.test(text) && /\.(query|mutation|subscription)\(/.test(text))
  );
}

/** Whether a script may define routes (cheap test on the text before parsing). */
export function mayHaveRoutes(path: string, text: string): boolean {
  return (
    nextRoutePath(path) !== undefined ||
    // A Remix resource route: a loader or an action, and no page component
    (remixRoutePath(path) !== undefined &&
      /\bexport\s+(const|async\s+function|function|let)\s+(loader|action)\b|\bexport\s*\{[^}]*\b(loader|action)\b/.test(text) &&
      !/\bexport\s+default\b/.test(text)) ||
    mayHaveRouterCalls(text) ||
    mayHaveTrpc(text)
  );
}

/** Calls that look like route registrations (`.get(`, `.post(`, `.route(` …), counted on the text before parsing. */
export function routeCallCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\.(?:get|post|put|patch|delete|del|all|head|options|route|on)\s*\(/g)) n++;
  return n;
}

/**
 * Whether a script that imports `@nestjs/common` serves nothing: Nest serves routes from a class decorated
 * `@Controller`, a name the text must then hold (written out: a Unicode escape could spell it), and the script is
 * neither a file route nor a tRPC router. A Nest service or use case is not parsed for routes.
 */
export function nestWithoutController(path: string, text: string): boolean {
  return (
    !text.includes('Controller') &&
    !text.includes('\\u') &&
    !mayHaveTrpc(text) &&
    nextRoutePath(path) === undefined &&
    remixRoutePath(path) === undefined
  );
}
