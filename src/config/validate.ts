import { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { oneLine } from '../util/sanitize.js';
import { RULES } from '../../rules/index.js';
import { configSchema, type Config } from './schema.js';
import { closest } from './suggest.js';

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

/**
 * Validates a configuration as read from a file (or given to the API) and fills the defaults.
 * Any problem is a UsageError of one line: where (`source` and key path), the bad value,
 * what is allowed, and the closest allowed name when it looks like a typo.
 */
export function parseConfig(raw: unknown, source: string): Config {
  const shape = shapeProblem(raw, [], new Set(), { nodes: 0 });
  if (shape) throw configError(source, shape);
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) throw configError(source, describeIssue(configSchema, parsed.error.issues[0]!, raw, []));
  const config = parsed.data;

  const builtIn = Object.keys(RULES);
  const custom = new Set<string>();
  config.customRules.forEach((rule, i) => {
    if (builtIn.includes(rule.id)) {
      throw configError(source, {
        path: ['customRules', i, 'id'],
        problem: `"${rule.id}" is the id of a built-in rule`,
        fix: 'give the custom rule an id of its own',
      });
    }
    if (custom.has(rule.id)) {
      throw configError(source, {
        path: ['customRules', i, 'id'],
        problem: `"${rule.id}" is used by two custom rules`,
        fix: 'give each custom rule an id of its own',
      });
    }
    custom.add(rule.id);
  });

  const known = [...builtIn, ...custom];
  // The ids as written (JSON and YAML keep `__proto__` as a key of its own; the validated object would not), and
  // only the registry's own: `constructor` or `toString` are no rule ids.
  const written = isRecord(raw) && isRecord(raw.rules) ? Object.keys(raw.rules) : Object.keys(config.rules);
  for (const id of written) {
    const rule = Object.hasOwn(RULES, id) ? (RULES as Record<string, (typeof RULES)[keyof typeof RULES]>)[id] : undefined;
    const setting = Object.hasOwn(config.rules, id) ? config.rules[id] : undefined;
    if (!rule && !custom.has(id)) {
      const near = closest(id, known);
      throw configError(source, {
        path: ['rules', id],
        problem: 'no rule has this id',
        fix: `${near ? `did you mean ${near}? ` : ''}\`rollback-ready rules\` lists the rule ids`,
      });
    }
    const options = typeof setting === 'object' ? setting.options : undefined;
    if (options === undefined) continue;
    if (!rule?.options) {
      if (Object.keys(options).length > 0) {
        throw configError(source, {
          path: ['rules', id, 'options'],
          problem: 'this rule takes no options',
          fix: `remove the options of ${id}`,
        });
      }
      continue;
    }
    const schema = rule.options.schema(z);
    const result = schema.safeParse(options);
    if (!result.success) {
      throw configError(source, describeIssue(schema, result.error.issues[0]!, options, ['rules', id, 'options']));
    }
    // The rule runs with the options as checked, defaults filled.
    (setting as { options?: unknown }).options = result.data;
  }
  return config;
}

interface Problem {
  path: Path;
  problem: string;
  fix: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Far deeper than any setting (customRules[].when.paths[] is 4 levels), far shallower than a stack. */
export const MAX_CONFIG_DEPTH = 32;
/** Values in all (a YAML alias counts each time it is used). */
const MAX_CONFIG_NODES = 100_000;

/**
 * What would make a config impossible to validate or print: nesting deeper than MAX_CONFIG_DEPTH, a value that
 * contains itself (a YAML alias inside its own anchor), or too many values. Undefined when none.
 */
function shapeProblem(value: unknown, path: PropertyKey[], ancestors: Set<object>, count: { nodes: number }): Problem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.has(value))
    return { path, problem: 'contains itself (a YAML alias inside its own anchor)', fix: 'write the value out instead of the alias' };
  if (path.length >= MAX_CONFIG_DEPTH)
    return {
      path: path.slice(0, 4),
      problem: `is nested more than ${MAX_CONFIG_DEPTH} levels deep`,
      fix: 'no setting is nested that deep: check the file',
    };
  ancestors.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (++count.nodes > MAX_CONFIG_NODES)
      return { path: [], problem: `holds more than ${MAX_CONFIG_NODES} values`, fix: 'check the file: no setting needs that many' };
    const problem = shapeProblem(item, [...path, Array.isArray(value) ? Number(key) : key], ancestors, count);
    if (problem) return problem;
  }
  ancestors.delete(value);
  return undefined;
}

function configError(source: string, { path, problem, fix }: Problem): UsageError {
  const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
  return new UsageError(`config ${oneLine(source)}: ${oneLine(where)}${oneLine(problem)}`, oneLine(fix));
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function showValue(value: unknown): string {
  if (value === undefined) return 'a missing value';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeIssue(schema: z.ZodType, issue: Issue, root: unknown, prefix: Path): Problem {
  const value = valueAt(root, issue.path);
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const allowed = keysAt(schema, issue.path);
      const near = closest(key, allowed);
      return {
        path: [...path, key],
        problem: 'unknown key',
        fix: `${near ? `did you mean ${near}? ` : ''}allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const near = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        path,
        problem: `${showValue(value)} is not allowed`,
        fix: `use one of: ${allowed.join(', ')}${near ? ` — did you mean ${near}?` : ''}`,
      };
    }
    case 'invalid_union': {
      // Values the plain branches accept, or the problem inside the one object branch the value is meant for.
      const branches = issue.errors;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        // The branch whose problem lies inside the object (a wrong key or value), not in its type.
        const inner = branches.find((b) => b.length > 0 && b.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
        if (inner) {
          const relative = { ...inner[0]!, path: [...issue.path, ...inner[0]!.path] } as Issue;
          return describeIssue(schema, relative, root, prefix);
        }
      }
      const allowed = branches.flatMap((b) =>
        b.flatMap((i) => (i.code === 'invalid_value' && i.path.length === 0 ? i.values.map(String) : [])),
      );
      const objectBranch = branches.some((b) => b.some((i) => i.code === 'invalid_type' && i.expected === 'object'));
      const near = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        path,
        problem: `${showValue(value)} is not allowed`,
        fix: `use one of: ${[...allowed, ...(objectBranch ? ['{ severity, options }'] : [])].join(', ')}${near ? ` — did you mean ${near}?` : ''}`,
      };
    }
    case 'invalid_type':
      return {
        path,
        problem: value === undefined ? 'is required' : `${showValue(value)} is not ${article(issue.expected)}`,
        fix: `use ${article(issue.expected)}`,
      };
    default:
      return { path, problem: `${showValue(value)} is not allowed`, fix: lowerFirst(issue.message) };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The keys the object schema at `path` allows (for "did you mean"). */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    const def: Def = defOf(current);
    if (def.type === 'object') current = def.shape?.[String(key)];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'union') current = def.options?.find((o) => defOf(unwrap(o)).type === 'object');
    else current = undefined;
    if (!current) return [];
    current = unwrap(current);
  }
  const def = defOf(current);
  if (def.type === 'union') {
    const object = def.options?.find((o) => defOf(unwrap(o)).type === 'object');
    return object ? Object.keys(defOf(unwrap(object)).shape ?? {}) : [];
  }
  return Object.keys(def.shape ?? {});
}
