import { Node, type SourceFile } from 'ts-morph';
import { joinPaths } from '../identity.js';
import type { CodeEndpoints } from './resolve.js';
import { optionProperty } from './dialect.js';
import { staticString } from './static.js';

const DECORATOR_METHODS: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', All: '*' };

/** Paths a decorator argument gives: a string, an array of strings, or `{ path }`; [''] for none. */
function decoratorPaths(arg: Node | undefined): string[] | undefined {
  if (!arg) return [''];
  if (Node.isArrayLiteralExpression(arg)) {
    const values = arg.getElements().map((e) => staticString(e));
    return values.every((v): v is string => v !== undefined) ? values : undefined;
  }
  if (Node.isObjectLiteralExpression(arg)) {
    const path = optionProperty(arg, 'path');
    return path ? decoratorPaths(path) : [''];
  }
  const one = staticString(arg);
  return one === undefined ? undefined : [one];
}

/** `app.setGlobalPrefix('api')` in a bootstrap file. */
export function globalPrefixOf(source: SourceFile): string | undefined {
  let prefix: string | undefined;
  source.forEachDescendant((node) => {
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'setGlobalPrefix') prefix = staticString(node.getArguments()[0]) ?? prefix;
    }
  });
  return prefix;
}

/** NestJS controllers: `@Controller('users')` with `@Get(':id')`, under the global prefix. */
export function nestEndpoints(file: string, source: SourceFile, globalPrefix: string): CodeEndpoints {
  const out: CodeEndpoints = { endpoints: [], unresolved: [] };
  for (const cls of source.getClasses()) {
    const controller = cls.getDecorator('Controller');
    if (!controller) continue;
    const bases = decoratorPaths(controller.getArguments()[0]);
    if (!bases) {
      out.unresolved.push({ file, line: controller.getStartLineNumber(), source: 'nest', reason: 'the controller path is not static', code: controller.getText().slice(0, 160) });
      continue;
    }
    for (const member of cls.getMethods()) {
      for (const decorator of member.getDecorators()) {
        const method = DECORATOR_METHODS[decorator.getName()];
        if (!method) continue;
        const paths = decoratorPaths(decorator.getArguments()[0]);
        if (!paths) {
          out.unresolved.push({ file, line: decorator.getStartLineNumber(), source: 'nest', reason: 'the route path is not static', code: decorator.getText().slice(0, 160) });
          continue;
        }
        for (const base of bases) for (const path of paths) out.endpoints.push({ method, path: joinPaths(globalPrefix, base, path), source: 'nest', file, line: decorator.getStartLineNumber() });
      }
    }
  }
  return out;
}
