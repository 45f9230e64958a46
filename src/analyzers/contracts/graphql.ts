import type { DefinitionNode, DocumentNode, FieldDefinitionNode, InputValueDefinitionNode, TypeNode } from 'graphql';
import { pathAt, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { ChangedFile } from '../../model/report.js';
import type { ContractChangeFact, ContractChangeKind } from '../../model/facts/contracts.js';

// GraphQL schema files: what clients of the running release query or send, and whether `to` still serves it.

interface TypeDef {
  kind: string;
  line: number;
  fields: Map<string, FieldDefinitionNode>;
  inputs: Map<string, InputValueDefinitionNode>;
  values: Map<string, number>;
  members: Map<string, number>;
}

function typesOf(doc: DocumentNode): Map<string, TypeDef> {
  const types = new Map<string, TypeDef>();
  for (const def of doc.definitions as readonly DefinitionNode[]) {
    if (
      !('name' in def) ||
      !def.name ||
      def.kind === 'DirectiveDefinition' ||
      def.kind === 'OperationDefinition' ||
      def.kind === 'FragmentDefinition'
    )
      continue;
    const name = def.name.value;
    const type = types.get(name) ?? {
      kind: def.kind.replace(/Extension$/, 'Definition'),
      line: def.loc?.startToken.line ?? 1,
      fields: new Map(),
      inputs: new Map(),
      values: new Map(),
      members: new Map(),
    };
    if (!types.has(name) || !def.kind.endsWith('Extension')) type.line = def.loc?.startToken.line ?? type.line;
    if ('fields' in def && def.fields) {
      for (const field of def.fields) {
        if (field.kind === 'FieldDefinition') type.fields.set(field.name.value, field);
        else type.inputs.set(field.name.value, field);
      }
    }
    if ('values' in def && def.values) for (const v of def.values) type.values.set(v.name.value, v.loc?.startToken.line ?? type.line);
    if ('types' in def && def.types) for (const t of def.types) type.members.set(t.name.value, t.loc?.startToken.line ?? type.line);
    types.set(name, type);
  }
  return types;
}

const show = (t: TypeNode): string =>
  t.kind === 'NonNullType' ? `${show(t.type)}!` : t.kind === 'ListType' ? `[${show(t.type)}]` : t.name.value;

/** For a value clients SEND (arguments, input fields): non-null at `to` where it was nullable is stricter. */
function inputChange(before: string, after: string): ContractChangeKind | undefined {
  if (before === after) return undefined;
  if (`${before}!` === after) return 'narrowed';
  if (before === `${after}!`) return 'widened';
  return 'changed';
}

/** For a value clients READ (fields): nullable at `to` where it was non-null breaks readers. */
function outputChange(before: string, after: string): ContractChangeKind | undefined {
  const input = inputChange(before, after);
  return input === 'narrowed' ? 'widened' : input === 'widened' ? 'narrowed' : input;
}

const KEYWORD: Record<string, string> = {
  ObjectTypeDefinition: 'type',
  InterfaceTypeDefinition: 'interface',
  InputObjectTypeDefinition: 'input',
  EnumTypeDefinition: 'enum',
  UnionTypeDefinition: 'union',
  ScalarTypeDefinition: 'scalar',
};

const required = (input: InputValueDefinitionNode) => input.type.kind === 'NonNullType' && input.defaultValue === undefined;
const lineOf = (node: { loc?: { startToken: { line: number } } }) => node.loc?.startToken.line ?? 1;
const fieldText = (name: string, f: FieldDefinitionNode) =>
  `${name}${f.arguments && f.arguments.length > 0 ? `(${f.arguments.map((a) => `${a.name.value}: ${show(a.type)}`).join(', ')})` : ''}: ${show(f.type)}`;

export async function graphqlChanges(release: Release, files: ChangedFile[]): Promise<Fact[]> {
  const { parse } = await import('graphql');
  const facts: Fact[] = [];
  for (const file of files) {
    if (!file.fromBlob) continue;
    const texts = { from: release.content(file, 'from').text, to: file.toBlob ? release.content(file, 'to').text : '' };
    if (texts.from === undefined || texts.to === undefined) continue;
    const docs: Partial<Record<'from' | 'to', DocumentNode>> = {};
    let broken = false;
    for (const side of ['from', 'to'] as const) {
      if (texts[side]!.trim() === '') {
        docs[side] = { kind: 'Document' as DocumentNode['kind'], definitions: [] } as unknown as DocumentNode;
        continue;
      }
      try {
        docs[side] = parse(texts[side]!);
      } catch (error) {
        const e = error as { message: string; locations?: { line: number }[] };
        facts.push({
          kind: 'file.unreadable',
          path: file.path,
          side,
          line: e.locations?.[0]?.line,
          reason: `GraphQL syntax error at ${side}: ${e.message.split('\n')[0]}`,
        });
        broken = true;
        break;
      }
    }
    if (broken) continue;
    const before = typesOf(docs.from!);
    const after = typesOf(docs.to!);
    const toPath = pathAt(file, 'to');
    const push = (
      symbol: string,
      change: ContractChangeKind,
      detail: string,
      b: string,
      a: string | undefined,
      line: number,
      toLine?: number,
    ) => {
      const fact: ContractChangeFact = {
        kind: 'contract.change',
        path: file.path,
        line,
        surface: 'public',
        entry: file.path,
        symbol,
        aspect: 'graphql',
        change,
        detail,
        before: b,
        fromAt: `${file.path}:${line}`,
      };
      if (a !== undefined) {
        fact.after = a;
        fact.toAt = toLine ? `${toPath}:${toLine}` : toPath;
      }
      facts.push(fact);
    };
    for (const [name, b] of before) {
      const a = after.get(name);
      if (!a) {
        push(name, 'removed', `type ${name} removed`, `${KEYWORD[b.kind] ?? 'type'} ${name}`, undefined, b.line);
        continue;
      }
      for (const [fieldName, f] of b.fields) {
        const g = a.fields.get(fieldName);
        const symbol = `${name}.${fieldName}`;
        if (!g) {
          push(symbol, 'removed', `field ${symbol} removed`, fieldText(fieldName, f), undefined, lineOf(f));
          continue;
        }
        const type = outputChange(show(f.type), show(g.type));
        if (type)
          push(
            symbol,
            type,
            `field ${symbol} type ${show(f.type)} → ${show(g.type)}`,
            fieldText(fieldName, f),
            fieldText(fieldName, g),
            lineOf(f),
            lineOf(g),
          );
        const argsB = new Map((f.arguments ?? []).map((x) => [x.name.value, x]));
        const argsA = new Map((g.arguments ?? []).map((x) => [x.name.value, x]));
        for (const [argName, x] of argsB) {
          const y = argsA.get(argName);
          if (!y)
            push(
              `${symbol}(${argName})`,
              'removed',
              `argument ${argName} of ${symbol} removed`,
              fieldText(fieldName, f),
              fieldText(fieldName, g),
              lineOf(x),
              lineOf(g),
            );
          else {
            const change =
              inputChange(show(x.type), show(y.type)) ??
              (x.defaultValue && !y.defaultValue && y.type.kind === 'NonNullType' ? 'narrowed' : undefined);
            if (change)
              push(
                `${symbol}(${argName})`,
                change,
                `argument ${argName} of ${symbol} type ${show(x.type)} → ${show(y.type)}`,
                fieldText(fieldName, f),
                fieldText(fieldName, g),
                lineOf(x),
                lineOf(y),
              );
          }
        }
        for (const [argName, y] of argsA) {
          if (!argsB.has(argName) && required(y))
            push(
              `${symbol}(${argName})`,
              'narrowed',
              `required argument ${argName} added to ${symbol}`,
              fieldText(fieldName, f),
              fieldText(fieldName, g),
              lineOf(f),
              lineOf(y),
            );
        }
      }
      for (const [inputName, x] of b.inputs) {
        const y = a.inputs.get(inputName);
        const symbol = `${name}.${inputName}`;
        if (!y) push(symbol, 'removed', `input field ${symbol} removed`, `${inputName}: ${show(x.type)}`, undefined, lineOf(x));
        else {
          const change = inputChange(show(x.type), show(y.type));
          if (change)
            push(
              symbol,
              change,
              `input field ${symbol} type ${show(x.type)} → ${show(y.type)}`,
              `${inputName}: ${show(x.type)}`,
              `${inputName}: ${show(y.type)}`,
              lineOf(x),
              lineOf(y),
            );
        }
      }
      for (const [inputName, y] of a.inputs) {
        if (!b.inputs.has(inputName) && required(y))
          push(
            `${name}.${inputName}`,
            'narrowed',
            `required input field ${name}.${inputName} added`,
            '(absent)',
            `${inputName}: ${show(y.type)}`,
            b.line,
            lineOf(y),
          );
      }
      for (const [value, line] of b.values)
        if (!a.values.has(value)) push(`${name}.${value}`, 'removed', `enum value ${name}.${value} removed`, value, undefined, line);
      for (const [member, line] of b.members)
        if (!a.members.has(member))
          push(`${name}.${member}`, 'removed', `union member ${member} removed from ${name}`, `${name} = … | ${member}`, undefined, line);
    }
  }
  return facts;
}
