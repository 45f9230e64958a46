import { defineRule } from './rule.js';

const STATUS = { added: 'added', deleted: 'deleted', modified: 'changed', renamed: 'renamed' } as const;

export default defineRule({
  id: 'ci-workflow-changed',
  category: 'infrastructure-change',
  severity: 'low',
  description:
    'CI workflows that ship or deploy changed (workflows that only build, test or check are not reported): the rollback may run through the older pipeline.',
  checklist: 'infrastructure',
  remediation: 'If the rollback runs through CI, check that the older workflow still deploys to the environment as it is now.',
  docs: {
    why: 'A workflow that builds and pushes images, publishes packages or deploys decides how a rollback reaches production. A GitOps rollback brings the older workflow back with the code; a platform rollback keeps the newer one. Neither stops the rollback, so it is noted, not a manual item.',
    example: 'The release changed `.github/workflows/release.yml` to skip pre-release tags.',
    fix: 'Nothing blocks; if you roll back by re-running the pipeline at the target, read the older workflow first.',
  },
  check(facts) {
    const list = facts
      .of('infrastructure.changed')
      .filter((f) => f.infraKind === 'ci')
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    if (list.length === 0) return [];
    const details = list.map((f) => `${f.path} (${STATUS[f.status]})`);
    return [
      {
        message: `CI workflows that ship or deploy: ${list.length === 1 ? `${list[0]!.path} changed` : `${list.length} files changed`}; a rollback through CI may run the older pipeline`,
        path: list[0]!.path,
        evidence: details.slice(0, 10).join('; ') + (details.length > 10 ? `; +${details.length - 10} more` : ''),
      },
    ];
  },
});
