import { Node } from 'ts-morph';
import { calleeText, simpleRoute, type Dialect } from './dialect.js';

/** Express: `app.get('/x')`, `app.all`, `router.route('/x').get()`, `app.use('/api', router)`. */
export const express: Dialect = {
  name: 'express',
  modules: /^express$/,
  routerFrom(init) {
    const callee = calleeText(init);
    return callee && /^(express|express\.Router|Router|express\.default)$/.test(callee) ? {} : undefined;
  },
  // app.get('env') with one argument reads a setting; a route has a handler.
  routeCall: (method, call) => (call.getArguments().length >= 2 ? simpleRoute(method, call) : undefined),
  mountCall(method, call) {
    if (method !== 'use') return undefined;
    const args = call.getArguments();
    const first = args[0];
    const hasPath = first !== undefined && (Node.isStringLiteral(first) || Node.isTemplateExpression(first) || Node.isNoSubstitutionTemplateLiteral(first) || Node.isBinaryExpression(first));
    return { prefix: hasPath ? first : undefined, targets: hasPath ? args.slice(1) : args };
  },
  subRouteCall(method, call) {
    return method === 'route' ? call.getArguments()[0] : undefined;
  },
};
