// Cheap tests on names and text, before anything is parsed (no TypeScript loaded here).

const APP_ROUTE = /^(?:.*\/)?(?:src\/)?app\/(.*\/)?route\.(?:ts|js|tsx|jsx|mjs)$/;
const PAGES_API = /^(?:.*\/)?(?:src\/)?pages\/api\/(.*)\.(?:ts|js|tsx|jsx|mjs)$/;

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

/** Whether a script may define routes (cheap test on the text before parsing). */
export function mayHaveRoutes(path: string, text: string): boolean {
  return nextRoutePath(path) !== undefined || /from\s+['"](express|fastify|@koa\/router|koa-router|hono(\/[^'"]*)?|@nestjs\/common|@trpc\/server)['"]|require\(\s*['"](express|fastify|@koa\/router|koa-router)['"]\s*\)|\.(router|createTRPCRouter)\(/.test(text);
}

/** Where a NestJS app sets its global prefix. */
export const NEST_BOOTSTRAP = ['src/main.ts', 'main.ts', 'src/main.js', 'main.js'];
