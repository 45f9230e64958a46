import { Node } from '../../../parse/typescript/morph.js';
import type { ClassDeclaration, Decorator, SourceFile } from 'ts-morph';
import { importedModules, lineOf, staticString, excerpt } from './static.js';

// GraphQL schemas written in code (@nestjs/graphql, type-graphql): the operations resolvers serve (`@Query()`,
// `@Mutation()`, `@Subscription()`), the fields they resolve (`@ResolveField()`, `@FieldResolver()`), and the fields
// of output types (`@ObjectType()` classes' `@Field()` properties), as the schema names them.

export interface SchemaElement {
  /** `Query.mockServer`, `MockServer.collection`, or `MockServer` for an output type. */
  symbol: string;
  /** `query`, `mutation`, `subscription`, `field`, or `type`. */
  kind: string;
  /** The type a field belongs to. */
  owner?: string;
  file: string;
  line: number;
  /** The declaration as written, bounded. */
  text: string;
}

const MODULES = /^(@nestjs\/graphql|type-graphql)$/;
const ROOTS: Record<string, string> = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' };

/** Whether a file declares part of a code-first GraphQL schema. */
export function isCodeFirstSchema(source: SourceFile): boolean {
  return [...importedModules(source)].some((m) => MODULES.test(m));
}

/** The options object of a decorator (`@Query(() => T, { name })` or `@Query({ name })`). */
function options(decorator: Decorator): Node | undefined {
  return decorator.getArguments().find((a) => Node.isObjectLiteralExpression(a));
}

function nameOption(decorator: Decorator | undefined): string | undefined {
  const object = decorator && options(decorator);
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  const prop = object.getProperty('name');
  return prop && Node.isPropertyAssignment(prop) ? staticString(prop.getInitializer()) : undefined;
}

/** The type a resolver class resolves fields of: `@Resolver(() => MockServer)`, `@Resolver(of => User)`, `@Resolver('User')`. */
function resolvedType(cls: ClassDeclaration): string | undefined {
  const first = cls.getDecorator('Resolver')?.getArguments()[0];
  if (!first) return undefined;
  if (Node.isArrowFunction(first)) {
    const body = first.getBody();
    return Node.isIdentifier(body) ? body.getText() : undefined;
  }
  return staticString(first);
}

/** The schema name of an object type class: `@ObjectType('Name')`, `@ObjectType({ name })`, or the class name. */
function typeName(cls: ClassDeclaration, decorator: Decorator): string | undefined {
  const first = decorator.getArguments()[0];
  return (first && staticString(first)) ?? nameOption(decorator) ?? cls.getName();
}

export function schemaElements(file: string, source: SourceFile): SchemaElement[] {
  const out: SchemaElement[] = [];
  const add = (symbol: string, kind: string, node: Node, owner?: string) =>
    out.push({
      symbol,
      kind,
      ...(owner ? { owner } : {}),
      file,
      line: lineOf(node),
      text: excerpt(node.getText().split('\n')[0] ?? '', 120),
    });
  for (const cls of source.getClasses()) {
    const objectType = cls.getDecorator('ObjectType') ?? cls.getDecorator('InterfaceType');
    if (objectType) {
      const type = typeName(cls, objectType);
      if (type) {
        add(type, 'type', cls);
        for (const property of cls.getProperties()) {
          const field = property.getDecorator('Field');
          if (field) add(`${type}.${nameOption(field) ?? property.getName()}`, 'field', property, type);
        }
      }
    }
    if (!cls.getDecorator('Resolver')) continue;
    const owner = resolvedType(cls);
    for (const method of cls.getMethods()) {
      for (const decorator of method.getDecorators()) {
        const root = ROOTS[decorator.getName()];
        if (root) add(`${decorator.getName()}.${nameOption(decorator) ?? method.getName()}`, root, method);
        else if (owner && /^(ResolveField|FieldResolver|ResolveProperty)$/.test(decorator.getName()))
          add(`${owner}.${nameOption(decorator) ?? method.getName()}`, 'field', method, owner);
      }
    }
  }
  return out;
}
