// GraphQL schema files: what clients of the running schema lose or must now send.
import { describe, expect, it } from 'vitest';
import { contractFindings, rollback } from '../../support/contracts.js';

const running = `type Query {
  user(id: ID!, withEmails: Boolean): User
  users(first: Int): [User!]!
}

type User {
  id: ID!
  name: String!
  emails: [String!]!
  status: Status!
}

enum Status {
  ACTIVE
  SUSPENDED
  ARCHIVED
}

input NewUser {
  name: String!
  nickname: String
}

type Audit {
  at: String!
}

union SearchResult = User | Audit
`;

const target = `type Query {
  user(id: ID!): User
  users(first: Int!): [User!]!
}

type User {
  id: ID!
  name: String
  status: Status!
}

enum Status {
  ACTIVE
  SUSPENDED
}

input NewUser {
  name: String!
  nickname: String
  email: String!
}

union SearchResult = User
`;

describe('GraphQL schemas', () => {
  it('reports types, fields, arguments, enum values and input fields the rollback removes or makes stricter', async () => {
    const found = await contractFindings({ 'schema/app.graphql': target }, { 'schema/app.graphql': running });
    expect(found.map((f) => [f.ruleId, f.line, f.message, f.evidence])).toEqual([
      [
        'graphql-schema-narrowed',
        2,
        'Query.user(withEmails) in schema/app.graphql: argument withEmails of Query.user removed by the rollback',
        'user(id: ID!, withEmails: Boolean): User (from schema/app.graphql:2) → user(id: ID!): User (to schema/app.graphql:2)',
      ],
      [
        'graphql-schema-narrowed',
        3,
        'Query.users(first) in schema/app.graphql: argument first of Query.users type Int → Int! by the rollback',
        'users(first: Int): [User!]! (from schema/app.graphql:3) → users(first: Int!): [User!]! (to schema/app.graphql:3)',
      ],
      [
        'graphql-schema-narrowed',
        8,
        'User.name in schema/app.graphql: field User.name type String! → String by the rollback',
        'name: String! (from schema/app.graphql:8) → name: String (to schema/app.graphql:8)',
      ],
      [
        'graphql-schema-narrowed',
        9,
        'User.emails in schema/app.graphql: field User.emails removed by the rollback',
        'emails: [String!]! (from schema/app.graphql:9) → absent at to',
      ],
      [
        'graphql-schema-narrowed',
        16,
        'Status.ARCHIVED in schema/app.graphql: enum value Status.ARCHIVED removed by the rollback',
        'ARCHIVED (from schema/app.graphql:16) → absent at to',
      ],
      [
        'graphql-schema-narrowed',
        19,
        'NewUser.email in schema/app.graphql: required input field NewUser.email added by the rollback',
        '(absent) (from schema/app.graphql:19) → email: String! (to schema/app.graphql:20)',
      ],
      [
        'graphql-schema-narrowed',
        24,
        'Audit in schema/app.graphql: type Audit removed by the rollback',
        'type Audit (from schema/app.graphql:24) → absent at to',
      ],
      [
        'graphql-schema-narrowed',
        28,
        'SearchResult.Audit in schema/app.graphql: union member Audit removed from SearchResult by the rollback',
        'SearchResult = … | Audit (from schema/app.graphql:28) → absent at to',
      ],
    ]);
  });

  it('reports nothing when the target schema only adds or reorders', async () => {
    expect(
      await contractFindings(
        { 'schema.gql': running.replace('type Audit {', 'type Extra { x: Int }\n\ntype Audit {') },
        { 'schema.gql': running },
      ),
    ).toEqual([]);
  });

  it('reports a schema that does not parse for review', async () => {
    const report = await rollback({ 'schema.graphql': running }, { 'schema.graphql': 'type Query {\n  user(: User\n}\n' });
    expect(report.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([['unclassified-change', 'schema.graphql', 2]]);
  });
});
