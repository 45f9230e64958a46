import { defineRule } from './rule.js';

export default defineRule({
  id: 'route-unresolved',
  category: 'endpoint-removal',
  severity: 'low',
  description: 'A route in the running release has a path or method the tool cannot read statically.',
  checklist: 'endpoints',
  outcome: 'manual',
  remediation: 'Read the route yourself and check that the rollback target still serves it.',
  docs: {
    why:
      'A path built at run time (from a variable, a config value or a loop) cannot be compared with the older release. It may be an endpoint the rollback removes, so it is shown rather than dropped.',
    example: "app.get(`${config.base}/users`, handler) in a file the release changed.",
    fix: 'Check the route by hand; prefer literal route paths so the tool can compare them.',
  },
  check(facts) {
    return facts.of('endpoint.unresolved').map((fact) => ({
      message: `a route (${fact.source}) cannot be read statically (${fact.reason}): check by hand that the rollback keeps it`,
      path: fact.path,
      line: fact.line,
      evidence: fact.evidence,
    }));
  },
});
