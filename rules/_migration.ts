// Shared by the migration rules: picks the operations a rule judges and words the finding.
import type { Facts } from '../src/model/facts.js';
import type { MigrationOpFact } from '../src/model/facts/migrations.js';
import { describeOp, type OpAction, type OpOf } from '../src/model/sql.js';
import type { FindingDraft } from './rule.js';

/** Operations of the release's migrations with one of the actions, on objects the older code knew. */
export function opsOf<A extends OpAction>(facts: Facts, ...actions: A[]): (MigrationOpFact & { op: OpOf<A> })[] {
  return facts
    .of('migration.op')
    .filter((f): f is MigrationOpFact & { op: OpOf<A> } => (actions as OpAction[]).includes(f.op.action) && !f.newObject);
}

/** A finding at the statement: "migration <id> <what it does>: <consequence>". */
export function opFinding(fact: MigrationOpFact, consequence: string, extra: Partial<FindingDraft> = {}): FindingDraft {
  const note = fact.note ? ` (${fact.note})` : '';
  return {
    message: `migration ${fact.migration} ${describeOp(fact.op)}: ${consequence}${note}`,
    path: fact.path,
    line: fact.line,
    evidence: fact.statement,
    ...extra,
  };
}
