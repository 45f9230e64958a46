import { CHECKLIST, type ChecklistId } from '../model/checklist.js';
import type { ChangeEntry, ChecklistItem, Finding } from '../model/report.js';
import { HARMLESS_CATEGORIES, atLeast } from '../model/report.js';
import { findRule } from '../../rules/index.js';

/**
 * One item per checklist entry, in a fixed order, then any items findings created.
 * fail: a finding of medium or above; manual: a person must look (unread files, infrastructure,
 * low findings of such rules); pass: nothing that matters feeds it.
 */
export function buildChecklist(
  findings: readonly Finding[],
  changes: readonly ChangeEntry[],
  extraTitles: ReadonlyMap<string, string>,
): ChecklistItem[] {
  const refs = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    if (finding.suppressed) return;
    const list = refs.get(finding.checklistId);
    if (list) list.push(index);
    else refs.set(finding.checklistId, [index]);
  });

  const ids = [
    ...(Object.keys(CHECKLIST) as ChecklistId[]).filter((id) => id !== 'custom' || refs.has(id)),
    ...[...extraTitles.keys()].filter((id) => !(id in CHECKLIST)).sort(),
  ];
  return ids.map((id) => {
    const findingRefs = refs.get(id) ?? [];
    const fed = findingRefs.map((i) => findings[i]!).filter((f) => f.severity !== 'info');
    const title = (CHECKLIST as Record<string, { title: string }>)[id]?.title ?? extraTitles.get(id) ?? id;
    const manual = (f: Finding) => findRule(f.ruleId)?.outcome === 'manual';
    const failing = fed.filter((f) => atLeast(f.severity, 'medium') && !manual(f));
    const review = fed.filter((f) => manual(f));
    if (failing.length > 0) {
      return { id, title, status: 'fail', detail: summary(failing), findingRefs };
    }
    if (review.length > 0) {
      return { id, title, status: 'manual', detail: `check by hand: ${summary(review)}`, findingRefs };
    }
    const notes = findingRefs.map((i) => findings[i]!).filter((f) => f.severity === 'info');
    return { id, title, status: 'pass', detail: passDetail(id, fed, notes, changes), findingRefs };
  });
}

function summary(findings: Finding[]): string {
  const first = findings[0]!;
  return findings.length === 1 ? first.message : `${first.message} (+${findings.length - 1} more)`;
}

/** Why an item passes: its low findings, else its informational ones (never "none" when findings say otherwise). */
function passDetail(id: string, low: Finding[], notes: Finding[], changes: readonly ChangeEntry[]): string {
  if (low.length > 0) return `only minor: ${summary(low)}`;
  if (notes.length > 0) return `for information: ${summary(notes)}`;
  if (id === 'review' && changes.length > 0 && changes.every((c) => c.categories.every((k) => HARMLESS_CATEGORIES.has(k)))) {
    return 'only style, markup, docs, tests or assets changed: this release rolls back cleanly';
  }
  if (id === 'review' && changes.length === 0) return 'the two releases have the same files';
  if (id === 'infrastructure' && changes.some((c) => c.categories.includes('infrastructure-change')))
    return 'each kind of infrastructure changed has its own item below';
  return (CHECKLIST as Record<string, { passDetail: string }>)[id]?.passDetail ?? 'nothing found';
}
