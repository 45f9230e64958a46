import type { Severity } from '../src/model/report.js';
import type { RuntimeChangedFact } from '../src/model/facts/dependencies.js';
import { defineRule } from './rule.js';

const SOURCE: Record<RuntimeChangedFact['source'], string> = {
  engines: 'engines',
  packageManager: 'packageManager',
  'version-file': 'version file',
  'tool-versions': '.tool-versions',
  dockerfile: 'base image',
};

// Any downgrade of the runtime itself is checked, whatever the semver distance: runtimes publish security
// releases as patches, and a pinned patch (`node:24.18.1`) often works around a crash of the floating tag.
function severityOf(fact: RuntimeChangedFact): Severity {
  if (fact.rollback === 'downgrade') return 'medium';
  if (fact.rollback === 'changes' || fact.rollback === 'restores') return 'low';
  return 'info';
}

function messageOf(f: RuntimeChangedFact): string {
  const what = `${f.runtime} (${SOURCE[f.source]})`;
  switch (f.rollback) {
    case 'downgrade':
      return `the rollback downgrades ${what} from ${f.from} to ${f.to} (${f.level})`;
    case 'upgrade':
      return `the rollback upgrades ${what} from ${f.from} to ${f.to}`;
    case 'removes':
      return `the rollback removes ${what} ${f.from}`;
    case 'restores':
      return `the rollback brings back ${what} ${f.to}`;
    default:
      return `the rollback switches ${what} from ${f.from} to ${f.to}`;
  }
}

export default defineRule({
  id: 'runtime-downgrade',
  category: 'dependency-change',
  severity: 'medium',
  description: 'The rollback goes back to an older runtime (engines, .nvmrc, .node-version, .tool-versions, Dockerfile base image).',
  checklist: 'dependencies',
  remediation:
    'Make sure the older runtime can read everything the newer one wrote (data, caches, sessions) and that the platform still offers it.',
  docs: {
    why: 'Redeploying an older build brings back its runtime. Data written by features of the newer runtime can be unreadable or erased by the older one, native modules built for it break, and platforms drop old runtimes from their images.',
    example: 'The release moved the Dockerfile from `node:18-alpine` to `node:20-alpine` and `engines.node` from >=18 to >=20.',
    fix: 'Keep the newer runtime while rolling back the code when the older code supports it; otherwise check stored data and native modules against the older runtime first.',
  },
  check(facts) {
    return facts.of('runtime.changed').map((fact) => ({
      message: messageOf(fact),
      path: fact.path,
      line: fact.line,
      severity: severityOf(fact),
    }));
  },
});
