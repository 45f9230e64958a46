import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { twoReleases } from '../../support/repo.js';

const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: ${replicas}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n`;

describe('infrastructure', () => {
  it('finds every kind and gives each its own checklist item', async () => {
    const repo = twoReleases(
      {
        'infra/main.tf': 'resource "aws_sqs_queue" "q" {}\n',
        'charts/api/Chart.yaml': 'name: api\nversion: 1.2.0\n',
        'charts/api/templates/deploy.yaml': 'replicas: {{ .Values.replicas }}\n',
        'k8s/api.yaml': deployment(2),
        'k8s/overlays/prod/kustomization.yaml': 'resources: [../../api.yaml]\n',
        'docker-compose.yml': 'services:\n  db:\n    image: postgres:15\n',
        'deploy/Pulumi.yaml': 'name: shop\nruntime: nodejs\n',
        'deploy/index.ts': 'export const bucket = 1;\n',
        '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
        'src/a.ts': 'export const a = 1;\n',
      },
      {
        'infra/main.tf': 'resource "aws_sqs_queue" "q" {\n  delay_seconds = 5\n}\n',
        'charts/api/Chart.yaml': 'name: api\nversion: 1.3.0\n',
        'charts/api/templates/deploy.yaml': 'replicas: {{ .Values.replicas | default 2 }}\n',
        'k8s/api.yaml': deployment(3),
        'k8s/overlays/prod/kustomization.yaml': 'resources: [../../api.yaml]\nreplicas: [{ name: api, count: 4 }]\n',
        'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
        'deploy/Pulumi.yaml': 'name: shop\nruntime: nodejs\n',
        'deploy/index.ts': 'export const bucket = 2;\n',
        '.github/workflows/ci.yml': '# build on push\non: push\njobs: {}\n',
        'src/a.ts': 'export const a = 2;\n',
      },
    );
    const report = await analyzeRollback({ repo, from: 'v2', to: 'v1' });
    const items = Object.fromEntries(
      report.checklist.filter((c) => c.id.startsWith('infrastructure')).map((c) => [c.id, [c.status, c.title]]),
    );
    expect(items).toEqual({
      infrastructure: ['pass', 'Infrastructure changes are rolled back separately'],
      'infrastructure:compose': ['manual', 'docker-compose rolled back separately: docker-compose.yml'],
      'infrastructure:helm': ['manual', 'Helm charts rolled back separately: charts/api/Chart.yaml, charts/api/templates/deploy.yaml'],
      'infrastructure:kubernetes': ['manual', 'Kubernetes manifests rolled back separately: k8s/api.yaml'],
      'infrastructure:kustomize': ['manual', 'Kustomize rolled back separately: k8s/overlays/prod/kustomization.yaml'],
      'infrastructure:pulumi': ['manual', 'Pulumi rolled back separately: deploy/index.ts'],
      'infrastructure:terraform': ['manual', 'Terraform/OpenTofu rolled back separately: infra/main.tf'],
    });
    expect(report.checklist.find((c) => c.id === 'infrastructure')!.detail).toBe(
      'each kind of infrastructure changed has its own item below',
    );
    expect(report.findings.find((f) => f.checklistId === 'infrastructure:compose')!.evidence).toBe(
      'docker-compose.yml (changed: services db postgres:16 → postgres:15 at the target)',
    );
    expect(report.findings.find((f) => f.checklistId === 'infrastructure:kubernetes')!.evidence).toBe(
      'k8s/api.yaml (changed: Deployment/api, Service/api)',
    );
    expect(report.findings.find((f) => f.checklistId === 'infrastructure:helm')!.evidence).toBe(
      'charts/api/Chart.yaml (changed: chart api 1.3.0 → 1.2.0 at the target); charts/api/templates/deploy.yaml (changed)',
    );
    // A comment-only change to a workflow is style-only, not infrastructure.
    expect(report.changes.find((c) => c.path === '.github/workflows/ci.yml')!.categories).toEqual(['style-only']);
    expect(report.changes.find((c) => c.path === 'src/a.ts')!.categories).toEqual(['code-change']);
    expect(report.changes.filter((c) => c.categories.includes('unclassified'))).toEqual([]);
  });
});
