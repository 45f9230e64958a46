import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { readYaml, readYamlDocument } from '../../src/parse/structured.js';

/** What the `yaml` package makes of a text: the meaning readYaml must give, whichever reader builds the values. */
function reference(text: string): unknown[] | undefined {
  try {
    const docs = parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown).filter((d) => d !== null && d !== undefined);
  } catch {
    return undefined;
  }
}

describe('readYaml', () => {
  // The forms where the two readers could part: null keys, aliases, tags beyond the core schema, merge keys,
  // numbers and dates, documents, odd keys, errors.
  const texts = {
    'a null key (~)': '~: a\nb: 1',
    'a null key (null)': 'null: a',
    'a null key (NULL), nested': 'a:\n  NULL: 1',
    'an empty key': ': a',
    'a null key in a flow mapping': '{~: a, b: 1}',
    'a quoted "null" key': '"null": 1',
    'an alias': 'a: &x [1, 2]\nb: *x',
    'a merge key': 'base: &b {x: 1}\nc:\n  <<: *b\n  y: 2',
    'a bare merge key': '<<: {a: 1}\nb: 2',
    'a CloudFormation tag': 'Value: !Ref Bucket\nOther: !GetAtt [A, Arn]',
    'a binary tag': 'x: !!binary aGVsbG8=',
    'a set tag': 'x: !!set {a, b}',
    'numbers and a date': 'a: 0o17\nb: 0x1f\nc: 1_000\nd: .inf\ne: 012\nf: +12\ng: 1e3\nh: 2024-01-01\ni: -.5',
    'booleans and nulls': 'a: True\nb: tRue\nc: yes\nd: ~\ne: Null\nf: nUll\ng: off',
    documents: '---\na: 1\n---\n---\nb: [x, y]\n...',
    'block scalars': 'a: |\n  x\n  y\nb: >-\n  p\n  q\nc: |+\n  z\n\n',
    'a __proto__ key': '__proto__: {polluted: true}\nb: 2',
    'a complex key': '? [a, b]\n: 1',
    'numeric keys': '1: a\n2.0: b\n.inf: c\n0x10: d\ntrue: e',
    'a duplicate key': '{a: 1, a: 2}',
    'a tab in indentation': 'a:\n\t- 1',
    'an unclosed flow sequence': 'a: [1, 2',
    'a byte order mark': '\ufeffa: 1',
    'only a comment': '# nothing here',
    'nothing at all': '',
  };
  for (const [name, text] of Object.entries(texts))
    it(`reads ${name} as the yaml package does`, () => {
      expect(readYaml(text)).toStrictEqual(reference(text));
    });

  // A workspace list or a chart is one document: read as the yaml package's `parse` reads it, or not at all.
  const single = (text: string): unknown => {
    try {
      return parse(text, { maxAliasCount: 100, logLevel: 'error' }) as unknown;
    } catch {
      return undefined;
    }
  };
  for (const [name, text] of Object.entries({ ...texts, 'a trailing document marker': 'a: 1\n---\n', 'an empty document': '---\n' }))
    it(`reads ${name} as one document as the yaml package does`, () => {
      expect(readYamlDocument(text)).toStrictEqual(single(text));
    });

  it('does not parse an alias bomb', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(readYaml(levels.join('\n'))).toBeUndefined();
  });

  it('reads any value written as YAML as the yaml package does', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom('block', 'flow'), (v, style) => {
        const text = stringify(v, style === 'flow' ? { collectionStyle: 'flow' } : {});
        expect(readYaml(text)).toStrictEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
