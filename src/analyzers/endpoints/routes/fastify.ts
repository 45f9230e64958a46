import { calleeText, methodList, optionProperty, simpleRoute, type Dialect } from './dialect.js';

/** Fastify: `fastify.get('/x')`, `fastify.route({ method, url })`, `register(plugin, { prefix })`. */
export const fastify: Dialect = {
  name: 'fastify',
  modules: /^fastify$/,
  pluginParams: true,
  routerFrom(init) {
    const callee = calleeText(init);
    return callee && /^(fastify|Fastify|fastify\.default)$/.test(callee) ? {} : undefined;
  },
  routeCall(method, call) {
    if (method === 'route') {
      const options = call.getArguments()[0];
      const methods = methodList(optionProperty(options, 'method'));
      const path = optionProperty(options, 'url') ?? optionProperty(options, 'path');
      return { methods: methods ?? [], path, dynamicMethod: methods === undefined };
    }
    if (method === 'all') return { methods: ['*'], path: call.getArguments()[0] };
    return simpleRoute(method, call);
  },
  mountCall(method, call) {
    if (method !== 'register') return undefined;
    const [plugin, options] = call.getArguments();
    return plugin ? { prefix: optionProperty(options, 'prefix'), targets: [plugin] } : undefined;
  },
};
