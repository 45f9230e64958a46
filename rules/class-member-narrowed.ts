import { breakingChanges, contractFinding, via } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'class-member-narrowed',
  category: 'contract-change',
  severity: 'high',
  description:
    'A public or protected member of an exported class of the running release is missing, less visible or of another kind at the target.',
  checklist: 'contracts',
  remediation: 'Find the consumers (and subclasses) that use the member; they break after the rollback unless they go back too.',
  docs: {
    why: 'Code that calls a method, reads a property or extends the class was written against the running release. A member that disappears or becomes private or protected breaks those uses at compile time or at run time.',
    example: '`class Client { close(): void }` at the running release, `class Client` without close() at the target.',
    fix: 'Keep the member in a forward fix, or roll back the code that uses it first.',
  },
  check(facts) {
    return breakingChanges(facts, ['class-member']).map((fact) =>
      contractFinding(fact, `${fact.symbol}, ${via(fact)}: ${fact.detail} in the rollback`),
    );
  },
});
