import { expect } from 'vitest';
import rule from '../../rules/ci-workflow-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'no workflow changed',
      facts: [{ kind: 'infrastructure.changed', path: 'infra/main.tf', infraKind: 'terraform', status: 'modified' }],
    },
    {
      name: 'a test-only workflow is classified as tests, with no fact',
      facts: [
        {
          kind: 'file.classified',
          path: '.github/workflows/test.yml',
          category: 'tests',
          reason: 'CI workflow that only builds, tests or checks',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'one workflow that ships',
      facts: [{ kind: 'infrastructure.changed', path: '.github/workflows/release.yml', infraKind: 'ci', status: 'modified' }],
      findings: [
        {
          path: '.github/workflows/release.yml',
          message:
            'CI workflows that ship or deploy: .github/workflows/release.yml changed; a rollback through CI may run the older pipeline',
          evidence: '.github/workflows/release.yml (changed)',
        },
      ],
    },
    {
      name: 'several workflows are one finding, sorted',
      facts: [
        { kind: 'infrastructure.changed', path: '.github/workflows/docker.yml', infraKind: 'ci', status: 'added' },
        { kind: 'infrastructure.changed', path: '.github/workflows/deploy.yml', infraKind: 'ci', status: 'modified' },
      ],
      findings: [
        {
          path: '.github/workflows/deploy.yml',
          message: expect.stringMatching(/^CI workflows that ship or deploy: 2 files changed;/),
          evidence: '.github/workflows/deploy.yml (changed); .github/workflows/docker.yml (added)',
        },
      ],
    },
  ],
});
