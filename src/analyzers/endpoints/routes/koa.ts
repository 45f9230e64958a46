import { Node } from 'ts-morph';
import { calledMethod, calleeText, optionProperty, ROUTE_METHODS, type Dialect } from './dialect.js';
import { staticString } from './static.js';

/** Koa Router: `new Router({ prefix })`, `router.get('/x')` or `router.get('name', '/x')`, `router.prefix()`, `router.use('/x', other.routes())`. */
export const koa: Dialect = {
  name: 'koa',
  modules: /^(@koa\/router|koa-router)$/,
  routerFrom(init) {
    const callee = calleeText(init);
    if (!callee || !/^(Router|KoaRouter)$/.test(callee)) return undefined;
    const options = Node.isNewExpression(init) || Node.isCallExpression(init) ? init.getArguments()[0] : undefined;
    return { prefix: optionProperty(options, 'prefix') };
  },
  routeCall(method, call) {
    if (!ROUTE_METHODS.includes(method)) return undefined;
    const [first, second] = call.getArguments();
    // A named route: router.get('user', '/users/:id', handler)
    const named = first && second && staticString(first) !== undefined && staticString(second) !== undefined;
    return { methods: [method === 'del' ? 'delete' : method], path: named ? second : first };
  },
  mountCall(method, call) {
    if (method !== 'use') return undefined;
    const args = call.getArguments();
    const first = args[0];
    const hasPath = first !== undefined && staticString(first) !== undefined;
    const targets = (hasPath ? args.slice(1) : args).map((a) =>
      Node.isCallExpression(a) && ['routes', 'middleware'].includes(calledMethod(a) ?? '') ? (a.getExpression() as unknown as { getExpression(): Node }).getExpression() : a,
    );
    return { prefix: hasPath ? first : undefined, targets };
  },
  prefixCall(method, call) {
    return method === 'prefix' ? call.getArguments()[0] : undefined;
  },
};
