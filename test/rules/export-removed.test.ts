import rule from '../../rules/export-removed.js';
import { testRule } from '../support/rule-tester.js';
import { contractFact } from '../support/contract-facts.js';

const removed = contractFact({
  aspect: 'export',
  change: 'removed',
  symbol: 'listEmails',
  line: 22,
  detail: 'export removed',
  before: 'export async function listEmails(userId: number): Promise<string[]>',
  after: undefined,
  fromAt: 'src/users.ts:22',
  toAt: undefined,
});

testRule(rule, {
  valid: [
    { name: 'a narrowed signature is another rule', facts: [contractFact({})] },
    { name: 'a widened export', facts: [contractFact({ aspect: 'export', change: 'widened' })] },
    { name: 'an export of a module internal to what rolls back', facts: [{ ...removed, surface: 'internal', entry: 'src/users.ts' }] },
  ],
  invalid: [
    {
      name: 'an export of the public entry removed',
      facts: [removed],
      findings: [
        {
          path: 'src/users.ts',
          line: 22,
          message: 'listEmails, exported by shop-api, is removed by the rollback',
          evidence: 'export async function listEmails(userId: number): Promise<string[]> (from src/users.ts:22) → absent at to',
        },
      ],
    },
    {
      name: 'an export of a workspace package used outside the scope',
      facts: [{ ...removed, entry: '@acme/db (used by apps/worker, outside the scope)' }],
      findings: [{ message: 'listEmails, exported by @acme/db (used by apps/worker, outside the scope), is removed by the rollback' }],
    },
    {
      name: 'an export that changes kind',
      facts: [
        contractFact({
          aspect: 'export',
          change: 'changed',
          symbol: 'Id',
          detail: 'an interface or object type at from, a type alias at to',
          before: 'interface Id',
          after: 'type Id = string',
          fromAt: 'src/id.ts:1',
          toAt: 'src/id.ts:1',
          path: 'src/id.ts',
          line: 1,
        }),
      ],
      findings: [
        {
          path: 'src/id.ts',
          line: 1,
          message: 'Id, exported by shop-api, changes kind in the rollback: an interface or object type at from, a type alias at to',
          evidence: 'interface Id (from src/id.ts:1) → type Id = string (to src/id.ts:1)',
        },
      ],
    },
  ],
});
