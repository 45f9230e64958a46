import { at, endpointEvidence, endpointName, evidenceText, prefixNote } from './_endpoint.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'endpoint-rerouted',
  category: 'contract-change',
  severity: 'low',
  description: 'An endpoint of the running release loses its own route at the rollback target, where another route answers its requests.',
  checklist: 'endpoints',
  outcome: 'manual',
  remediation: 'Check that the route answering at the target handles these requests the way clients of the running release expect.',
  docs: {
    why: 'The URLs are still answered after the rollback, so clients get no 404; but by other code — a parameter or wildcard route the release had placed the endpoint in front of. That code may read the path differently (a slug taken as an id) and answer 404 or other data.',
    example:
      'v2 adds `GET /files/:id.:format` before `GET /files/:id`; after the rollback `GET /files/:id` answers `/files/report.pdf` with `id = "report.pdf"`.',
    fix: 'Call the answering route with a request of the running release, or keep the specific route in the target.',
  },
  check(facts) {
    return facts.of('endpoint.rerouted').map((fact) => ({
      message: `${endpointName(fact.method, fact.route)} has no route of its own after the rollback: ${endpointName(fact.answeredBy.method, fact.answeredBy.route)} (${at(fact.answeredBy)}) answers its requests instead${prefixNote(fact)}`,
      path: fact.path,
      line: fact.line,
      evidence: `${evidenceText(fact)}; now answered by ${endpointName(fact.answeredBy.method, fact.answeredBy.route)} (${fact.answeredBy.source}) at ${at(fact.answeredBy)}`,
      endpoint: endpointEvidence(fact, { answeredBy: fact.answeredBy }),
    }));
  },
});
