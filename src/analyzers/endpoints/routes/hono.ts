import { Node } from 'ts-morph';
import { methodList, simpleRoute, type Dialect } from './dialect.js';

/** Hono: `app.get('/x')`, `app.on('GET', '/x')`, `app.route('/x', sub)`, `new Hono().basePath('/api')`. */
export const hono: Dialect = {
  name: 'hono',
  modules: /^hono(\/.*)?$/,
  routerFrom(init) {
    let node: Node = init;
    let prefix: Node | undefined;
    // new Hono().basePath('/api')
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'basePath') {
        prefix = node.getArguments()[0];
        node = callee.getExpression();
      }
    }
    return Node.isNewExpression(node) && /^(Hono|OpenAPIHono)$/.test(node.getExpression().getText()) ? { prefix } : undefined;
  },
  routeCall(method, call) {
    if (method === 'on') {
      const [methods, path] = call.getArguments();
      const list = methodList(methods);
      return { methods: list ?? [], path, dynamicMethod: list === undefined };
    }
    return simpleRoute(method, call);
  },
  mountCall(method, call) {
    if (method !== 'route') return undefined;
    const [prefix, sub] = call.getArguments();
    return sub ? { prefix, targets: [sub] } : undefined;
  },
};
