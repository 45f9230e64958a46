import type { Facts } from '../src/model/facts.js';
import type { ContractAspect, ContractChangeFact } from '../src/model/facts/contracts.js';
import type { FindingDraft } from './rule.js';

// Shared by the contract rules: which facts each judges and how a finding shows before → after.

/**
 * Changes that break consumers outside the rollback: public surfaces only. Modules internal to what rolls
 * back are counted by `internal-changes`, never judged one by one.
 */
export function breakingChanges(facts: Facts, aspects: readonly ContractAspect[]): ContractChangeFact[] {
  return facts.of('contract.change').filter((f) => f.surface === 'public' && aspects.includes(f.aspect) && f.change !== 'widened');
}

/** `before (from path:line) → after (to path:line)`, or `→ absent at to`. */
export function beforeAfter(fact: ContractChangeFact): string {
  const after = fact.after === undefined ? 'absent at to' : `${fact.after} (to ${fact.toAt ?? '?'})`;
  return `${fact.before} (from ${fact.fromAt}) → ${after}`;
}

export function contractFinding(fact: ContractChangeFact, message: string): FindingDraft {
  const draft: FindingDraft = { message, path: fact.path, evidence: beforeAfter(fact) };
  if (fact.line !== undefined) draft.line = fact.line;
  return draft;
}

export const via = (fact: ContractChangeFact) => `exported by ${fact.entry}`;
