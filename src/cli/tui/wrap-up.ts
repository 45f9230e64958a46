// What the reviewer checked by hand and what is still open, for the screen and the incident record.
import type { ChecklistStatus, Report } from '../../model/report.js';
import { oneLine } from '../../util/sanitize.js';
import type { GitUser } from '../../git/identity.js';
import type { RollbackPlan } from '../../model/platform.js';
import { short } from '../../report/text.js';

/** An item's state at the end of the review: decided by the analysis, or by the reviewer. */
export type ItemState = 'passed' | 'failed' | 'checked' | 'open';

export interface AckItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  state: ItemState;
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
  stillOpen: number;
}

export function stateOf(status: ChecklistStatus, ticked: boolean): ItemState {
  if (status === 'pass') return 'passed';
  if (status === 'fail') return 'failed';
  return ticked ? 'checked' : 'open';
}

export function wrapUp(report: Report, ticked: ReadonlySet<string>, user: GitUser, time: Date): Ack {
  const items = report.checklist.map((item) => ({
    id: item.id,
    title: item.title,
    status: item.status,
    state: stateOf(item.status, ticked.has(item.id)),
    findings: item.findingRefs.length,
  }));
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
    stillOpen: items.filter((i) => i.state === 'open' || i.state === 'failed').length,
  };
}

const MARK: Record<ItemState, string> = { passed: '✔', failed: '✖', checked: '✔', open: '?' };

/** The summary printed when the review ends. */
export function wrapUpText(ack: Ack, plan?: RollbackPlan): string {
  const out: string[] = [];
  out.push(
    `Rollback review: ${oneLine(ack.from.ref)} (${short(ack.from.sha)}) → ${oneLine(ack.to.ref)} (${short(ack.to.sha)}) — ${ack.verdict.toUpperCase()}, risk ${ack.riskScore}/100`,
  );
  const list = (label: string, states: ItemState[]) => {
    const items = ack.items.filter((i) => states.includes(i.state));
    out.push(`${label} (${items.length})${items.length === 0 ? ': none' : ''}`);
    for (const item of items) out.push(`  ${MARK[item.state]} ${oneLine(item.title)}`);
  };
  list('Checked by hand', ['checked']);
  list('Still open', ['failed', 'open']);
  const passed = ack.items.filter((i) => i.state === 'passed').length;
  out.push(`Passed by the analysis: ${passed}`);
  if (plan) {
    out.push(`Roll back on ${plan.platform}:`);
    for (const command of plan.commands) out.push(`  $ ${oneLine(command)}`);
  }
  return `${out.join('\n')}\n`;
}
