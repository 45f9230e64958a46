import type { Severity } from '../src/model/report.js';
import { INFRASTRUCTURE_KINDS, type InfrastructureChangedFact, type InfrastructureKind } from '../src/model/facts/infrastructure.js';
import type { FindingDraft } from './rule.js';
import { defineRule } from './rule.js';

const TITLES: Record<InfrastructureKind, string> = {
  container: 'Container builds',
  terraform: 'Terraform/OpenTofu',
  kubernetes: 'Kubernetes manifests',
  helm: 'Helm charts',
  kustomize: 'Kustomize',
  compose: 'docker-compose',
  pulumi: 'Pulumi',
  ci: 'CI workflows',
};

// CI workflows change how the project is built and shipped, not what runs: `ci-workflow-changed` notes them.
const SEVERITY: Record<Exclude<InfrastructureKind, 'ci'>, Severity> = {
  container: 'medium',
  terraform: 'medium',
  kubernetes: 'medium',
  helm: 'medium',
  kustomize: 'medium',
  compose: 'medium',
  pulumi: 'medium',
};

const names = (facts: InfrastructureChangedFact[], n: number) =>
  facts
    .slice(0, n)
    .map((f) => f.path)
    .join(', ') + (facts.length > n ? ` (+${facts.length - n} more)` : '');

const STATUS: Record<InfrastructureChangedFact['status'], string> = {
  added: 'added',
  deleted: 'deleted',
  modified: 'changed',
  renamed: 'renamed',
};

export default defineRule({
  id: 'infrastructure-changed',
  category: 'infrastructure-change',
  severity: 'medium',
  description:
    'Infrastructure files changed (Dockerfiles, Terraform, Kubernetes, Helm, Kustomize, docker-compose, Pulumi): a code rollback does not roll them back.',
  checklist: 'infrastructure',
  outcome: 'manual',
  remediation:
    'Roll the infrastructure back on its own (plan and apply the older version), or confirm the older code works with the infrastructure as it is now.',
  docs: {
    why: 'Redeploying older code leaves the infrastructure the release applied: the Terraform state, the Kubernetes objects, the chart values, the pipelines. Unless your deploy applies these files from the same commit (GitOps), the older code meets the newer infrastructure, and rolling them back is a separate step with its own plan.',
    example: 'The release changed `infra/main.tf` (a new queue) and `charts/api/values.yaml` (two more replicas and a new env var).',
    fix: 'For each kind listed, decide: keep it (check the older code works with it) or roll it back with its own tool (`terraform plan` at the target, `helm rollback`, `kubectl apply` of the older manifests).',
  },
  check(facts) {
    const byKind = new Map<InfrastructureKind, InfrastructureChangedFact[]>();
    for (const fact of facts.of('infrastructure.changed')) {
      const list = byKind.get(fact.infraKind);
      if (list) list.push(fact);
      else byKind.set(fact.infraKind, [fact]);
    }
    const drafts: FindingDraft[] = [];
    for (const kind of INFRASTRUCTURE_KINDS) {
      if (kind === 'ci') continue;
      const list = (byKind.get(kind) ?? []).sort((a, b) => (a.path < b.path ? -1 : 1));
      if (list.length === 0) continue;
      const details = list.map((f) => `${f.path} (${STATUS[f.status]}${f.detail ? `: ${f.detail}` : ''})`);
      drafts.push({
        message:
          kind === 'container'
            ? `${TITLES[kind]}: ${list.length === 1 ? `${list[0]!.path} changed` : `${list.length} files changed`}; the rollback builds the older image, which meets the platform as the release left it (ports, volumes, environment, health checks)`
            : `${TITLES[kind]}: ${list.length === 1 ? `${list[0]!.path} changed` : `${list.length} files changed`}; a code rollback does not roll ${list.length === 1 ? 'it' : 'them'} back`,
        path: list[0]!.path,
        severity: SEVERITY[kind],
        evidence: details.slice(0, 10).join('; ') + (details.length > 10 ? `; +${details.length - 10} more` : ''),
        checklist: { id: `infrastructure:${kind}`, title: `${TITLES[kind]} rolled back separately: ${names(list, 3)}` },
      });
    }
    return drafts;
  },
});
