import { createRequire } from 'node:module';
import { yaml } from './yaml.js';
import { isJson, isYaml } from './kinds.js';

// JSON and YAML read into values, so that they are compared by what they mean, not how they are written.

const require = createRequire(import.meta.url);
type JsYaml = typeof import('js-yaml');
let jsYaml: JsYaml | undefined;

/** Anchors make aliases, and aliases can expand exponentially: such texts take the guarded parser. */
const ANCHOR = /(^|[\s[{,:-])&[^\s[\]{},]/m;

/**
 * The documents of a YAML text, or undefined when it does not parse. Texts without anchors go to js-yaml
 * (YAML 1.2 core schema, an order of magnitude faster); texts with anchors to `yaml`, which caps how far
 * aliases expand (an alias bomb does not parse).
 */
export function readYaml(text: string): unknown[] | undefined {
  try {
    if (!ANCHOR.test(text)) {
      jsYaml ??= require('js-yaml') as JsYaml;
      return jsYaml.loadAll(text, { maxAliases: 0 }).filter((d: unknown) => d !== null && d !== undefined) as unknown[];
    }
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.map((d) => d.toJS() as unknown).filter((d) => d !== null && d !== undefined);
  } catch {
    return undefined;
  }
}

/** The parsed documents of a JSON or YAML text, or undefined when it does not parse. */
export function parseStructured(path: string, text: string): unknown[] | undefined {
  if (isJson(path)) {
    try {
      return [JSON.parse(text) as unknown];
    } catch {
      return undefined;
    }
  }
  return isYaml(path) ? readYaml(text) : undefined;
}
