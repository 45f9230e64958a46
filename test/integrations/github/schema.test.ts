import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from '../../../src/integrations/github/queries.js';
import { githubSchema } from '../../support/github-server.js';

const documents = (Object.entries(queries) as [string, unknown][]).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe('GraphQL documents', () => {
  it('lists every document the code can send', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(Object.keys(queries.DOCUMENTS).sort());
    expect(documents.length).toBeGreaterThanOrEqual(6);
  });

  it.each(documents)('%s validates against GitHub’s published schema', (_name, document) => {
    expect(validate(githubSchema(), parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the schema check is real: a wrong field is refused', () => {
    const wrong = queries.PULL_REQUEST.replace('headRefOid', 'headSha');
    expect(validate(githubSchema(), parse(wrong)).map((e) => e.message)).toEqual([
      expect.stringMatching(/^Cannot query field "headSha" on type "PullRequest"/),
    ]);
  });
});
