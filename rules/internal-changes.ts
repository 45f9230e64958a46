import { defineRule } from './rule.js';
import { plural } from '../src/util/format.js';

export default defineRule({
  id: 'internal-changes',
  category: 'code-change',
  severity: 'info',
  description: 'Exports of modules that only code rolling back with them uses changed: one line with the count, no points.',
  checklist: 'contracts',
  remediation: 'Nothing to do for the rollback: the modules and their callers go back together.',
  docs: {
    why: 'Modules of one deployable, and workspace packages only it uses, roll back together with their callers: a function whose parameters changed in the release goes back with the code that calls it. They are counted so nothing is hidden (`internalChanges` in the JSON report), but they are no contract and weigh nothing in the score.',
    example: 'The release changed the props of `src/components/Button.tsx` and the signature of `src/lib/send.ts` in one web app.',
    fix: 'Nothing. Publish the package, or analyse one service with `--scope`, when other deployables import it: its exports then count as contracts.',
  },
  check(facts) {
    const internal = facts.of('contract.change').filter((f) => f.surface === 'internal' && f.change !== 'widened');
    if (internal.length === 0) return [];
    const modules = [...new Set(internal.map((f) => f.path))].sort();
    return [
      {
        message: `${plural(internal.length, 'internal API change')} in ${plural(modules.length, 'module')} ${internal.length === 1 ? 'rolls back together with the code that uses it' : 'roll back together with the code that uses them'}`,
        path: modules[0]!,
        evidence: modules.slice(0, 5).join(', ') + (modules.length > 5 ? ` (+${modules.length - 5} more)` : ''),
      },
    ];
  },
});
