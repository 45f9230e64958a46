import { breakingChanges, contractFinding, via } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'signature-narrowed',
  category: 'contract-change',
  severity: 'high',
  description:
    'A function, method or constructor of the running release accepts less at the target: a parameter removed or made required, a type narrowed or changed, an overload gone.',
  checklist: 'contracts',
  remediation:
    'Check the call sites of consumers built against the running release; they must call the older signature after the rollback.',
  docs: {
    why: 'Callers written against the running release pass what its signature allows. After the rollback a parameter they rely on may be required, gone or of another type, so their calls no longer compile or do the wrong thing.',
    example:
      '`createUser(name: string, emails: string[] = [])` at the running release, `createUser(name: string, email: string)` at the target.',
    fix: 'Roll back or adapt the callers with the service, or keep the wider signature in a forward fix.',
  },
  check(facts) {
    return breakingChanges(facts, ['signature']).map((fact) =>
      contractFinding(fact, `${fact.symbol}, ${via(fact)}: ${fact.detail} in the rollback`),
    );
  },
});
