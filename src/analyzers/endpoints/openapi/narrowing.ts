import { excerpt } from '../../../util/sanitize.js';
import type { Operation, Parameter } from './operations.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const MAX_DEPTH = 8;

/** Properties and required names of a schema, `allOf` members folded in (shallowly). */
function shape(schema: Obj | undefined, seen = new Set<Obj>()): { properties: Map<string, Obj>; required: Set<string>; enum?: unknown[] } {
  const properties = new Map<string, Obj>();
  const required = new Set<string>();
  if (!schema || seen.has(schema)) return { properties, required };
  seen.add(schema);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const inner = shape(obj(part), seen);
    inner.properties.forEach((v, k) => properties.set(k, v));
    inner.required.forEach((r) => required.add(r));
  }
  for (const [name, value] of Object.entries(obj(schema.properties) ?? {})) {
    const property = obj(value);
    if (property) properties.set(name, property);
  }
  for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === 'string') required.add(name);
  return { properties, required, enum: Array.isArray(schema.enum) ? schema.enum : undefined };
}

const items = (schema: Obj | undefined) => obj(schema?.items);

/** A schema as text for comparison; undefined for a cycle or a subtree too large to read. */
function serialise(value: unknown, ancestors: Set<unknown>, budget: { left: number }): string | undefined {
  if (--budget.left < 0) return undefined;
  if (!value || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (ancestors.has(value)) return undefined;
  ancestors.add(value);
  const parts: string[] = [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, v] of entries) {
    const inner = serialise(v, ancestors, budget);
    if (inner === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${inner}`);
  }
  ancestors.delete(value);
  return `{${parts.join(',')}}`;
}

/**
 * Schemas as text (`serialise`, undefined: not known), by object: a dereferenced spec holds the schema a `$ref` names
 * as one object wherever it is used, so it is read once however many operations reach it.
 */
const texts = new WeakMap<Obj, string | undefined>();

function textOf(schema: Obj): string | undefined {
  if (texts.has(schema)) return texts.get(schema);
  const text = serialise(schema, new Set(), { left: 20_000 });
  texts.set(schema, text);
  return text;
}

/** The same JSON below a point, as far as a bounded reading can tell (a cycle or a huge subtree is "not known"). */
function sameSchema(a: Obj, b: Obj): boolean {
  const left = textOf(a);
  return left !== undefined && left === textOf(b);
}

/** What one comparison found: the narrowings, and where schemas go deeper than the comparison does. */
interface Found {
  changes: string[];
  /** Fields below the depth limit, not compared (a person reads them). */
  beyond: string[];
  /** Pairs of schemas already compared: a schema used twice is compared against each counterpart once. */
  pairs: Map<Obj, Set<Obj>>;
}

/** What narrows from `from` to `to` in a schema clients send (`request`) or receive (`response`). */
function compareSchemas(
  from: Obj | undefined,
  to: Obj | undefined,
  where: string,
  direction: 'request' | 'response',
  out: Found,
  depth = 0,
  owner?: string,
): void {
  if (!from || !to) return;
  let counterparts = out.pairs.get(from);
  if (counterparts?.has(to)) return;
  if (!counterparts) out.pairs.set(from, (counterparts = new Set()));
  counterparts.add(to);
  if (depth > MAX_DEPTH) {
    if (!sameSchema(from, to)) out.beyond.push(`${direction} ${excerpt(where || 'body', 60)}`);
    return;
  }
  const a = shape(from);
  const b = shape(to);
  if (a.enum && b.enum) {
    const kept = new Set(b.enum.map((v) => JSON.stringify(v)));
    const what = owner ?? (where ? `${direction} field "${excerpt(where)}"` : direction === 'request' ? 'request body' : 'response');
    for (const value of a.enum)
      if (!kept.has(JSON.stringify(value))) out.changes.push(`${what}: enum value ${excerpt(JSON.stringify(value))} vanishes`);
  }
  for (const [name, property] of a.properties) {
    const field = where ? `${where}.${name}` : name;
    const target = b.properties.get(name);
    if (!target) {
      if (direction === 'response') out.changes.push(`response field "${excerpt(field)}" disappears`);
      continue;
    }
    if (direction === 'request' && b.required.has(name) && !a.required.has(name))
      out.changes.push(`request field "${excerpt(field)}" becomes required`);
    compareSchemas(property, target, field, direction, out, depth + 1);
  }
  if (direction === 'request') {
    for (const name of b.required)
      if (!a.properties.has(name) && !a.required.has(name) && b.properties.has(name))
        out.changes.push(`request field "${excerpt(where ? `${where}.${name}` : name)}" is new and required`);
  }
  compareSchemas(items(from), items(to), `${where}[]`, direction, out, depth + 1);
}

function compareParameters(from: Parameter[], to: Parameter[], out: Found): void {
  const key = (p: Parameter) => `${p.in}\0${p.name}`;
  const before = new Map(from.map((p) => [key(p), p]));
  for (const p of to) {
    if (p.in === 'path') continue;
    const old = before.get(key(p));
    if (p.required && !old?.required) out.changes.push(`${p.in} parameter "${excerpt(p.name)}" becomes required`);
    if (old) compareSchemas(old.schema, p.schema, '', 'request', out, 0, `${p.in} parameter "${excerpt(p.name)}"`);
  }
}

/**
 * Every way the `to` operation accepts less or returns less than the `from` one, and the fields nested deeper than
 * the comparison goes (what is there is not known to be unchanged).
 */
export function narrowing(from: Operation, to: Operation): { changes: string[]; beyond: string[] } {
  const out: Found = { changes: [], beyond: [], pairs: new Map() };
  compareParameters(from.parameters, to.parameters, out);
  if (to.requestBody?.required && !from.requestBody?.required) out.changes.push('request body becomes required');
  compareSchemas(from.requestBody?.schema, to.requestBody?.schema, '', 'request', out);
  for (const [status, schema] of from.responses) compareSchemas(schema, to.responses.get(status), '', 'response', out);
  return { changes: [...new Set(out.changes)], beyond: [...new Set(out.beyond)] };
}
