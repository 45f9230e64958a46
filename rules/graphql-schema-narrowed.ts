import { breakingChanges, contractFinding } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'graphql-schema-narrowed',
  category: 'contract-change',
  severity: 'high',
  description: 'A GraphQL type, field, argument, input field or enum value of the running release is missing or stricter at the target.',
  checklist: 'contracts',
  remediation: 'Check the client queries against the target schema (persisted queries, mobile apps that cannot be rolled back).',
  docs: {
    why: 'Clients wrote their queries against the running schema. A removed field, argument or enum value makes those queries fail validation, and a stricter argument or input field rejects what they send.',
    example: '`type User { emails: [String!]! }` at the running release, no `emails` field at the target.',
    fix: 'Keep the schema element (deprecated) in a forward fix, or make sure no client queries it before rolling back.',
  },
  check(facts) {
    return breakingChanges(facts, ['graphql']).map((fact) =>
      contractFinding(fact, `${fact.symbol} in ${fact.path}: ${fact.detail} by the rollback`),
    );
  },
});
