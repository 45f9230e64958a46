import type { ConfigFileFact } from '../src/model/facts/config.js';
import { defineRule } from './rule.js';

const list = (keys: string[]) => keys.slice(0, 5).join(', ') + (keys.length > 5 ? ` (+${keys.length - 5} more)` : '');

const LABEL: Record<ConfigFileFact['configKind'], string> = {
  'feature-flags': 'feature flags',
  'app-config': 'app config',
  dotenv: 'committed environment file',
};

function describe(fact: ConfigFileFact): string {
  if (fact.status === 'added') return `the rollback deletes ${fact.path} (added by the release)`;
  if (fact.status === 'deleted') return `the rollback brings back ${fact.path} (deleted by the release)`;
  if (fact.restored === undefined) return `the rollback reverts ${fact.path} (not parsed: keys unknown)`;
  const parts = [
    fact.changed && fact.changed.length > 0 ? `changes back ${list(fact.changed)}` : '',
    fact.restored.length > 0 ? `brings back ${list(fact.restored)}` : '',
    fact.dropped && fact.dropped.length > 0 ? `drops ${list(fact.dropped)}` : '',
  ].filter(Boolean);
  return `the rollback ${parts.join(', ')} in ${fact.path}`;
}

export default defineRule({
  id: 'config-file-changed',
  category: 'config-change',
  severity: 'low',
  description: 'The rollback reverts feature flags or app config files, which other systems or people may have come to rely on.',
  checklist: 'config',
  outcome: 'manual',
  remediation: 'Check each key the rollback changes: flags switched back, settings restored or dropped; confirm that is what you want.',
  docs: {
    why: 'Flags and settings change for reasons other than the code: a flag turned on for customers, a limit raised for an incident. Rolling back the code turns them back too, unless they live outside the repository, in which case the older code meets the newer settings.',
    example: '`config/flags.json` turned `new-checkout` on in the release; rolling back turns it off for everyone.',
    fix: 'Decide per key whether the old value is right; move runtime flags out of the release artifact so a rollback does not flip them.',
  },
  check(facts) {
    return facts.of('config.changed').map((fact) => ({
      message: `${LABEL[fact.configKind]}: ${describe(fact)}`,
      path: fact.path,
    }));
  },
});
