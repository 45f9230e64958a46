import rule from '../../rules/graphql-schema-narrowed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const field = contractFact({
  aspect: 'graphql',
  change: 'removed',
  entry: 'schema/app.graphql',
  symbol: 'User.emails',
  path: 'schema/app.graphql',
  line: 9,
  detail: 'field User.emails removed',
  before: 'emails: [String!]!',
  after: undefined,
  fromAt: 'schema/app.graphql:9',
  toAt: undefined,
});

testRule(rule, {
  valid: [
    {
      name: 'a field made non-null at the target',
      facts: [{ ...field, change: 'widened', detail: 'field User.name type String → String!' }],
    },
  ],
  invalid: [
    {
      name: 'a field removed',
      facts: [field],
      findings: [
        {
          path: 'schema/app.graphql',
          line: 9,
          message: 'User.emails in schema/app.graphql: field User.emails removed by the rollback',
          evidence: 'emails: [String!]! (from schema/app.graphql:9) → absent at to',
        },
      ],
    },
    {
      name: 'an argument made stricter',
      facts: [
        {
          ...field,
          symbol: 'Query.users(first)',
          change: 'narrowed',
          detail: 'argument first of Query.users type Int → Int!',
          before: 'users(first: Int): [User!]!',
          after: 'users(first: Int!): [User!]!',
          line: 3,
          fromAt: 'schema/app.graphql:3',
          toAt: 'schema/app.graphql:3',
        },
      ],
      findings: [
        { line: 3, message: 'Query.users(first) in schema/app.graphql: argument first of Query.users type Int → Int! by the rollback' },
      ],
    },
  ],
});
