import { jsYaml, yaml } from './yaml.js';
import { isJson, isYaml } from './kinds.js';

// JSON and YAML read into values, so that they are compared by what they mean, not how they are written.

/** How far aliases may expand when a document is built: an alias bomb does not parse. */
const MAX_ALIAS_COUNT = 100;

/** The documents of a YAML text, or undefined when it does not parse. */
export function readYaml(text: string): unknown[] | undefined {
  return yamlDocuments(text)?.filter((d) => d !== null && d !== undefined);
}

/**
 * The value of a YAML text of one document (null when it is empty), as the `yaml` package's `parse` reads it;
 * undefined when it does not parse or holds several documents.
 */
export function readYamlDocument(text: string): unknown {
  const docs = yamlDocuments(text);
  return docs === undefined || docs.length > 1 ? undefined : (docs[0] ?? null);
}

/** Every document of a YAML text, empty ones included, or undefined when it does not parse. */
function yamlDocuments(text: string): unknown[] | undefined {
  return readYamlFast(text) ?? readYamlStrictly(text);
}

let fastSchema: import('js-yaml').Schema | undefined;

/**
 * The documents as js-yaml builds them, or undefined for every text it might read otherwise than the `yaml`
 * package: one it refuses (a syntax error, a tag beyond YAML 1.2's core schema), one with an alias (the `yaml`
 * package caps how far aliases expand) and one with a null key (the `yaml` package names it '', js-yaml 'null').
 */
function readYamlFast(text: string): unknown[] | undefined {
  const lib = jsYaml();
  fastSchema ??= lib.CORE_SCHEMA.withTags({
    ...lib.mapTag,
    addPair: (map: Record<string, unknown>, key: unknown, value: unknown) =>
      key === null ? 'a null key' : lib.mapTag.addPair(map, key, value),
  });
  try {
    return lib.loadAll(text, { schema: fastSchema, maxAliases: 0 });
  } catch {
    return undefined;
  }
}

function readYamlStrictly(text: string): unknown[] | undefined {
  try {
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.map((d) => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown);
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
