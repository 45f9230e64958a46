import { at, endpointEvidence, endpointName } from './_endpoint.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'spec-code-mismatch',
  category: 'docs',
  severity: 'info',
  description: "An operation of the running release's spec is missing from the target's spec, but the target's route code still serves it.",
  checklist: 'endpoints',
  remediation: 'Bring the spec in line with the route code, so that the next comparison reads the same API from both.',
  docs: {
    why: 'The spec says the rollback removes the operation, the code says it does not. The code is what answers requests, so nothing is reported removed; the spec is out of step with it (often a spec added to document endpoints that already existed).',
    example: 'v2 adds openapi.yaml describing `GET /users/{id}`, which src/routes/users.ts has served since v1.',
    fix: 'Keep the spec next to the code that serves it, or generate it from the code.',
  },
  check(facts) {
    return facts.of('endpoint.spec-mismatch').map((fact) => ({
      message: `${endpointName(fact.method, fact.route)} is in no spec of the target, but ${endpointName(fact.servedBy.method, fact.servedBy.route)} at ${at(fact.servedBy)} still serves it: the spec and the code disagree`,
      path: fact.path,
      line: fact.line,
      evidence: `served at the target by ${fact.servedBy.source} at ${at(fact.servedBy)}`,
      endpoint: endpointEvidence({ ...fact, source: 'openapi' }, { answeredBy: fact.servedBy }),
    }));
  },
});
