// What the reviewer checked by hand, what they accepted as a known risk and what is still open, for the screen and
// the incident record.
import type { ChecklistItem, ChecklistStatus, Report } from '../../model/report.js';
import { oneLine } from '../../util/sanitize.js';
import type { GitUser } from '../../git/identity.js';
import type { RollbackPlan } from '../../model/platform.js';
import { short } from '../../report/text.js';

/** What the reviewer marked: ? items checked by hand, and ✖ or ? items accepted as a known risk, with the reason. */
export interface Marks {
  checked: ReadonlySet<string>;
  accepted: ReadonlyMap<string, string>;
}

export const NO_MARKS: Marks = { checked: new Set(), accepted: new Map() };

/** An item's state at the end of the review: decided by the analysis, or by the reviewer. */
export type ItemState = 'passed' | 'failed' | 'checked' | 'accepted' | 'open';

export interface AckItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  state: ItemState;
  /** Why the reviewer accepted the risk (state `accepted`). */
  reason?: string;
  findings: number;
}

export interface Ack {
  tool: { name: string; version: string };
  user: GitUser;
  time: string;
  from: { ref: string; sha: string };
  to: { ref: string; sha: string };
  verdict: Report['verdict'];
  riskScore: number;
  items: AckItem[];
  checkedByHand: number;
  acceptedRisks: number;
  stillOpen: number;
}

/** A pass is the analysis's; an accepted risk wins over a tick; a ? item is open until ticked. */
export function stateOf(item: Pick<ChecklistItem, 'id' | 'status'>, marks: Marks): ItemState {
  if (item.status === 'pass') return 'passed';
  if (marks.accepted.has(item.id)) return 'accepted';
  if (item.status === 'fail') return 'failed';
  return marks.checked.has(item.id) ? 'checked' : 'open';
}

export function wrapUp(report: Report, marks: Marks, user: GitUser, time: Date): Ack {
  const items = report.checklist.map((item): AckItem => {
    const state = stateOf(item, marks);
    const reason = state === 'accepted' ? marks.accepted.get(item.id) : undefined;
    return {
      id: item.id,
      title: item.title,
      status: item.status,
      state,
      ...(reason !== undefined ? { reason } : {}),
      findings: item.findingRefs.length,
    };
  });
  return {
    tool: report.tool,
    user,
    time: time.toISOString(),
    from: report.from,
    to: report.to,
    verdict: report.verdict,
    riskScore: report.riskScore,
    items,
    checkedByHand: items.filter((i) => i.state === 'checked').length,
    acceptedRisks: items.filter((i) => i.state === 'accepted').length,
    stillOpen: items.filter((i) => i.state === 'open' || i.state === 'failed').length,
  };
}

export const STATE_MARK: Record<ItemState, string> = { passed: '✔', failed: '✖', checked: '✔', accepted: '!', open: '?' };

/** The summary printed when the review ends. */
export function wrapUpText(ack: Ack, plan?: RollbackPlan): string {
  const out: string[] = [];
  out.push(
    `Rollback review: ${oneLine(ack.from.ref)} (${short(ack.from.sha)}) → ${oneLine(ack.to.ref)} (${short(ack.to.sha)}) — ${ack.verdict.toUpperCase()}, risk ${ack.riskScore}/100`,
  );
  const list = (label: string, states: ItemState[], always = true) => {
    const items = ack.items.filter((i) => states.includes(i.state));
    if (items.length === 0 && !always) return;
    out.push(`${label} (${items.length})${items.length === 0 ? ': none' : ''}`);
    for (const item of items)
      out.push(
        `  ${STATE_MARK[item.state]} ${oneLine(item.title)}${item.reason !== undefined ? ` — accepted: ${oneLine(item.reason)}` : ''}`,
      );
  };
  list('Checked by hand', ['checked']);
  list('Accepted risks', ['accepted'], false);
  list('Still open', ['failed', 'open']);
  const passed = ack.items.filter((i) => i.state === 'passed').length;
  out.push(`Passed by the analysis: ${passed}`);
  if (plan) {
    out.push(`Roll back on ${plan.platform}:`);
    for (const command of plan.commands) out.push(`  $ ${oneLine(command)}`);
  }
  return `${out.join('\n')}\n`;
}
