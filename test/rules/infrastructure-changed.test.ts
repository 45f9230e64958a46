import rule from '../../rules/infrastructure-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'no infrastructure changed',
      facts: [{ kind: 'file.classified', path: 'src/a.ts', category: 'code-change', reason: 'script' }],
    },
    {
      name: 'a CI workflow is ci-workflow-changed',
      facts: [{ kind: 'infrastructure.changed', path: '.github/workflows/release.yml', infraKind: 'ci', status: 'modified' }],
    },
  ],
  invalid: [
    {
      name: 'each kind becomes its own checklist item naming the files',
      facts: [
        { kind: 'infrastructure.changed', path: 'infra/variables.tf', infraKind: 'terraform', status: 'modified' },
        {
          kind: 'infrastructure.changed',
          path: 'charts/api/Chart.yaml',
          infraKind: 'helm',
          status: 'modified',
          detail: 'chart api 1.3.0 → 1.2.0 at the target',
        },
        { kind: 'infrastructure.changed', path: 'infra/main.tf', infraKind: 'terraform', status: 'added' },
        { kind: 'infrastructure.changed', path: '.github/workflows/ci.yml', infraKind: 'ci', status: 'modified' },
      ],
      findings: [
        {
          path: 'infra/main.tf',
          severity: 'medium',
          message: 'Terraform/OpenTofu: 2 files changed; a code rollback does not roll them back',
          evidence: 'infra/main.tf (added); infra/variables.tf (changed)',
          checklist: {
            id: 'infrastructure:terraform',
            title: 'Terraform/OpenTofu rolled back separately: infra/main.tf, infra/variables.tf',
          },
        },
        {
          path: 'charts/api/Chart.yaml',
          message: 'Helm charts: charts/api/Chart.yaml changed; a code rollback does not roll it back',
          evidence: 'charts/api/Chart.yaml (changed: chart api 1.3.0 → 1.2.0 at the target)',
          checklist: { id: 'infrastructure:helm', title: 'Helm charts rolled back separately: charts/api/Chart.yaml' },
        },
      ],
    },
    {
      name: 'a Dockerfile: the older image meets the platform as it is',
      facts: [{ kind: 'infrastructure.changed', path: 'apps/web/Dockerfile', infraKind: 'container', status: 'modified' }],
      findings: [
        {
          path: 'apps/web/Dockerfile',
          severity: 'medium',
          message:
            'Container builds: apps/web/Dockerfile changed; the rollback builds the older image, which meets the platform as the release left it (ports, volumes, environment, health checks)',
          checklist: { id: 'infrastructure:container', title: 'Container builds rolled back separately: apps/web/Dockerfile' },
        },
      ],
    },
    {
      name: 'long lists are cut short',
      facts: ['a', 'b', 'c', 'd'].map((n) => ({
        kind: 'infrastructure.changed' as const,
        path: `k8s/${n}.yaml`,
        infraKind: 'kubernetes' as const,
        status: 'modified' as const,
      })),
      findings: [
        {
          checklist: {
            id: 'infrastructure:kubernetes',
            title: 'Kubernetes manifests rolled back separately: k8s/a.yaml, k8s/b.yaml, k8s/c.yaml (+1 more)',
          },
        },
      ],
    },
  ],
});
