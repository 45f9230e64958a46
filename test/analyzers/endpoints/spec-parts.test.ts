// A split spec is read at both sides of a release; the parts the two sides share are parsed once.
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecParts, type LoadedSpec } from '../../../src/analyzers/endpoints/openapi/load.js';
import type { Side } from '../../../src/model/report.js';
import { memoryRelease } from '../../support/endpoints.js';

type Parser = { parse: (this: Parser, file: { url: string; data: unknown }) => unknown };

/** The spec parts' parsers, counting what json-schema-ref-parser's own JSON and YAML readers are given. */
class CountingParts extends SpecParts {
  readonly seen: string[] = [];

  override parsers(defaults: Record<string, Parser>): Record<string, object> {
    const counted: Record<string, Parser> = {};
    for (const [name, plugin] of Object.entries(defaults))
      counted[name] = {
        ...plugin,
        parse: (file) => {
          this.seen.push(`${name} ${file.url}`);
          return plugin.parse.call(plugin, file);
        },
      };
    return super.parsers(counted);
  }
}

const ROOT = "openapi: 3.0.0\ninfo: { title: a, version: '1' }\npaths:\n  /users:\n    $ref: './paths/users.yaml'\n";
const USERS = [
  'get:',
  '  x-codeSamples:',
  '    - lang: Shell',
  "      source: { $ref: '../samples/users.sh' }",
  '  responses:',
  "    '200':",
  '      description: ok',
  '      content:',
  '        application/json:',
  "          schema: { $ref: '../schemas/user.yaml' }",
  '',
].join('\n');
// As YAML this would be a mapping (`curl …: b`) or fail; it is a sample, quoted as written.
const SAMPLE = "curl https://example.test/users \\\n  -H 'x-key: b'\n";
const user = (extra: string) => `type: object\nproperties:\n  id: { type: string }\n${extra}`;

function spec(side: Side): Record<string, string> {
  return {
    'api/openapi.yaml': ROOT,
    'api/paths/users.yaml': USERS,
    'api/samples/users.sh': SAMPLE,
    'api/schemas/user.yaml': user(side === 'from' ? '  email: { type: string }\n' : ''),
  };
}

function loaded(read: Awaited<ReturnType<typeof loadSpec>>): LoadedSpec {
  if (!('spec' in read)) throw new Error(`not loaded: ${JSON.stringify(read)}`);
  return read.spec;
}

const get = (spec: LoadedSpec) => (spec.doc.paths as Record<string, { get: Record<string, unknown> }>)['/users']!.get;
const schemaOf = (spec: LoadedSpec) =>
  (get(spec).responses as Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }>)['200']!.content[
    'application/json'
  ]!.schema;

describe('the parts of a split spec', () => {
  it('are parsed once when both sides hold them in the same text, and each side resolves its own values', async () => {
    const release = memoryRelease(spec('from'), spec('to'));
    const parts = new CountingParts();
    const from = loaded(await loadSpec(release, 'from', 'api/openapi.yaml', parts));
    const to = loaded(await loadSpec(release, 'to', 'api/openapi.yaml', parts));

    expect(parts.seen.filter((p) => p.endsWith('/paths/users.yaml'))).toEqual(['yaml /api/paths/users.yaml']);
    expect(parts.seen.filter((p) => p.endsWith('/schemas/user.yaml'))).toHaveLength(2);
    // The shared part was resolved at `from` first: `to` still gets its own schema, not the one `from` wrote in.
    expect(Object.keys(schemaOf(from).properties)).toEqual(['id', 'email']);
    expect(Object.keys(schemaOf(to).properties)).toEqual(['id']);
    expect(from.parts).toEqual(['api/paths/users.yaml', 'api/samples/users.sh', 'api/schemas/user.yaml']);
  });

  it('takes a code sample as its text, without trying it as JSON or YAML', async () => {
    const release = memoryRelease(spec('from'), spec('to'));
    const parts = new CountingParts();
    const from = loaded(await loadSpec(release, 'from', 'api/openapi.yaml', parts));
    expect((get(from)['x-codeSamples'] as { source: unknown }[])[0]!.source).toBe(SAMPLE);
    expect(parts.seen.some((p) => p.endsWith('.sh'))).toBe(false);
    expect(from.unresolved).toEqual([]);
  });
});
