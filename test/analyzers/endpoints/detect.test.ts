// Which scripts may register routes, decided on the text before any parse.
import { describe, expect, it } from 'vitest';
import { mayHaveRouterCalls } from '../../../src/analyzers/endpoints/routes/detect.js';

/** The pattern the receiver check replaced: the same answers are expected, found without its backtracking. */
const REFERENCE =
  /\b(router|app|api|server|fastify|instance|\w+Router)\.(get|post|put|patch|delete|del|all|head|options|route|register|use)\(\s*['"`/\w]/;

describe('mayHaveRouterCalls', () => {
  it.each([
    ['router.get("/x", h)', true],
    ['usersRouter.use(auth)', true],
    ['$router.post(`/x`)', true],
    ['x.app.route("/a")', true],
    ['fastify.register(plugin)', true],
    ['router.get( "/x")', true],
    ['myrouter.get("/x")', false],
    ['cache.get(key)', false],
    ['app.listen(3000)', false],
    ['app .get("/x")', false],
    ['router.get(-1)', false],
    ['Router.get("/x")', false],
  ])('%s → %s, as the pattern it replaced', (text, expected) => {
    expect(mayHaveRouterCalls(text)).toBe(expected);
    expect(REFERENCE.test(text)).toBe(expected);
  });

  it('answers as the replaced pattern on generated texts of words, dots and calls', () => {
    const words = ['router', 'app', 'myRouter', 'Router', 'a_b', 'x1', '$r', 'map', 'instance', 'apiRouter'];
    const calls = ['.get(', '.use( ', '.post(`', '.listen(', '.route(/', ' .get(', '.all("'];
    let seed = 7;
    const pick = <T>(list: readonly T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length]!;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 4 }, () => `${pick(words)}${pick(calls)}${pick(["'", 'x', '1', ')', ' '])}`).join(
        pick(['', ' ', '.', '\n']),
      );
      expect(mayHaveRouterCalls(text), text).toBe(REFERENCE.test(text));
    }
  });
});
