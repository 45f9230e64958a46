import { endpointEvidence, endpointName, evidenceText, prefixNote } from './_endpoint.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'endpoint-removed',
  category: 'endpoint-removal',
  severity: 'high',
  description: 'An HTTP endpoint served by the running release is not served by the rollback target.',
  checklist: 'endpoints',
  remediation: 'Find the clients that call the endpoint (access logs, API gateway) and keep it served, or roll forward instead.',
  docs: {
    why: 'Clients began to call the endpoint when the release shipped it. Rolling back takes it away from under them: their calls fail with 404 or 405 until the release comes back. The longer it has been live, the more clients depend on it.',
    example: 'v1.1.0 adds `GET /api/users/:id/emails` in src/index.ts; rolling back to v1.0.0 removes it.',
    fix: 'Check the access logs for the endpoint; if it has callers, roll forward with a fix, or deploy the target with the endpoint kept (a stub that answers 503 with Retry-After is better than a 404).',
  },
  check(facts) {
    return facts.of('endpoint.removed').map((fact) => ({
      message: `${endpointName(fact.method, fact.route)} is no longer served after the rollback${fact.deprecated ? ' (deprecated, but still removed for the clients that use it)' : ''}${prefixNote(fact)}`,
      path: fact.path,
      line: fact.line,
      evidence: evidenceText(fact),
      endpoint: endpointEvidence(fact),
    }));
  },
});
