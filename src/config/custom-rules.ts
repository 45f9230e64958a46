import { globMatcher } from '../util/glob.js';
import type { Facts } from '../model/facts.js';
import type { Category, ChangeStatus } from '../model/report.js';
import type { AnyRule, FindingDraft } from '../../rules/rule.js';
import type { Config, CustomRule } from './schema.js';

// How a git status reads in a custom rule's `when.status`.
const STATUS_AS: Record<ChangeStatus, string> = {
  added: 'added',
  copied: 'added',
  modified: 'modified',
  'type-changed': 'modified',
  deleted: 'deleted',
  renamed: 'renamed',
};

/** The checklist item a custom rule feeds when it names a title of its own. */
export function customChecklistId(rule: CustomRule): string {
  return `custom.${rule.id}`;
}

/** Rule objects for the `customRules` of a config; the engine runs them with the registry's rules. */
export function customRulesOf(config: Config): AnyRule[] {
  return config.customRules.map(toRule);
}

function toRule(custom: CustomRule): AnyRule {
  const matches = globMatcher(custom.when.paths, { dot: true });
  const checklist = custom.checklist ? { id: customChecklistId(custom), title: custom.checklist } : undefined;
  return {
    id: custom.id,
    category: custom.category ?? custom.when.category ?? 'code-change',
    severity: custom.severity,
    description: custom.description,
    checklist: 'custom',
    remediation: custom.remediation ?? `Team rule: ${custom.description}`,
    docs: { why: custom.description, example: `A change under ${custom.when.paths.join(', ')}.`, fix: custom.message },
    check(facts: Facts): FindingDraft[] {
      const categories = categoriesOf(facts);
      return facts.of('file.changed').flatMap((file) => {
        if (!matches(file.path) && !(file.oldPath !== undefined && matches(file.oldPath))) return [];
        if (custom.when.status && !custom.when.status.includes(STATUS_AS[file.status] as never)) return [];
        if (custom.when.category && !categories.get(file.path)?.has(custom.when.category)) return [];
        const draft: FindingDraft = {
          message: custom.message,
          path: file.path,
          evidence: `${file.status} ${file.oldPath ? `${file.oldPath} → ` : ''}${file.path}`,
        };
        if (checklist) draft.checklist = checklist;
        return [draft];
      });
    },
  };
}

function categoriesOf(facts: Facts): Map<string, Set<Category>> {
  const out = new Map<string, Set<Category>>();
  const add = (path: string, category: Category) => {
    const set = out.get(path) ?? new Set<Category>();
    set.add(category);
    out.set(path, set);
  };
  for (const fact of facts.of('file.classified')) add(fact.path, fact.category);
  for (const fact of facts.of('file.unreadable')) add(fact.path, 'unclassified');
  return out;
}
