import { excerpt } from '../src/util/sanitize.js';
import { endpointEvidence, endpointName } from './_endpoint.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'endpoint-narrowed',
  category: 'contract-change',
  severity: 'medium',
  description: 'An operation kept by the rollback accepts less or returns less than in the running release.',
  checklist: 'endpoints',
  remediation: 'Check which clients send the new optional data or read the vanished fields before rolling back.',
  docs: {
    why: 'Clients written against the running release may omit a field the older release requires, send an enum value it does not know, or read a response field it never returns. The endpoint is still there, but those calls now fail or misbehave.',
    example: 'At v2 the query parameter `limit` of `GET /users` is optional; at v1 it is required.',
    fix: 'Keep the older release tolerant (default the now-required field, accept the new enum value) or roll forward.',
  },
  check(facts) {
    return facts.of('endpoint.narrowed').map((fact) => ({
      message: `${endpointName(fact.method, fact.route)} is narrowed by the rollback: ${excerpt(fact.change, 600)}`,
      path: fact.path,
      line: fact.line,
      evidence: excerpt(fact.change, 600),
      endpoint: endpointEvidence({ ...fact, source: 'openapi' }),
    }));
  },
});
