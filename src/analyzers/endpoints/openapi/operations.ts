import { canonicalPath, joinPaths } from '../identity.js';
import { specVersionOf, type LoadedSpec } from './load.js';

export const SPEC_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema?: Obj;
}

/** One served operation of a spec, with path-level and operation-level parameters merged. */
export interface Operation {
  method: string;
  /** Full path: server/basePath prefix + template. */
  route: string;
  template: string;
  /** Line of the operation in the root file, looked up when asked (it takes a second read of the spec's text). */
  line(): number | undefined;
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema?: Obj };
  /** Response schemas by status code. */
  responses: Map<string, Obj | undefined>;
}

function prefixOf(doc: Obj, pathItem: Obj, op: Obj): string {
  if (specVersionOf(doc) === 2) return typeof doc.basePath === 'string' ? doc.basePath : '';
  const servers = list(op.servers).length ? op.servers : list(pathItem.servers).length ? pathItem.servers : doc.servers;
  const url = obj(list(servers)[0])?.url;
  if (typeof url !== 'string') return '';
  // Server URLs may be relative and may hold `{variables}`: keep only the path, braces as written.
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{[^}]*\}(?=\/|$)/, '');
  return withoutOrigin.split(/[?#]/)[0] ?? '';
}

function parametersOf(raw: unknown[]): Parameter[] {
  const params: Parameter[] = [];
  for (const p of raw.map(obj)) {
    if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    // OpenAPI 2 puts the schema on the parameter itself (type, enum) for non-body parameters.
    const schema = obj(p.schema) ?? (p.in !== 'body' ? p : undefined);
    params.push({ name: p.name, in: p.in, required: p.required === true || p.in === 'path', schema });
  }
  return params;
}

/** Path-level parameters apply unless the operation redefines the same name and location. */
function mergeParameters(pathLevel: Parameter[], opLevel: Parameter[]): Parameter[] {
  const key = (p: Parameter) => `${p.in}\0${p.name}`;
  const merged = new Map(pathLevel.map((p) => [key(p), p]));
  for (const p of opLevel) merged.set(key(p), p);
  return [...merged.values()];
}

function jsonSchemaOf(content: unknown): Obj | undefined {
  const media = obj(content);
  if (!media) return undefined;
  const preferred = Object.keys(media).find((type) => /json/i.test(type)) ?? Object.keys(media)[0];
  return preferred ? obj(obj(media[preferred])?.schema) : undefined;
}

export function operationsOf(spec: LoadedSpec): Operation[] {
  const doc = spec.doc;
  const v2 = specVersionOf(doc) === 2;
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(obj(doc.paths) ?? {})) {
    const pathItem = obj(item);
    if (!pathItem) continue;
    const pathParams = parametersOf(list(pathItem.parameters));
    for (const method of SPEC_METHODS) {
      const op = obj(pathItem[method]);
      if (!op) continue;
      const all = mergeParameters(pathParams, parametersOf(list(op.parameters)));
      const body = all.find((p) => p.in === 'body');
      const parameters = all.filter((p) => p.in !== 'body' && p.in !== 'formData');
      let requestBody: Operation['requestBody'];
      if (v2 && body) requestBody = { required: body.required, schema: body.schema };
      else if (obj(op.requestBody)) {
        const rb = obj(op.requestBody)!;
        requestBody = { required: rb.required === true, schema: jsonSchemaOf(rb.content) };
      }
      const responses = new Map<string, Obj | undefined>();
      for (const [status, response] of Object.entries(obj(op.responses) ?? {})) {
        const r = obj(response);
        responses.set(status, v2 ? obj(r?.schema) : jsonSchemaOf(r?.content));
      }
      ops.push({
        method: method.toUpperCase(),
        route: joinPaths(prefixOf(doc, pathItem, op), template),
        template,
        line: () => spec.lineOf(['paths', template, method]),
        deprecated: op.deprecated === true,
        parameters,
        requestBody,
        responses,
      });
    }
  }
  return ops;
}

/** OpenAPI 3.1 webhooks: calls the app makes, named, with their methods. */
export function webhooksOf(spec: LoadedSpec): { name: string; method: string; line?: number }[] {
  const hooks: { name: string; method: string; line?: number }[] = [];
  for (const [name, item] of Object.entries(obj(spec.doc.webhooks) ?? {})) {
    for (const method of SPEC_METHODS) {
      if (obj(obj(item)?.[method])) hooks.push({ name, method: method.toUpperCase(), line: spec.lineOf(['webhooks', name, method]) });
    }
  }
  return hooks;
}

/** Templates of one spec that collapse to the same method + path (`/a/{id}` and `/a/{name}`). */
export function collisionsOf(ops: Operation[]): { method: string; templates: string[]; line?: number }[] {
  const groups = new Map<string, Operation[]>();
  for (const op of ops) {
    const key = `${op.method} ${canonicalPath(op.route)}`;
    // Pushed in place: copying the group for each member made 20,000 colliding templates quadratic.
    const group = groups.get(key);
    if (group) group.push(op);
    else groups.set(key, [op]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ method: g[0]!.method, templates: g.map((o) => o.template), line: g[0]!.line() }));
}
