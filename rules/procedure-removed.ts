import { endpointEvidence, endpointName, evidenceText, prefixNote } from './_endpoint.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'procedure-removed',
  category: 'endpoint-removal',
  severity: 'low',
  description: 'A tRPC procedure served by the running release is not served by the rollback target.',
  checklist: 'endpoints',
  remediation:
    'Reload the open pages of the app after the rollback; if other applications call the procedure, treat it as a removed endpoint.',
  docs: {
    why: "A tRPC procedure is usually called by the app's own front end, which rolls back with it: only pages still open on the running release fail when they call it, until they are reloaded. The tool cannot see who else calls it. When a mobile app, another service or a published client calls your tRPC API, set this rule to `high`, and its findings count as removed endpoints.",
    example:
      'v4.9.0 adds the mutation `spaces.updateShowBranding` (served as `POST /api/trpc/spaces.updateShowBranding`); rolling back to v4.8.1 removes it.',
    fix: 'Reload the open pages after the rollback; for a tRPC API with outside callers, keep the procedure in the target or roll forward.',
  },
  check(facts) {
    return facts.of('procedure.removed').map((fact) => ({
      message: `tRPC ${fact.type} ${fact.procedure} (${endpointName(fact.method, fact.route)}) is no longer served after the rollback: pages of the running release still open fail when they call it${prefixNote(fact)}`,
      path: fact.path,
      line: fact.line,
      evidence: evidenceText({ ...fact, source: 'trpc' }),
      endpoint: endpointEvidence({ ...fact, source: 'trpc' }),
    }));
  },
});
