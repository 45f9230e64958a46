import { breakingChanges, contractFinding } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'package-requirements-narrowed',
  category: 'contract-change',
  severity: 'medium',
  description: 'A package.json `engines` or `peerDependencies` range is stricter or different at the target than at the running release.',
  checklist: 'contracts',
  remediation: 'Check that the runtime and the peer versions installed now satisfy the target ranges.',
  docs: {
    why: 'While the running release was live, consumers upgraded their runtime or peers to what it accepts. If the target demands another Node.js range or other peer versions, installs warn or fail and the older code may not run there.',
    example:
      '`"engines": { "node": ">=18" }` at the running release, `"node": ">=20"` at the target; or a new peer dependency at the target.',
    fix: 'Confirm the platform runtime and installed peers against the target ranges before rolling back.',
  },
  check(facts) {
    return breakingChanges(facts, ['package-engines', 'package-peer']).map((fact) =>
      contractFinding(fact, `${fact.entry}: ${fact.detail} in the rollback`),
    );
  },
});
