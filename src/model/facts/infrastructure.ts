export const INFRASTRUCTURE_KINDS = ['container', 'terraform', 'kubernetes', 'helm', 'kustomize', 'compose', 'pulumi', 'ci'] as const;
export type InfrastructureKind = (typeof INFRASTRUCTURE_KINDS)[number];

/** An infrastructure file the release changed: a code rollback does not apply it back. */
export interface InfrastructureChangedFact {
  kind: 'infrastructure.changed';
  path: string;
  infraKind: InfrastructureKind;
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  /** What changed, when the file says (`chart api 1.3.0 → 1.2.0 at the target`, `Deployment/api`). */
  detail?: string;
}
