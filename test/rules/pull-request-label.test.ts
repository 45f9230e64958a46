import rule from '../../rules/pull-request-label.js';
import { testRule } from '../support/rule-tester.js';

const pr = (number: number, labels: string[]) => ({
  kind: 'pull-request.merged' as const,
  path: `#${number}`,
  number,
  title: `Change ${number}`,
  url: `https://github.com/acme/shop/pull/${number}`,
  labels,
});

testRule(rule, {
  valid: [
    { name: 'no pull requests', facts: [] },
    { name: 'labels that say nothing about a rollback', facts: [pr(1, ['docs', 'good first issue'])] },
    {
      name: 'a default label switched off by a custom map',
      facts: [pr(2, ['migration'])],
      options: { labels: { 'db-change': 'database' } },
    },
  ],
  invalid: [
    {
      name: 'a migration label raises the database item',
      facts: [pr(12, ['migration'])],
      findings: [
        {
          path: '#12',
          message: 'pull request #12 "Change 12" is labelled migration',
          category: 'migration',
          evidence: 'https://github.com/acme/shop/pull/12',
          checklist: { id: 'database', title: 'The older code can live with the database the release leaves behind' },
        },
      ],
    },
    {
      name: 'one finding per item, labels matched in any case',
      facts: [pr(3, ['Breaking-Change', 'breaking', 'Database', 'migration'])],
      findings: [
        {
          path: '#3',
          message: 'pull request #3 "Change 3" is labelled Breaking-Change',
          category: 'contract-change',
          checklist: { id: 'contracts' },
        },
        { path: '#3', message: 'pull request #3 "Change 3" is labelled Database', category: 'migration', checklist: { id: 'database' } },
      ],
    },
    {
      name: 'a team label mapped in the options',
      facts: [pr(4, ['db-change'])],
      options: { labels: { 'db-change': 'database' } },
      findings: [{ path: '#4', checklist: { id: 'database' } }],
    },
  ],
});
