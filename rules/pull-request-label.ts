import { CHECKLIST, type ChecklistId } from '../src/model/checklist.js';
import type { Category } from '../src/model/report.js';
import { defineRule } from './rule.js';

const CHECKLIST_IDS = Object.keys(CHECKLIST) as [ChecklistId, ...ChecklistId[]];

/** The category a finding is filed under when a label points at a checklist item. */
const CATEGORY_OF: Record<ChecklistId, Category> = {
  database: 'migration',
  contracts: 'contract-change',
  endpoints: 'endpoint-removal',
  config: 'config-change',
  dependencies: 'dependency-change',
  infrastructure: 'infrastructure-change',
  fixes: 'code-change',
  volume: 'change-volume',
  review: 'unclassified',
  custom: 'code-change',
};

/** Label name (any case) → the checklist item it raises. */
const DEFAULT_LABELS: Record<string, ChecklistId> = {
  'breaking-change': 'contracts',
  breaking: 'contracts',
  'api-change': 'contracts',
  migration: 'database',
  database: 'database',
  config: 'config',
  infrastructure: 'infrastructure',
  dependencies: 'dependencies',
  security: 'fixes',
};

export default defineRule({
  id: 'pull-request-label',
  category: 'change-volume',
  severity: 'medium',
  description:
    'A merged pull request in the release carries a label (breaking-change, migration, database…) that calls for a check before rolling back.',
  checklist: 'review',
  outcome: 'manual',
  remediation: 'Read the labelled pull request and check the matching checklist item by hand before rolling back.',
  options: {
    defaults: { labels: DEFAULT_LABELS },
    schema: (z) => z.object({ labels: z.record(z.string(), z.enum(CHECKLIST_IDS)).default(DEFAULT_LABELS) }).strict(),
  },
  docs: {
    why: 'Authors and reviewers label what they know is risky: a breaking change, a migration, a database change. Rolling back the release takes that pull request back too, so what its label warns about applies to the rollback, even when no file-level rule saw it.',
    example: 'The release includes pull request #412 "Split the users table", labelled `migration`.',
    fix: 'Open the pull request, decide what the rollback does to what it changed, and record the answer; map your own labels with `rules.pull-request-label.options.labels`.',
  },
  check(facts, { options }) {
    const labels = new Map(Object.entries(options.labels).map(([name, item]) => [name.toLowerCase(), item]));
    return facts.of('pull-request.merged').flatMap((pr) => {
      const raised = new Map<ChecklistId, string>();
      for (const label of pr.labels) {
        const item = labels.get(label.toLowerCase());
        if (item && !raised.has(item)) raised.set(item, label);
      }
      return [...raised].map(([item, label]) => ({
        message: `pull request #${pr.number} "${pr.title}" is labelled ${label}`,
        path: pr.path,
        evidence: pr.url,
        category: CATEGORY_OF[item],
        checklist: { id: item, title: CHECKLIST[item].title },
      }));
    });
  },
});
