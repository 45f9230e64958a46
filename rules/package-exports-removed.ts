import { breakingChanges, contractFinding } from './_contract.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'package-exports-removed',
  category: 'contract-change',
  severity: 'high',
  description: 'A package.json `exports` subpath or condition, or a `bin` command, of the running release is missing at the target.',
  checklist: 'contracts',
  remediation: 'Find who imports the subpath or runs the command (packages, scripts, CI jobs) before rolling back.',
  docs: {
    why: 'package.json publishes how a package is reached: `exports` subpaths and conditions and `bin` commands. Importers of a subpath that is gone get ERR_PACKAGE_PATH_NOT_EXPORTED; scripts calling a removed command fail with "command not found".',
    example:
      '`"exports": { ".": "./dist/index.js", "./testing": "./dist/testing.js" }` at the running release; the target has no "./testing".',
    fix: 'Roll back the importers first, or keep the subpath or command in a forward fix.',
  },
  check(facts) {
    return breakingChanges(facts, ['package-exports', 'package-bin']).map((fact) =>
      contractFinding(fact, `${fact.entry}: ${fact.detail} by the rollback`),
    );
  },
});
