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

/** What narrows from `from` to `to` in a schema clients send (`request`) or receive (`response`). */
function compareSchemas(from: Obj | undefined, to: Obj | undefined, where: string, direction: 'request' | 'response', out: string[], depth = 0, seen = new Set<Obj>(), owner?: string): void {
  if (!from || !to || depth > MAX_DEPTH || seen.has(from)) return;
  seen.add(from);
  const a = shape(from);
  const b = shape(to);
  if (a.enum && b.enum) {
    const kept = new Set(b.enum.map((v) => JSON.stringify(v)));
    const what = owner ?? (where ? `${direction} field "${where}"` : direction === 'request' ? 'request body' : 'response');
    for (const value of a.enum) if (!kept.has(JSON.stringify(value))) out.push(`${what}: enum value ${JSON.stringify(value)} vanishes`);
  }
  for (const [name, property] of a.properties) {
    const field = where ? `${where}.${name}` : name;
    const target = b.properties.get(name);
    if (!target) {
      if (direction === 'response') out.push(`response field "${field}" disappears`);
      continue;
    }
    if (direction === 'request' && b.required.has(name) && !a.required.has(name)) out.push(`request field "${field}" becomes required`);
    compareSchemas(property, target, field, direction, out, depth + 1, seen);
  }
  if (direction === 'request') {
    for (const name of b.required) if (!a.properties.has(name) && !a.required.has(name) && b.properties.has(name)) out.push(`request field "${where ? `${where}.${name}` : name}" is new and required`);
  }
  compareSchemas(items(from), items(to), `${where}[]`, direction, out, depth + 1, seen);
}

function compareParameters(from: Parameter[], to: Parameter[], out: string[]): void {
  const key = (p: Parameter) => `${p.in}\0${p.name}`;
  const before = new Map(from.map((p) => [key(p), p]));
  for (const p of to) {
    if (p.in === 'path') continue;
    const old = before.get(key(p));
    if (p.required && !old?.required) out.push(`${p.in} parameter "${p.name}" becomes required`);
    if (old) compareSchemas(old.schema, p.schema, '', 'request', out, 0, new Set(), `${p.in} parameter "${p.name}"`);
  }
}

/** Every way the `to` operation accepts less or returns less than the `from` one. */
export function narrowing(from: Operation, to: Operation): string[] {
  const out: string[] = [];
  compareParameters(from.parameters, to.parameters, out);
  if (to.requestBody?.required && !from.requestBody?.required) out.push('request body becomes required');
  compareSchemas(from.requestBody?.schema, to.requestBody?.schema, '', 'request', out);
  for (const [status, schema] of from.responses) compareSchemas(schema, to.responses.get(status), '', 'response', out);
  return [...new Set(out)];
}
